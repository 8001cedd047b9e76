using System;
using System.Collections.Generic;

namespace ModelLedger.References;

/// <summary>
/// Finds IDs as whole tokens in text. A token is a run of letters, digits, '_', '-' and '.', so "gpt-4o" is not
/// found inside "gpt-4o-mini" or "gpt-4o-2024-08-06", and "gpt-5" not inside "gpt-5.4-mini". '/' and ':' separate
/// tokens but may also be inside an ID ("openai/gpt-4o" contains the token "gpt-4o"; an ID "openai/gpt-4o" is
/// found whole). A '.' that ends a run is sentence punctuation, not part of the token.
/// </summary>
internal sealed class TokenScanner
{
    private readonly TokenTable _table;
    // Grown as needed: a line such as a long URL or a CSV of paths may have any number of '/' and ':'.
    private int[] _segmentStarts = new int[64];
    private int[] _segmentEnds = new int[64];

    public TokenScanner(TokenTable table) => _table = table;

    /// <summary>A found token: its position and the table item it matched.</summary>
    internal readonly struct Hit
    {
        public Hit(int start, int length, TokenTable.Item item, bool exact) { Start = start; Length = length; Item = item; Exact = exact; }
        public int Start { get; }
        public int Length { get; }
        public TokenTable.Item Item { get; }
        /// <summary>False for a case variant of a ledger ID.</summary>
        public bool Exact { get; }
    }

    private static readonly bool[] AsciiRunChar = BuildAsciiTable();

    private static bool[] BuildAsciiTable()
    {
        var table = new bool[128];
        for (var c = 0; c < 128; c++)
            table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/' || c == ':';
        return table;
    }

    // A table for ASCII (the hot path over hundreds of megabytes), Unicode letters and digits beyond it.
    internal static bool IsRunChar(char c) => c < 128 ? AsciiRunChar[c] : char.IsLetterOrDigit(c);

    /// <summary>
    /// False for an ID no token can ever equal: it holds a character that ends a token ('*', '[', '@', '+', a
    /// space...), or it ends with '.' (a trailing '.' is read as punctuation).
    /// </summary>
    public static bool CanMatch(string id)
    {
        if (id.Length == 0 || id[id.Length - 1] == '.') return false;
        foreach (var c in id) if (!IsRunChar(c)) return false;
        return true;
    }

    /// <summary>Adds to <paramref name="hits"/> every token in buffer[0..length) that the table holds.</summary>
    public void Scan(char[] buffer, int length, List<Hit> hits)
    {
        var i = 0;
        while (i < length)
        {
            if (!IsRunChar(buffer[i])) { i++; continue; }
            var start = i;
            while (i < length && IsRunChar(buffer[i])) i++;
            // Most runs are ordinary words shorter than any ID: skip them without splitting.
            if (i - start >= _table.MinLength) ScanRun(buffer, start, i, hits);
        }
    }

    // A run such as "openai/gpt-4o-2024-08-06." is split at '/' and ':' into segments; every contiguous range of
    // up to MaxSegments segments is a candidate (trailing dots trimmed), looked up by hash.
    private void ScanRun(char[] b, int start, int end, List<Hit> hits)
    {
        var n = 0;
        var segStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || b[i] == '/' || b[i] == ':')
            {
                if (n == _segmentStarts.Length)
                {
                    Array.Resize(ref _segmentStarts, n * 2);
                    Array.Resize(ref _segmentEnds, n * 2);
                }
                var segEnd = i;
                while (segEnd > segStart && b[segEnd - 1] == '.') segEnd--;
                _segmentStarts[n] = segStart;
                _segmentEnds[n] = segEnd;
                n++;
                segStart = i + 1;
            }
        }
        var maxSegments = _table.MaxSegments;
        for (var first = 0; first < n; first++)
        {
            var s = _segmentStarts[first];
            // A token starting with '.' or '-' after a separator is not the start of an ID we would recognise.
            for (var last = first; last < n && last - first < maxSegments; last++)
            {
                var e = _segmentEnds[last];
                var len = e - s;
                if (len <= 0 || !_table.LengthPossible(len)) continue;
                for (var item = _table.Bucket(b, s, len); item != null; item = item.Next)
                {
                    if (item.Exact && TokenTable.EqualsOrdinal(item.Id, b, s, len)) { hits.Add(new Hit(s, len, item, true)); break; }
                    if (item.LedgerFold && TokenTable.EqualsFolded(item.Id, b, s, len) && !TokenTable.EqualsOrdinal(item.Id, b, s, len)) { hits.Add(new Hit(s, len, item, false)); break; }
                }
            }
        }
    }
}
