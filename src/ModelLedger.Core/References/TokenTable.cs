using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.References;

/// <summary>
/// The IDs to find, hashed so that a candidate token in a char buffer is looked up without allocating a string.
/// The hash folds ASCII case, so one lookup finds both exact IDs and case variants of ledger IDs (near misses).
/// </summary>
internal sealed class TokenTable
{
    internal sealed class Item
    {
        public Item(string id, bool exact, bool caseVariantOfLedger) { Id = id; Exact = exact; LedgerFold = caseVariantOfLedger; }
        public string Id { get; }
        /// <summary>Matched exactly (a snapshot ID).</summary>
        public bool Exact { get; set; }
        /// <summary>A ledger ID whose case variants are reported as near misses.</summary>
        public bool LedgerFold { get; set; }
        public Item? Next { get; set; }
    }

    private readonly Item?[] _buckets;
    private readonly int _mask;
    private readonly bool[] _lengths;

    public TokenTable(IEnumerable<string> exactIds, IEnumerable<string> ledgerIds)
    {
        var items = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var id in exactIds) if (id.Length > 0 && !items.ContainsKey(id)) items[id] = new Item(id, true, false);
        foreach (var id in ledgerIds)
        {
            if (id.Length == 0) continue;
            // A ledger ID is found even when the snapshot no longer lists it: a retired ID still in a config is what to fix first.
            if (items.TryGetValue(id, out var item)) item.LedgerFold = true;
            else items[id] = new Item(id, true, true);
        }
        var size = 16;
        while (size < items.Count * 2) size <<= 1;
        _buckets = new Item?[size];
        _mask = size - 1;
        foreach (var item in items.Values)
        {
            MaxLength = Math.Max(MaxLength, item.Id.Length);
            MaxSegments = Math.Max(MaxSegments, Segments(item.Id));
            var b = (int)Hash(item.Id.ToCharArray(), 0, item.Id.Length) & _mask;
            item.Next = _buckets[b];
            _buckets[b] = item;
        }
        MinLength = items.Count == 0 ? 0 : items.Values.Min(i => i.Id.Length);
        _lengths = new bool[MaxLength + 1];
        foreach (var item in items.Values) _lengths[item.Id.Length] = true;
        Count = items.Count;
    }

    public int Count { get; }
    public int MaxLength { get; }

    /// <summary>The shortest ID: a shorter run of token characters cannot hold one.</summary>
    public int MinLength { get; }

    /// <summary>The most '/'- or ':'-separated parts any ID has ("openai/gpt-4o" has 2).</summary>
    public int MaxSegments { get; } = 1;

    public bool LengthPossible(int length) => length <= MaxLength && _lengths[length];

    /// <summary>The first item whose ID equals buffer[start..start+length) ignoring ASCII case, or null; walk <see cref="Item.Next"/> for more.</summary>
    public Item? Bucket(char[] buffer, int start, int length) => _buckets[(int)Hash(buffer, start, length) & _mask];

    public static bool EqualsOrdinal(string id, char[] buffer, int start, int length)
    {
        if (id.Length != length) return false;
        for (var i = 0; i < length; i++) if (id[i] != buffer[start + i]) return false;
        return true;
    }

    public static bool EqualsFolded(string id, char[] buffer, int start, int length)
    {
        if (id.Length != length) return false;
        for (var i = 0; i < length; i++) if (Fold(id[i]) != Fold(buffer[start + i])) return false;
        return true;
    }

    private static char Fold(char c) => c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;

    private static uint Hash(char[] s, int start, int length)
    {
        var h = 2166136261u;
        for (var i = start; i < start + length; i++) h = (h ^ Fold(s[i])) * 16777619u;
        return h ^ (h >> 15);
    }

    private static int Segments(string id)
    {
        var n = 1;
        foreach (var c in id) if (c == '/' || c == ':') n++;
        return n;
    }
}
