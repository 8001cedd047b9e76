using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.References
{
    /// <summary>
    /// Writes a config ref, <c>path[@document]#key[#template]</c>, in the grammar about_ModelLedger describes: key
    /// segments joined by '.', a segment holding '.', '[', ']', '#' or '"' written in double quotes.
    /// </summary>
    public static class ConfigRefText
    {
        public static string Format(string relativePath, int? document, IEnumerable<string> segments, string? template)
        {
            var text = relativePath.Replace('\\', '/');
            if (document is int d) text += "@" + d;
            text += "#" + string.Join(".", segments.Select(Segment));
            if (template != null && template != "{id}") text += "#" + template;
            return text;
        }

        private static string Segment(string s) =>
            s.Length == 0 || s.IndexOfAny(new[] { '.', '[', ']', '#', '"' }) >= 0 ? "\"" + s.Replace("\"", "\\\"") + "\"" : s;
    }
}
