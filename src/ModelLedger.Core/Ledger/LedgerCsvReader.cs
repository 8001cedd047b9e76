using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ModelLedger.Ledger
{
    /// <summary>
    /// Reads a CSV ledger whose header row uses the JSON field names. Export-Csv output reads as is, including
    /// Windows PowerShell's leading "#TYPE" line.
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

            var columns = new string[header.Count];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                var name = header[i].Value;
                if (!LedgerFields.TryCanonical(name, out var field))
                    throw Error(path, reader.RecordLine, name, $"column {i + 1} is not a ledger field." + LedgerFields.Suggest(name),
                        $"Use only the ledger columns ({LedgerFields.KnownList}); put free text in the notes column.");
                if (!seen.Add(field))
                    throw Error(path, reader.RecordLine, name, "this column appears twice in the header.", "Delete one of the two columns.");
                columns[i] = field;
            }
            if (!seen.Contains(LedgerFields.Service))
                throw Error(path, reader.RecordLine, LedgerFields.Service, "the header has no service column.",
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
                    var value = row[i].Value;
                    if (columns[i] == LedgerFields.LastValidated)
                    {
                        if (value.Length == 0) entry.LastValidated = null;
                        else if (LedgerFields.TryParseDate(value, out var when)) entry.LastValidated = when;
                        else throw Error(path, row[i].Line, header[i].Value, $"'{value}' is not a date.", LedgerFields.DateFix);
                    }
                    else if (columns[i] == LedgerFields.ConfigRefs)
                    {
                        // One column, refs separated by ';' (DESIGN.md); blanks around a ref are layout, not part of it.
                        var refs = value.Split(';').Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
                        entry.ConfigRefs = LedgerFields.CheckConfigRefs(path, row[i].Line, header[i].Value, refs);
                    }
                    else
                    {
                        LedgerFields.SetString(entry, columns[i], value);
                    }
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
}
