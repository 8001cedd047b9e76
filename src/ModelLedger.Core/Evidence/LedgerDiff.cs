using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Ledger;

namespace ModelLedger.Evidence;

internal enum LedgerRowChange
{
    Added,
    Removed,
    Changed,
}

/// <summary>One field of a ledger row before and after a change, compared as exact strings.</summary>
internal sealed class LedgerFieldChange
{
    public LedgerFieldChange(string field, string? before, string? after)
    {
        Field = field;
        Before = before;
        After = after;
    }

    public string Field { get; }
    public string? Before { get; }
    public string? After { get; }
}

/// <summary>A ledger row the change added, removed or edited.</summary>
internal sealed class LedgerRowDiff
{
    public string Service { get; set; } = "";
    public LedgerRowChange Change { get; set; }
    public LedgerEntry? Before { get; set; }
    public LedgerEntry? After { get; set; }
    public List<LedgerFieldChange> Fields { get; } = new();
}

/// <summary>The rows that differ between the ledger before and after a change (rows match by service, fields by exact string).</summary>
internal static class LedgerDiff
{
    public static IReadOnlyList<LedgerRowDiff> Compare(IReadOnlyList<LedgerEntry> before, IReadOnlyList<LedgerEntry> after)
    {
        var old = new Dictionary<string, LedgerEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in before) if (e.Service != null) old[e.Service] = e;
        var diffs = new List<LedgerRowDiff>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in after)
        {
            if (e.Service == null) continue;
            seen.Add(e.Service);
            if (!old.TryGetValue(e.Service, out var was))
            {
                diffs.Add(new LedgerRowDiff { Service = e.Service, Change = LedgerRowChange.Added, After = e });
                continue;
            }
            var fields = Fields(was).Zip(Fields(e), (b, a) => (b.Name, Before: b.Value, After: a.Value))
                .Where(f => !string.Equals(f.Before, f.After, StringComparison.Ordinal))
                .Select(f => new LedgerFieldChange(f.Name, f.Before, f.After)).ToList();
            if (fields.Count == 0) continue;
            var diff = new LedgerRowDiff { Service = e.Service, Change = LedgerRowChange.Changed, Before = was, After = e };
            diff.Fields.AddRange(fields);
            diffs.Add(diff);
        }
        foreach (var e in before)
            if (e.Service != null && !seen.Contains(e.Service))
                diffs.Add(new LedgerRowDiff { Service = e.Service, Change = LedgerRowChange.Removed, Before = e });
        return diffs;
    }

    /// <summary>The row's fields in ledger order, as the strings a reviewer compares (see <see cref="LedgerField.GetText"/>).</summary>
    public static IEnumerable<(string Name, string? Value)> Fields(LedgerEntry e) =>
        LedgerFields.All.Select(f => (f.Name, f.GetText(e)));
}
