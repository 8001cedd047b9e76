using System;
using System.Collections.Generic;
using System.Text;

namespace ModelLedger.Ledger;

/// <summary>
/// Reads a CSV ledger whose header row uses the JSON field names. Export-Csv output reads as is, including
/// Windows PowerShell's leading "#TYPE" line, the SourcePath/SourceLine columns (ignored) and the text twins of
/// dates and lists (see <see cref="LedgerFields.TextTwinSuffix"/>), which win over the culture-formatted columns.
/// </summary>
internal static class LedgerCsvReader
{
    private const string Kind = "Ledger";

    public static List<LedgerEntry> Read(string path, byte[] utf8)
    {
        var reader = new CsvRecordReader(Encoding.UTF8.GetString(utf8));
        try
        {
            return ReadRecords(path, reader);
        }
        catch (CsvSyntaxException ex)
        {
            throw Error(path, ex.Line, null, ex.Message + ".", "Fix the quoting on that line (Export-Csv writes valid CSV).");
        }
    }

    private static List<LedgerEntry> ReadRecords(string path, CsvRecordReader reader)
    {
        var header = NextNonBlank(reader);
        if (header != null && header.Count >= 1 && header[0].Value.StartsWith("#TYPE", StringComparison.Ordinal))
            header = NextNonBlank(reader);
        if (header == null)
            throw Error(path, 1, null, "the file is empty.", $"Write a header row with the ledger columns ({LedgerFields.KnownList}), then one row per service.");

        // Each column fills a field, fills it through the field's text twin (which wins), or is ignored.
        var columns = new LedgerField?[header.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var twinned = new HashSet<LedgerField>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Value;
            if (!seen.Add(name))
                throw Error(path, reader.RecordLine, name, "this column appears twice in the header.", "Delete one of the two columns.");
            if (LedgerFields.IsReadOnly(name)) continue;
            if (LedgerFields.TryGetTwin(name, out var twinOf)) { columns[i] = twinOf; twinned.Add(twinOf); continue; }
            if (!LedgerFields.TryGet(name, out var field))
                throw Error(path, reader.RecordLine, name, $"column {i + 1} is not a ledger field." + LedgerFields.Suggest(name),
                    $"Use only the ledger columns ({LedgerFields.KnownList}); put free text in the notes column.");
            columns[i] = field;
        }
        for (var i = 0; i < header.Count; i++)
            if (columns[i] is { } f && twinned.Contains(f) && !LedgerFields.TryGetTwin(header[i].Value, out _))
                columns[i] = null;
        if (Array.IndexOf(columns, LedgerFields.Service) < 0)
            throw Error(path, reader.RecordLine, LedgerFields.Service.Name, "the header has no service column.",
                "Add a 'service' column: every ledger row names the service whose model IDs it records.");

        var entries = new List<LedgerEntry>();
        List<CsvField>? row;
        while ((row = NextNonBlank(reader)) != null)
        {
            var line = reader.RecordLine;
            if (row.Count != columns.Length)
                throw Error(path, line, null, $"the row has {row.Count} fields but the header has {columns.Length}.",
                    "Quote any value that contains a comma, and give every row one value per column (empty for none).");
            var entry = new LedgerEntry { SourcePath = path, SourceLine = line };
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i] is not { } field) continue;
                if (!field.TryParseText(row[i].Value, out var value, out var problem, out var fix))
                    throw Error(path, row[i].Line, header[i].Value, problem, fix);
                field.SetValue(entry, value);
            }
            entries.Add(entry);
        }
        LedgerValidation.RejectDuplicateServices(path, entries);
        return entries;
    }

    // A blank line (one empty field) is skipped; spreadsheets leave them at the end.
    private static List<CsvField>? NextNonBlank(CsvRecordReader reader)
    {
        List<CsvField>? row;
        while ((row = reader.Next()) != null)
            if (!(row.Count == 1 && row[0].Value.Length == 0)) return row;
        return null;
    }

    private static ModelLedgerException Error(string path, int line, string? field, string problem, string fix) =>
        FileErrors.Invalid(ErrorIds.LedgerInvalid, Kind, path, line, field, problem, fix);
}
