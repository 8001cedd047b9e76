using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelLedger
{
    /// <summary>Why an available ID is a near miss of a requested one.</summary>
    public enum NearMissKind
    {
        /// <summary>The IDs differ only in letter case.</summary>
        Case,
        /// <summary>The IDs differ only in whitespace (leading, trailing or inside).</summary>
        Whitespace,
        /// <summary>One ID carries a date suffix (-2024-08-06, -20251001) the other lacks, or a different one.</summary>
        DateSuffix,
    }

    /// <summary>An available model ID that looks like the requested one. A hint for the operator, never a match.</summary>
    public sealed class NearMiss
    {
        public NearMiss(string id, NearMissKind kind) { Id = id; Kind = kind; }

        public string Id { get; }

        public NearMissKind Kind { get; }

        public string Reason => Kind switch
        {
            NearMissKind.Case => "differs only in letter case",
            NearMissKind.Whitespace => "differs only in whitespace",
            _ => "differs by a date suffix",
        };

        public override string ToString() => $"'{Id}' ({Reason})";
    }

    /// <summary>
    /// "Did you mean" hints for model IDs. Matching stays exact everywhere: these hints only explain why an exact
    /// match failed (a case change, a stray space, an alias versus its dated ID), so the operator can fix the ledger
    /// or the config. Used by Get-CometModel -Id and by the gate.
    /// </summary>
    public static class ModelIdHints
    {
        private static readonly Regex DateSuffix = new(@"-(\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$", RegexOptions.CultureInvariant);

        /// <summary>The available IDs that are near misses of <paramref name="requested"/> (never the exact ID itself), closest first.</summary>
        public static IReadOnlyList<NearMiss> Find(string requested, IEnumerable<string> available, int max = 5)
        {
            if (requested == null) throw new ArgumentNullException(nameof(requested));
            var found = new List<NearMiss>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var reqNoSpace = RemoveWhitespace(requested);
            var reqStem = Stem(requested);
            foreach (var id in available)
            {
                if (id == null || string.Equals(id, requested, StringComparison.Ordinal) || !seen.Add(id)) continue;
                var idNoSpace = RemoveWhitespace(id);
                NearMissKind? kind = null;
                if (string.Equals(idNoSpace, reqNoSpace, StringComparison.Ordinal)) kind = NearMissKind.Whitespace;
                else if (string.Equals(id, requested, StringComparison.OrdinalIgnoreCase)) kind = NearMissKind.Case;
                else if (string.Equals(idNoSpace, reqNoSpace, StringComparison.OrdinalIgnoreCase)) kind = NearMissKind.Whitespace;
                else if (reqStem.Length > 0 && string.Equals(Stem(id), reqStem, StringComparison.Ordinal)) kind = NearMissKind.DateSuffix;
                if (kind is { } k) found.Add(new NearMiss(id, k));
            }
            return found.OrderBy(n => (int)n.Kind).ThenBy(n => n.Id, StringComparer.Ordinal).Take(max).ToList();
        }

        /// <summary>" Did you mean 'x' (differs only in letter case)? A near miss is not a match." or "" when there is none.</summary>
        public static string Describe(IReadOnlyList<NearMiss> nearMisses)
        {
            if (nearMisses.Count == 0) return "";
            return " Did you mean " + string.Join(" or ", nearMisses.Select(n => n.ToString())) +
                   "? A near miss is not a match: use the exact ID the service lists.";
        }

        private static string RemoveWhitespace(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s) if (!char.IsWhiteSpace(c)) sb.Append(c);
            return sb.ToString();
        }

        /// <summary>Lower-case, no whitespace, no trailing date suffix.</summary>
        private static string Stem(string s) => DateSuffix.Replace(RemoveWhitespace(s).ToLowerInvariant(), "");
    }
}
