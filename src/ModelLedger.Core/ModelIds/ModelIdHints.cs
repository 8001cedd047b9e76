using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.ModelIds;

/// <summary>
/// Finds near misses for a model ID that is not in a list: the same ID but for case, surrounding or inner
/// whitespace, a date/version suffix (an alias beside its dated ID), or how it looks (NFKC, invisible characters,
/// Cyrillic or Greek look-alike letters: <see cref="LookAlikes.Fold"/>). They are hints for the operator,
/// never matches: identifiers are exact opaque strings. The index is built once, on the first miss.
/// </summary>
internal sealed class ModelIdHints
{
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

    /// <summary>
    /// " Near miss in the list: 'x', 'y' (not a match...)." or "", naming every character outside printable ASCII
    /// in the ID and in each near miss, so a look-alike or invisible difference is visible in the message.
    /// </summary>
    public string Describe(string id)
    {
        var near = For(id);
        var names = LookAlikes.Describe(id) + string.Concat(near.Select(LookAlikes.Describe));
        return near.Count == 0 ? names : $" Near miss in the list: {string.Join(", ", near.Select(n => "'" + n + "'"))} (not a match: IDs are exact strings).{names}";
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

    // Folded as it looks, lower-cased, whitespace removed, and a trailing date or version suffix cut (-2024-08-06,
    // -20240806, -0613, -001). One pass, no regex: the index is built over every ID of a 100,000-model snapshot on
    // the first miss (the fold returns an ASCII ID as it is).
    internal static string Key(string id)
    {
        id = LookAlikes.Fold(id);
        var chars = new char[id.Length];
        var n = 0;
        foreach (var c in id)
            if (!char.IsWhiteSpace(c)) chars[n++] = char.ToLowerInvariant(c);
        return new string(chars, 0, n - SuffixLength(chars, n));
    }

    /// <summary>
    /// The length of <paramref name="id"/>'s trailing date or version suffix, 0 when it has none. The shapes:
    /// "-yyyy-mm-dd" (-2024-08-06), "-yyyymmdd" (-20241022), and a hyphen and 4 or 3 digits (-0613, -001).
    /// </summary>
    internal static int DateOrVersionSuffixLength(string id) => SuffixLength(id.ToCharArray(), id.Length);

    private static int SuffixLength(char[] s, int n)
    {
        // "-dddd-dd-dd"
        if (n >= 11 && s[n - 11] == '-' && Digits(s, n - 10, 4) && s[n - 6] == '-' && Digits(s, n - 5, 2) && s[n - 3] == '-' && Digits(s, n - 2, 2)) return 11;
        // "-dddddddd", "-dddd", "-ddd"
        foreach (var len in new[] { 8, 4, 3 })
            if (n >= len + 1 && s[n - len - 1] == '-' && Digits(s, n - len, len)) return len + 1;
        return 0;
    }

    private static bool Digits(char[] s, int start, int count)
    {
        for (var i = start; i < start + count; i++)
            if (s[i] < '0' || s[i] > '9') return false;
        return true;
    }
}
