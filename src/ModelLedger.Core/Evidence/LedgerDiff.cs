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

/// <summary>A ledger row the change added, removed or edited.</summary>
internal sealed class LedgerRowDiff
{
    public string Service { get; set; } = "";
    public LedgerRowChange Change { get; set; }
    public LedgerEntry? Before { get; set; }
    public LedgerEntry? After { get; set; }
    /// <summary>The fields that differ; for an added or removed row, every field the row sets.</summary>
    public List<FieldChange> Fields { get; } = new();
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
                diffs.Add(Row(e.Service, LedgerRowChange.Added, null, e));
                continue;
            }
            var diff = Row(e.Service, LedgerRowChange.Changed, was, e);
            if (diff.Fields.Count > 0) diffs.Add(diff);
        }
        foreach (var e in before)
            if (e.Service != null && !seen.Contains(e.Service))
                diffs.Add(Row(e.Service, LedgerRowChange.Removed, e, null));
        return diffs;
    }

    private static LedgerRowDiff Row(string service, LedgerRowChange change, LedgerEntry? before, LedgerEntry? after)
    {
        var diff = new LedgerRowDiff { Service = service, Change = change, Before = before, After = after };
        diff.Fields.AddRange(FieldChange.Between(before, after));
        return diff;
    }

    /// <summary>The row's fields in ledger order, as the strings a reviewer compares (see <see cref="LedgerField.GetText"/>).</summary>
    public static IEnumerable<(string Name, string? Value)> Fields(LedgerEntry e) =>
        LedgerFields.All.Select(f => (f.Name, f.GetText(e)));
}
