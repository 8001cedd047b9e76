using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests.FakeCometApi;

/// <summary>
/// The test's own view of "the key appears here", independent of the module's scrubber: the text as written, then
/// with control and zero-width characters removed (a key split by NULs), URL-decoded, JSON-unescaped and
/// XML/HTML-decoded; a file is also read as UTF-8, UTF-16 LE/BE, UTF-32 and byte by byte.
/// </summary>
public static class KeyForms
{
    private static readonly Regex JsonEscape = new(@"\\u([0-9a-fA-F]{4})", RegexOptions.CultureInvariant);

    public static bool Holds(string? text, string key) => Where(text, key) != null;

    /// <summary>Which view of <paramref name="text"/> shows the key, for the assertion message; null when none does.</summary>
    public static string? Where(string? text, string key)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var view = Views(text!).Select((v, i) => (v, i)).Where(p => p.v.Contains(key, StringComparison.Ordinal)).Select(p => ViewNames[p.i]).FirstOrDefault();
        return view ?? (Base64Middles(key).Any(m => text!.Contains(m, StringComparison.Ordinal)) ? "base64" : null);
    }

    // The middle of the key's base64 encoding at each byte alignment (standard and URL-safe): present whenever the
    // key was base64-encoded whole, alone or inside a longer text (a Basic header). Short keys have none.
    private static IEnumerable<string> Base64Middles(string key)
    {
        if (key.Length < 12) yield break;
        foreach (var prefix in new[] { "", "a", "ab" })
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + key));
            var middle = encoded.Substring(4, encoded.Length - 12);
            yield return middle;
            yield return middle.Replace('+', '-').Replace('/', '_');
        }
    }

    private static readonly string[] ViewNames = { "raw", "without control characters", "URL-decoded", "JSON-unescaped", "XML-decoded", "without whitespace" };

    private static IEnumerable<string> Views(string text)
    {
        yield return text;
        var visible = new string(text.Where(c => !char.IsControl(c) && !(c >= '\u200B' && c <= '\u200F') && c != '\uFEFF' && c != '\u00AD').ToArray());
        yield return visible;
        yield return Uri.UnescapeDataString(visible);
        yield return JsonEscape.Replace(visible, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        yield return WebUtility.HtmlDecode(visible);
        // A key split by NULs that were later turned into spaces still reads as the key.
        yield return new string(visible.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }

    public static bool FileHolds(byte[] bytes, string key) =>
        new Encoding[] { new UTF8Encoding(false), new UnicodeEncoding(false, false), new UnicodeEncoding(true, false), new UTF32Encoding(false, false), Encoding.Latin1 }
            .Any(e => Holds(e.GetString(bytes), key));
}
