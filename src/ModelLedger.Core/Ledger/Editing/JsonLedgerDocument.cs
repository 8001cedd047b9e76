using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Ledger.Editing;

/// <summary>
/// Edits a JSON ledger by splicing bytes: a changed value replaces only its own bytes, an absent field is added
/// after the entry's last field with the separator, colon spacing and name casing the entry already uses, and a
/// new entry copies the layout of the entry before it. Comments, key order, indentation, line endings and the BOM
/// are never rewritten, so the reviewed diff is the change and nothing else.
/// </summary>
internal sealed class JsonLedgerDocument : ILedgerDocument
{
    private readonly string _path;
    private readonly LedgerBytes _encoding;
    private byte[] _body;
    private Layout _layout = null!;
    private IReadOnlyList<LedgerEntry> _entries = null!;

    public JsonLedgerDocument(string path, LedgerBytes encoding)
    {
        _path = path;
        _encoding = encoding;
        _body = encoding.Body;
        Rescan();
    }

    /// <summary>A new, empty ledger in the layout of the format's example (two-space indentation, LF).</summary>
    public static JsonLedgerDocument CreateNew(string path) =>
        new(path, LedgerBytes.NewUtf8(Encoding.UTF8.GetBytes("{\n  \"schemaVersion\": 1,\n  \"entries\": []\n}\n")));

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public byte[] ToBytes() => _encoding.Encode(_body);

    public void SetFields(int index, IReadOnlyList<(LedgerField Field, object? Value)> values)
    {
        foreach (var (field, value) in values)
        {
            var entry = _layout.Entries[index];
            var literal = Literal(field, value, entry);
            var existing = entry.Properties.FirstOrDefault(p => p.Field == field);
            if (existing != null)
            {
                Splice(existing.ValueStart, existing.ValueEnd - existing.ValueStart, literal);
            }
            else if (value != null)
            {
                AddProperty(entry, field, literal);
            }
            Rescan();
        }
    }

    public void AddEntry(LedgerEntry entry)
    {
        var previous = _layout.Entries.LastOrDefault();
        var style = previous != null ? Style.Of(_body, previous) : Style.Default;
        var props = LedgerFields.All.Where(f => f.GetValue(entry) != null)
            .Select(f => Quote(style.Name(f)) + style.Colon + Literal(f, f.GetValue(entry), previous)).ToList();
        var text = "{" + style.Separator + string.Join("," + style.Separator, props) + style.Closing + "}";
        if (previous != null)
        {
            var at = previous.End;
            if (FollowedByComma(previous.End, out var afterComma)) Splice(afterComma, 0, style.EntrySeparator + text + ",");
            else Splice(at, 0, "," + style.EntrySeparator + text);
        }
        else
        {
            // An empty array: open it onto its own lines, indented one step inside the array's own indentation.
            var indent = IndentOfLine(_layout.ArrayStart);
            Splice(_layout.ArrayStart + 1, _layout.ArrayEnd - _layout.ArrayStart - 1, "\n" + indent + "  " + text + "\n" + indent);
        }
        Rescan();
    }

    public void RemoveEntry(int index)
    {
        var entries = _layout.Entries;
        var entry = entries[index];
        if (index + 1 < entries.Count) Splice(entry.Start, entries[index + 1].Start - entry.Start, "");
        else if (index > 0) Splice(entries[index - 1].End, entry.End - entries[index - 1].End, "");
        else
        {
            var end = FollowedByComma(entry.End, out var afterComma) ? afterComma : entry.End;
            Splice(_layout.ArrayStart + 1, end - _layout.ArrayStart - 1, "");
        }
        Rescan();
    }

    private void AddProperty(EntryLayout entry, LedgerField field, string literal)
    {
        var style = Style.Of(_body, entry);
        var property = Quote(style.Name(field)) + style.Colon + literal;
        var last = entry.Properties.LastOrDefault();
        if (last == null)
        {
            Splice(entry.Start + 1, 0, style.Separator + property + (style.Closing.Length == 0 ? " " : ""));
            return;
        }
        if (FollowedByComma(last.ValueEnd, out var afterComma)) Splice(afterComma, 0, style.Separator + property + ",");
        else Splice(last.ValueEnd, 0, "," + style.Separator + property);
    }

    // A trailing comma (allowed in hand-edited ledgers) is kept: the new text goes after it and gets its own.
    private bool FollowedByComma(int at, out int afterComma)
    {
        var i = at;
        while (i < _body.Length && (_body[i] == ' ' || _body[i] == '\t')) i++;
        afterComma = i + 1;
        return i < _body.Length && _body[i] == ',';
    }

    private string IndentOfLine(int at)
    {
        var start = at;
        while (start > 0 && _body[start - 1] != '\n') start--;
        var end = start;
        while (end < _body.Length && (_body[end] == ' ' || _body[end] == '\t')) end++;
        return Encoding.UTF8.GetString(_body, start, end - start);
    }

    private string Literal(LedgerField field, object? value, EntryLayout? entry)
    {
        switch (value)
        {
            case null: return "null";
            case string[] list:
                var existing = entry?.Properties.FirstOrDefault(p => p.Field == field);
                if (existing != null && existing.Multiline)
                {
                    var indent = IndentOfLine(existing.NameStart);
                    return "[\n" + string.Join(",\n", list.Select(s => indent + "  " + Quote(s))) + "\n" + indent + "]";
                }
                return "[" + string.Join(", ", list.Select(Quote)) + "]";
            default: return Quote(field.ToText(value)!);
        }
    }

    private void Splice(int start, int length, string text)
    {
        var insert = Encoding.UTF8.GetBytes(text);
        var result = new byte[_body.Length - length + insert.Length];
        Buffer.BlockCopy(_body, 0, result, 0, start);
        Buffer.BlockCopy(insert, 0, result, start, insert.Length);
        Buffer.BlockCopy(_body, start + length, result, start + insert.Length, _body.Length - start - length);
        _body = result;
    }

    /// <summary>A JSON string literal: quotes, backslashes and control characters escaped (and U+2028/U+2029), other text as is.</summary>
    internal static string Quote(string value) => "\"" + JsonTokenText.Escape(value, lineSeparators: true) + "\"";

    private void Rescan()
    {
        _entries = LedgerReader.Parse(_path, _body);
        _layout = Layout.Scan(_path, _body);
    }

    /// <summary>How one entry is laid out: the whitespace between fields, around the colon, before '}', and name casing.</summary>
    private sealed class Style
    {
        public string Separator = " ";
        public string Colon = ": ";
        public string Closing = " ";
        public string EntrySeparator = " ";
        public bool Pascal;

        public static readonly Style Default = new() { Separator = "\n      ", Closing = "\n    ", EntrySeparator = "\n    " };

        public string Name(LedgerField f) => Pascal ? f.PropertyName : f.Name;

        public static Style Of(byte[] body, EntryLayout entry)
        {
            var style = new Style();
            var last = entry.Properties.LastOrDefault();
            if (last != null)
            {
                style.Separator = WhitespaceBefore(body, last.NameStart, entry.Start + 1) is { } sep && sep.Contains("\n") ? sep : " ";
                var colon = Encoding.UTF8.GetString(body, last.NameEnd, last.ValueStart - last.NameEnd);
                if (colon.Trim() == ":") style.Colon = colon;
                style.Pascal = char.IsUpper(entry.Properties[0].Name[0]);
            }
            style.Closing = WhitespaceBefore(body, entry.End - 1, entry.Start + 1) ?? " ";
            if (!style.Closing.Contains("\n")) style.Closing = " ";
            style.EntrySeparator = WhitespaceBefore(body, entry.Start, 0) is { } es && es.Contains("\n") ? es : " ";
            return style;
        }

        // The run of whitespace that ends at 'end', from the last line break in it (comments are not layout).
        private static string? WhitespaceBefore(byte[] body, int end, int floor)
        {
            var i = end;
            while (i > floor && (body[i - 1] == ' ' || body[i - 1] == '\t' || body[i - 1] == '\r' || body[i - 1] == '\n')) i--;
            if (i == end) return null;
            var text = Encoding.UTF8.GetString(body, i, end - i);
            var cut = text.IndexOf('\n');
            if (cut < 0) return text;
            // Keep "\r\n" or "\n" and the indentation of the next line, not blank lines before it.
            var lastBreak = text.LastIndexOf('\n');
            var lineEnding = lastBreak > 0 && text[lastBreak - 1] == '\r' ? "\r\n" : "\n";
            return lineEnding + text.Substring(lastBreak + 1);
        }
    }

    private sealed class PropertyLayout
    {
        public string Name = "";
        public LedgerField? Field;
        public int NameStart, NameEnd, ValueStart, ValueEnd;
        public bool Multiline;
    }

    private sealed class EntryLayout
    {
        public int Start, End;
        public readonly List<PropertyLayout> Properties = new();
    }

    /// <summary>Byte positions of the entries array, each entry and each of its properties.</summary>
    private sealed class Layout
    {
        public int ArrayStart, ArrayEnd;
        public readonly List<EntryLayout> Entries = new();

        public static Layout Scan(string path, byte[] body)
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 });
            var layout = new Layout();
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                layout.ReadArray(ref reader, body);
                return layout;
            }
            if (reader.TokenType != JsonTokenType.StartObject) throw LedgerEditErrors.ShapeNotEditable(path, "not a ledger object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (string.Equals(name, "entries", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartArray)
                {
                    layout.ReadArray(ref reader, body);
                    return layout;
                }
                if (LedgerFields.TryGet(name, out _)) throw LedgerEditErrors.ShapeNotEditable(path, "a single entry object (as ConvertTo-Json writes one entry)");
                reader.Skip();
            }
            throw LedgerEditErrors.ShapeNotEditable(path, "a ledger object without an entries array");
        }

        private void ReadArray(ref Utf8JsonReader reader, byte[] body)
        {
            ArrayStart = (int)reader.TokenStartIndex;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var entry = new EntryLayout { Start = (int)reader.TokenStartIndex };
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var p = new PropertyLayout { Name = reader.GetString()!, NameStart = (int)reader.TokenStartIndex };
                    p.NameEnd = p.NameStart + reader.ValueSpan.Length + 2;
                    if (LedgerFields.TryGet(p.Name, out var field)) p.Field = field;
                    reader.Read();
                    p.ValueStart = (int)reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        p.ValueEnd = (int)reader.TokenStartIndex + 1;
                    }
                    else
                    {
                        p.ValueEnd = p.ValueStart + reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0);
                    }
                    p.Multiline = Array.IndexOf(body, (byte)'\n', p.ValueStart, p.ValueEnd - p.ValueStart) >= 0;
                    entry.Properties.Add(p);
                }
                entry.End = (int)reader.TokenStartIndex + 1;
                Entries.Add(entry);
            }
            ArrayEnd = (int)reader.TokenStartIndex;
        }
    }
}
