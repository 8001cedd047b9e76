using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ModelLedger.Ledger.Editing;

/// <summary>
/// Edits a CSV ledger record by record: only the rows that change are rewritten, columns keep their order, and
/// other lines (a #TYPE line, blank lines) stay as they are. A field the header lacks gets a column at the end.
/// Quoting follows the header: quoted everywhere if the header is quoted (as Export-Csv writes), else only where needed.
/// </summary>
internal sealed class CsvLedgerDocument : ILedgerDocument
{
    private readonly string _path;
    private readonly LedgerBytes _encoding;
    private string _text;
    private IReadOnlyList<LedgerEntry> _entries = null!;
    private Layout _layout = null!;

    public CsvLedgerDocument(string path, LedgerBytes encoding)
    {
        _path = path;
        _encoding = encoding;
        _text = Encoding.UTF8.GetString(encoding.Body);
        Rescan();
    }

    public static CsvLedgerDocument CreateNew(string path) =>
        new(path, LedgerBytes.NewUtf8(Encoding.UTF8.GetBytes(string.Join(",", LedgerFields.Names) + "\n")));

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public byte[] ToBytes() => _encoding.Encode(Encoding.UTF8.GetBytes(_text));

    public void SetFields(int index, IReadOnlyList<(LedgerField Field, object? Value)> values)
    {
        foreach (var (field, _) in values) EnsureColumn(field);
        var row = _layout.Rows[index];
        var cells = row.Cells.ToArray();
        foreach (var (field, value) in values)
            for (var c = 0; c < _layout.Columns.Count; c++)
                if (_layout.Columns[c].Field == field) cells[c] = field.ToText(value) ?? "";
        Replace(row.Start, row.End, Record(cells) + row.LineEnding);
    }

    public void AddEntry(LedgerEntry entry)
    {
        foreach (var f in LedgerFields.All.Where(f => f.GetValue(entry) != null)) EnsureColumn(f);
        var cells = _layout.Columns.Select(c => c.Field?.GetText(entry) ?? "").ToArray();
        var prefix = _text.Length > 0 && !_text.EndsWith("\n", StringComparison.Ordinal) ? _layout.LineEnding : "";
        Replace(_text.Length, _text.Length, prefix + Record(cells) + _layout.LineEnding);
    }

    public void RemoveEntry(int index)
    {
        var row = _layout.Rows[index];
        Replace(row.Start, row.End, "");
    }

    private void EnsureColumn(LedgerField field)
    {
        if (_layout.Columns.Any(c => c.Field == field)) return;
        // Appending a column touches every row (one more empty cell): the only way to keep the existing columns' order.
        var edits = new List<(int Start, int End, string Text)> { (_layout.HeaderEnd, _layout.HeaderEnd, "," + Cell(field.Name)) };
        foreach (var row in _layout.Rows) edits.Add((row.ContentEnd, row.ContentEnd, "," + (_layout.QuoteAll ? "\"\"" : "")));
        var sb = new StringBuilder(_text);
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start)) sb.Remove(start, end - start).Insert(start, text);
        _text = sb.ToString();
        Rescan();
    }

    private void Replace(int start, int end, string text)
    {
        _text = _text.Substring(0, start) + text + _text.Substring(end);
        Rescan();
    }

    private string Record(IEnumerable<string> cells) => string.Join(",", cells.Select(Cell));

    private string Cell(string value) =>
        _layout.QuoteAll || value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || (value.Length > 0 && value.StartsWith("#", StringComparison.Ordinal))
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;

    private void Rescan()
    {
        _entries = LedgerReader.Parse(_path, Encoding.UTF8.GetBytes(_text));
        _layout = Layout.Scan(_text);
    }

    private sealed class Column
    {
        public LedgerField? Field;
    }

    private sealed class Row
    {
        public int Start, ContentEnd, End;
        public string LineEnding = "";
        public List<string> Cells = new();
    }

    /// <summary>Character positions of the header and of each data row (the rows the reader turns into entries, in order).</summary>
    private sealed class Layout
    {
        public readonly List<Column> Columns = new();
        public readonly List<Row> Rows = new();
        public int HeaderEnd;
        public bool QuoteAll;
        public string LineEnding = "\n";

        public static Layout Scan(string text)
        {
            var layout = new Layout();
            var reader = new CsvRecordReader(text);
            List<CsvField>? record;
            var header = true;
            while ((record = reader.Next()) != null)
            {
                if (record.Count == 1 && record[0].Value.Length == 0) continue;
                if (header && record[0].Value.StartsWith("#TYPE", StringComparison.Ordinal)) continue;
                var contentEnd = reader.Position;
                while (contentEnd > reader.RecordStart && (text[contentEnd - 1] == '\n' || text[contentEnd - 1] == '\r')) contentEnd--;
                if (header)
                {
                    header = false;
                    layout.HeaderEnd = contentEnd;
                    layout.QuoteAll = text[reader.RecordStart] == '"';
                    layout.LineEnding = text.Substring(contentEnd, reader.Position - contentEnd) is { Length: > 0 } le ? le : "\n";
                    // Twin columns (LastValidatedText) carry the value the reader takes; the culture-formatted column
                    // of the same field is rewritten too, so both say the same after an edit.
                    foreach (var f in record)
                        layout.Columns.Add(new Column { Field = LedgerFields.TryGet(f.Value, out var field) ? field : LedgerFields.TryGetTwin(f.Value, out var twin) ? twin : null });
                    continue;
                }
                layout.Rows.Add(new Row
                {
                    Start = reader.RecordStart,
                    ContentEnd = contentEnd,
                    End = reader.Position,
                    LineEnding = text.Substring(contentEnd, reader.Position - contentEnd),
                    Cells = record.Select(f => f.Value).ToList(),
                });
            }
            return layout;
        }
    }
}
