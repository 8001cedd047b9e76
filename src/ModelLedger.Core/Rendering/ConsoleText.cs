using System.Globalization;
using System.Text;

namespace ModelLedger.Rendering
{
    /// <summary>
    /// Untrusted text (model IDs, ledger values, server messages) made safe for a console or CI log line: control
    /// characters, line breaks and bidi overrides are shown as visible \uXXXX escapes, and an Azure DevOps logging
    /// command prefix is broken so the agent never reads one out of data.
    /// </summary>
    public static class ConsoleText
    {
        public static string Safe(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? "";
            StringBuilder? sb = null;
            for (var i = 0; i < text!.Length; i++)
            {
                var c = text[i];
                if (NeedsEscape(c))
                {
                    sb ??= new StringBuilder(text, 0, i, text.Length + 16);
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else sb?.Append(c);
            }
            var result = sb?.ToString() ?? text;
            return result.IndexOf("##vso[", System.StringComparison.OrdinalIgnoreCase) >= 0 || result.IndexOf("##[", System.StringComparison.Ordinal) >= 0
                ? result.Replace("##", "#\u00B7#")
                : result;
        }

        private static bool NeedsEscape(char c) =>
            c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)
            || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
            || c == '\u2028' || c == '\u2029' || c == '\uFEFF';
    }
}
