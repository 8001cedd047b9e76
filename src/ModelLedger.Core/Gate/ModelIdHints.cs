using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelLedger.Gate
{
    /// <summary>
    /// Finds near misses for a model ID that is not in a list: the same ID but for case, surrounding or inner
    /// whitespace, or a date/version suffix (an alias beside its dated ID). They are hints for the operator,
    /// never matches: identifiers are exact opaque strings. The index is built once, on the first miss.
    /// </summary>
    public sealed class ModelIdHints
    {
        private static readonly Regex DateSuffix = new(@"-(\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|\d{3})$", RegexOptions.CultureInvariant);
        private readonly IEnumerable<string> _ids;
        private Dictionary<string, List<string>>? _byKey;

        public ModelIdHints(IEnumerable<string> ids) => _ids = ids;

        /// <summary>IDs in the list that look like <paramref name="id"/> but are not it (at most 3, in list order).</summary>
        public IReadOnlyList<string> For(string id)
        {
            _byKey ??= BuildIndex(_ids);
            if (!_byKey.TryGetValue(Key(id), out var candidates)) return Array.Empty<string>();
            return candidates.Where(c => !string.Equals(c, id, StringComparison.Ordinal)).Take(3).ToList();
        }

        /// <summary>" (did you mean 'x' or 'y'? Near misses never match: fix the ID or the ledger.)", or "".</summary>
        public string Describe(string id)
        {
            var near = For(id);
            return near.Count == 0 ? "" : $" Near miss in the list: {string.Join(", ", near.Select(n => "'" + n + "'"))} (not a match: IDs are exact strings).";
        }

        private static Dictionary<string, List<string>> BuildIndex(IEnumerable<string> ids)
        {
            var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                var key = Key(id);
                if (!index.TryGetValue(key, out var list)) index[key] = list = new List<string>(1);
                if (list.Count < 8) list.Add(id);
            }
            return index;
        }

        private static string Key(string id)
        {
            var folded = new string(id.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
            return DateSuffix.Replace(folded, "");
        }
    }
}
