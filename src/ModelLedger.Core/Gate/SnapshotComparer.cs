using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Snapshots;

namespace ModelLedger.Gate;

/// <summary>
/// The scheduled drift check: which IDs appeared and disappeared between two snapshots, and which of the
/// removals (or approved IDs missing from the newer snapshot) put an approved identifier at risk. Per the runbook,
/// new or removed unapproved models are listed but never marked at risk.
/// </summary>
internal static class SnapshotComparer
{
    public static List<SnapshotDifference> Compare(ModelSnapshot reference, ModelSnapshot difference, IEnumerable<LedgerEntry>? ledger) =>
        Compare(reference, difference, ledger, DateTimeOffset.UtcNow);

    /// <param name="asOf">The time rollback windows are judged at.</param>
    public static List<SnapshotDifference> Compare(ModelSnapshot reference, ModelSnapshot difference, IEnumerable<LedgerEntry>? ledger, DateTimeOffset asOf)
    {
        var before = new HashSet<string>(reference.Models.Select(m => m.Id), StringComparer.Ordinal);
        var after = new HashSet<string>(difference.Models.Select(m => m.Id), StringComparer.Ordinal);
        var approved = ApprovedUses(ledger, asOf);
        var result = new List<SnapshotDifference>();

        foreach (var id in OrderedDistinct(reference).Where(id => !after.Contains(id)))
            result.Add(Describe(id, ModelChange.Removed, approved));
        foreach (var id in OrderedDistinct(difference).Where(id => !before.Contains(id)))
            result.Add(Describe(id, ModelChange.Added, approved));
        foreach (var id in approved.Keys.Where(id => !before.Contains(id) && !after.Contains(id)))
            result.Add(Describe(id, ModelChange.Missing, approved));
        return result;
    }

    private static SnapshotDifference Describe(string id, ModelChange change, Dictionary<string, List<(string Service, string Role, DateTimeOffset? WindowUntil)>> approved)
    {
        var d = new SnapshotDifference { Id = id, Change = change };
        if (approved.TryGetValue(id, out var uses))
        {
            d.ApprovedAs = string.Join(", ", uses.Select(u => u.WindowUntil is { } w
                ? $"{u.Service} {u.Role} (window open until {Ledger.LedgerField.FormatDate(w)})"
                : $"{u.Service} {u.Role}"));
            d.Services = uses.Select(u => u.Service).Distinct(StringComparer.Ordinal).ToArray();
            d.AtRisk = change != ModelChange.Added;
            d.RollbackWindowUntil = uses.Select(u => u.WindowUntil).Where(w => w != null).DefaultIfEmpty(null).Max();
        }
        return d;
    }

    private static IEnumerable<string> OrderedDistinct(ModelSnapshot s)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in s.Models) if (seen.Add(m.Id)) yield return m.Id;
    }

    private static Dictionary<string, List<(string Service, string Role, DateTimeOffset? WindowUntil)>> ApprovedUses(IEnumerable<LedgerEntry>? ledger, DateTimeOffset asOf)
    {
        var uses = new Dictionary<string, List<(string, string, DateTimeOffset?)>>(StringComparer.Ordinal);
        if (ledger == null) return uses;
        foreach (var e in ledger)
        {
            Add(uses, e.CurrentModelId, e.Service, "current", null);
            Add(uses, e.RollbackModelId, e.Service, "rollback", e.RollbackUntil > asOf ? e.RollbackUntil : null);
            Add(uses, e.EmergencyAlternative, e.Service, "emergency", null);
        }
        return uses;
    }

    private static void Add(Dictionary<string, List<(string, string, DateTimeOffset?)>> uses, string? id, string? service, string role, DateTimeOffset? windowUntil)
    {
        if (id == null) return;
        if (!uses.TryGetValue(id, out var list)) uses[id] = list = new List<(string, string, DateTimeOffset?)>();
        list.Add((service ?? "(no service)", role, windowUntil));
    }
}
