using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.ModelIds;
using ModelLedger.Snapshots;

namespace ModelLedger.Gate;

/// <summary>
/// Which IDs each snapshot lists (one snapshot per credential): an ID is available only when every snapshot lists
/// it, because a rollback target visible to one production key and not another is not a rollback target. Built once
/// per gate run (one hash set per snapshot); lookups are exact and ordinal.
/// </summary>
internal sealed class ModelAvailability
{
    private readonly List<(ModelSnapshot Snapshot, HashSet<string> Ids)> _sets = new();

    public ModelAvailability(IReadOnlyList<ModelSnapshot> snapshots)
    {
        var union = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var s in snapshots)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in s.Models)
            {
                ids.Add(m.Id);
                if (union.Add(m.Id)) ordered.Add(m.Id);
            }
            _sets.Add((s, ids));
        }
        AllIds = ordered;
        Hints = new ModelIdHints(ordered);
    }

    /// <summary>Every ID any snapshot lists, each once, in snapshot order.</summary>
    public IReadOnlyList<string> AllIds { get; }

    public ModelIdHints Hints { get; }

    public bool Several => _sets.Count > 1;

    /// <summary>True when every snapshot lists <paramref name="id"/>.</summary>
    public bool Contains(string id) => _sets.All(s => s.Ids.Contains(id));

    /// <summary>"in the snapshot", or with several: "in all 2 snapshots (credentials 'eu', 'us')".</summary>
    public string InPhrase => Several ? $"in all {_sets.Count} snapshots (credentials {Labels(_sets.Select(s => s.Snapshot))})" : "in the snapshot";

    /// <summary>"is not in the snapshot", or with several, which credentials lack it: "is not visible to the 'us' credential (only to 'eu')".</summary>
    public string NotInPhrase(string id)
    {
        if (!Several) return "is not in the snapshot";
        var lacking = _sets.Where(s => !s.Ids.Contains(id)).Select(s => s.Snapshot).ToList();
        if (lacking.Count == _sets.Count) return $"is not in any of the {_sets.Count} snapshots (credentials {Labels(lacking)})";
        var having = _sets.Where(s => s.Ids.Contains(id)).Select(s => s.Snapshot);
        return $"is not visible to the {Labels(lacking)} credential{(lacking.Count > 1 ? "s" : "")} (only to {Labels(having)})";
    }

    /// <summary>The credentials whose snapshot lacks <paramref name="id"/>.</summary>
    public IReadOnlyList<string> LackingLabels(string id) =>
        _sets.Where(s => !s.Ids.Contains(id)).Select(s => s.Snapshot.CredentialLabel ?? "unlabelled").ToList();

    private static string Labels(IEnumerable<ModelSnapshot> snapshots) =>
        string.Join(", ", snapshots.Select(s => "'" + (s.CredentialLabel ?? "unlabelled") + "'"));
}
