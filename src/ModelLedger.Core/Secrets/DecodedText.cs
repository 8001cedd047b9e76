using System.Collections.Generic;

namespace ModelLedger.Secrets;

/// <summary>
/// Text as a reader would see it once the encodings we (or a server) might wrap a key in are undone: URL
/// escapes (<c>%73</c>), JSON and C# escapes (<c>\u0073</c>, <c>\x73</c>, <c>\/</c>), XML and HTML character
/// references (<c>&amp;#115;</c>, <c>&amp;amp;</c>), and characters a terminal or log does not show (control
/// characters such as NUL, which is also what the ASCII half of UTF-16 looks like read byte by byte, and
/// zero-width characters). Each decoded character remembers the span of the original text it came from, so a
/// match can be cut out of the original in whatever form it had.
/// </summary>
internal sealed class DecodedText
{
    private readonly List<int>? _start;
    private readonly List<int>? _end;

    /// <summary>The decoded text with its map back to the original (for cutting a match out).</summary>
    public static DecodedText Mapped(string original) => new(original, map: true);

    /// <summary>Only the decoded characters (for a yes/no search: no map is built, so a large file costs one string).</summary>
    public static string Plain(string original) => new DecodedText(original, map: false).Text;

    private DecodedText(string original, bool map)
    {
        if (map)
        {
            _start = new List<int>();
            _end = new List<int>();
        }
        var chars = new System.Text.StringBuilder(original.Length);
        var i = 0;
        while (i < original.Length)
        {
            var length = DecodeAt(original, i, out var c);
            if (!IsInvisible(c))
            {
                chars.Append(c);
                _start?.Add(i);
                _end?.Add(i + length);
            }
            i += length;
        }
        Text = chars.ToString();
    }

    /// <summary>The decoded characters, invisible ones left out.</summary>
    public string Text { get; }

    /// <summary>The original span [start, end) behind decoded characters [index, index + count).</summary>
    public (int Start, int End) OriginalSpan(int index, int count) => (_start![index], _end![index + count - 1]);

    // Characters that print as nothing, so a key split by them still reads as the key.
    private static bool IsInvisible(char c) =>
        char.IsControl(c) || c == '\u00AD' || (c >= '\u200B' && c <= '\u200F') || c == '\u2060' || c == '\uFEFF' ||
        (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>How many original characters form the next decoded character <paramref name="c"/>.</summary>
    private static int DecodeAt(string s, int i, out char c)
    {
        c = s[i];
        switch (c)
        {
            case '%' when Hex(s, i + 1, 2, out var v):
                c = (char)v; return 3;
            case '\\' when i + 1 < s.Length:
                var next = s[i + 1];
                if (next == 'u' && Hex(s, i + 2, 4, out var u)) { c = (char)u; return 6; }
                if (next == 'x' && Hex(s, i + 2, 2, out var x)) { c = (char)x; return 4; }
                if (next == '"' || next == '\\' || next == '/' || next == '\'') { c = next; return 2; }
                // The display form of control characters (UntrustedText.ForDisplay writes \n, \r, \t): they print as nothing real.
                if (next == 'n' || next == 'r' || next == 't' || next == '0' || next == 'b' || next == 'f') { c = '\0'; return 2; }
                return 1;
            case '&':
                return Entity(s, i, ref c);
            default:
                return 1;
        }
    }

    private static int Entity(string s, int i, ref char c)
    {
        var semi = s.IndexOf(';', i + 1);
        if (semi < 0 || semi - i > 10) return 1;
        var name = s.Substring(i + 1, semi - i - 1);
        int value;
        if (name.Length > 2 && (name[1] == 'x' || name[1] == 'X') && name[0] == '#' && Hex(name, 2, name.Length - 2, out value)) { }
        else if (name.Length > 1 && name[0] == '#' && int.TryParse(name.Substring(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)) { }
        else
        {
            switch (name)
            {
                case "amp": value = '&'; break;
                case "lt": value = '<'; break;
                case "gt": value = '>'; break;
                case "quot": value = '"'; break;
                case "apos": value = '\''; break;
                default: return 1;
            }
        }
        if (value < 0 || value > 0xFFFF) return 1;
        c = (char)value;
        return semi - i + 1;
    }

    private static bool Hex(string s, int at, int count, out int value)
    {
        value = 0;
        if (count <= 0 || count > 6 || at + count > s.Length) return false;
        for (var k = at; k < at + count; k++)
        {
            var d = s[k];
            int n = d >= '0' && d <= '9' ? d - '0' : d >= 'a' && d <= 'f' ? d - 'a' + 10 : d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
            if (n < 0) return false;
            value = value * 16 + n;
        }
        return true;
    }
}
