using System.Collections.Generic;
using System.Text;

namespace ModelLedger.Ledger;

/// <summary>One CSV field: its text exactly as written (quotes removed) and the line it starts on.</summary>
internal readonly struct CsvField
{
    public CsvField(string value, int line) { Value = value; Line = line; }
    public string Value { get; }
    public int Line { get; }
}

/// <summary>
/// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF both end a
/// record. Nothing is trimmed. A malformed quote is reported with its line, never guessed around.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly string _text;
    private int _pos;
    private int _line = 1;

    public CsvRecordReader(string text) => _text = text;

    /// <summary>Line where the last returned record started.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Character index where the last returned record starts (the editor replaces whole records).</summary>
    public int RecordStart { get; private set; }

    /// <summary>Character index just after the last returned record and its line break.</summary>
    public int Position => _pos;

    /// <summary>Reads the next record; null at the end. Throws <see cref="CsvSyntaxException"/> on a malformed quote.</summary>
    public List<CsvField>? Next()
    {
        if (_pos >= _text.Length) return null;
        RecordLine = _line;
        RecordStart = _pos;
        var fields = new List<CsvField>();
        var value = new StringBuilder();
        while (true)
        {
            var fieldLine = _line;
            value.Clear();
            if (_pos < _text.Length && _text[_pos] == '"')
            {
                _pos++;
                while (true)
                {
                    if (_pos >= _text.Length)
                        throw new CsvSyntaxException(fieldLine, "a quoted field is never closed");
                    var c = _text[_pos++];
                    if (c == '"')
                    {
                        if (_pos < _text.Length && _text[_pos] == '"') { value.Append('"'); _pos++; continue; }
                        break;
                    }
                    if (c == '\n') _line++;
                    value.Append(c);
                }
                if (_pos < _text.Length && _text[_pos] != ',' && _text[_pos] != '\r' && _text[_pos] != '\n')
                    throw new CsvSyntaxException(_line, "text follows a closing quote; a quote inside a quoted field must be doubled (\"\")");
            }
            else
            {
                while (_pos < _text.Length && _text[_pos] != ',' && _text[_pos] != '\r' && _text[_pos] != '\n')
                {
                    if (_text[_pos] == '"')
                        throw new CsvSyntaxException(_line, "a quote appears inside an unquoted field; quote the whole field and double the inner quote");
                    value.Append(_text[_pos++]);
                }
            }
            fields.Add(new CsvField(value.ToString(), fieldLine));

            if (_pos >= _text.Length) return fields;
            var sep = _text[_pos++];
            if (sep == ',') continue;
            if (sep == '\r' && _pos < _text.Length && _text[_pos] == '\n') _pos++;
            _line++;
            return fields;
        }
    }
}

internal sealed class CsvSyntaxException : System.Exception
{
    public CsvSyntaxException(int line, string message) : base(message) => Line = line;
    public int Line { get; }
}
