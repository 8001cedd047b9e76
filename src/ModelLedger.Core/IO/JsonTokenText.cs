using System.Text.Json;

namespace ModelLedger.IO;

/// <summary>JSON tokens and parser messages as error messages quote them.</summary>
internal static class JsonTokenText
{
    public static string WithArticle(JsonTokenType t) => t switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => t.ToString(),
    };

    /// <summary>
    /// The characters between the quotes of a JSON string holding <paramref name="value"/>: only what JSON requires
    /// is escaped (quote, backslash, control characters), so an edit changes no other bytes. The ledger writer also
    /// escapes U+2028/U+2029 (<paramref name="lineSeparators"/>) so a ledger pasted into JavaScript stays one string.
    /// </summary>
    public static string Escape(string value, bool lineSeparators = false) =>
        EscapeDoubleQuoted(value, c => c < 0x20 || (lineSeparators && (c == '\u2028' || c == '\u2029'))
            ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)
            : null);

    /// <summary>
    /// The body of a double-quoted string (JSON, YAML): quote, backslash, \n, \r and \t escaped; any other character
    /// as <paramref name="other"/> spells it, or as is when that returns null.
    /// </summary>
    public static string EscapeDoubleQuoted(string value, System.Func<char, string?> other)
    {
        var sb = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    var escaped = other(c);
                    if (escaped != null) sb.Append(escaped);
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// A System.Text.Json exception message without the " LineNumber: n | BytePositionInLine: m." it appends (the
    /// error names the line itself) and without its closing full stop, to be quoted inside a sentence.
    /// </summary>
    public static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", System.StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' ');
    }
}
