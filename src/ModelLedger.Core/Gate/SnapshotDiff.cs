using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Snapshots;
using ModelLedger.Rendering;

namespace ModelLedger
{
    public enum ModelChange
    {
        Added,
        Removed,

        /// <summary>An approved ID absent from both snapshots: not a change, but still a risk to page on.</summary>
        Missing,
    }

    /// <summary>One model ID that differs between two snapshots (or an approved ID absent from both).</summary>
    public sealed class SnapshotDifference
    {
        public string Id { get; set; } = "";
        public ModelChange Change { get; set; }

        /// <summary>True when the ID is approved in the ledger (current, rollback or emergency) and is not in the newer snapshot.</summary>
        public bool AtRisk { get; set; }

        /// <summary>How the ledger uses the ID, for example "support-router current, report-writer rollback".</summary>
        public string? ApprovedAs { get; set; }

        public string[] Services { get; set; } = Array.Empty<string>();

        /// <summary><see cref="Id"/> as a console table shows it (see <see cref="UntrustedText.ForDisplay"/>).</summary>
        public string DisplayId() => UntrustedText.ForDisplay(Id);

        /// <summary><see cref="ApprovedAs"/> as a console table shows it (it holds ledger service names).</summary>
        public string DisplayApprovedAs() => UntrustedText.ForDisplay(ApprovedAs);

        public override string ToString() => UntrustedText.ForDisplay($"{Change} {Id}");
    }
}

namespace ModelLedger.Gate
{
    /// <summary>
    /// The scheduled drift check: which IDs appeared and disappeared between two snapshots, and which of the
    /// removals (or approved IDs missing from the newer snapshot) put an approved identifier at risk. Per the runbook,
    /// new or removed unapproved models are listed but never marked at risk.
    /// </summary>
    public static class SnapshotComparer
    {
        public static List<SnapshotDifference> Compare(ModelSnapshot reference, ModelSnapshot difference, IEnumerable<LedgerEntry>? ledger)
        {
            var before = new HashSet<string>(reference.Models.Select(m => m.Id), StringComparer.Ordinal);
            var after = new HashSet<string>(difference.Models.Select(m => m.Id), StringComparer.Ordinal);
            var approved = ApprovedUses(ledger);
            var result = new List<SnapshotDifference>();

            foreach (var id in OrderedDistinct(reference).Where(id => !after.Contains(id)))
                result.Add(Describe(id, ModelChange.Removed, approved));
            foreach (var id in OrderedDistinct(difference).Where(id => !before.Contains(id)))
                result.Add(Describe(id, ModelChange.Added, approved));
            foreach (var id in approved.Keys.Where(id => !before.Contains(id) && !after.Contains(id)))
                result.Add(Describe(id, ModelChange.Missing, approved));
            return result;
        }

        private static SnapshotDifference Describe(string id, ModelChange change, Dictionary<string, List<(string Service, string Role)>> approved)
        {
            var d = new SnapshotDifference { Id = id, Change = change };
            if (approved.TryGetValue(id, out var uses))
            {
                d.ApprovedAs = string.Join(", ", uses.Select(u => $"{u.Service} {u.Role}"));
                d.Services = uses.Select(u => u.Service).Distinct(StringComparer.Ordinal).ToArray();
                d.AtRisk = change != ModelChange.Added;
            }
            return d;
        }

        private static IEnumerable<string> OrderedDistinct(ModelSnapshot s)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in s.Models) if (seen.Add(m.Id)) yield return m.Id;
        }

        private static Dictionary<string, List<(string Service, string Role)>> ApprovedUses(IEnumerable<LedgerEntry>? ledger)
        {
            var uses = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
            if (ledger == null) return uses;
            foreach (var e in ledger)
            {
                Add(uses, e.CurrentModelId, e.Service, "current");
                Add(uses, e.RollbackModelId, e.Service, "rollback");
                Add(uses, e.EmergencyAlternative, e.Service, "emergency");
            }
            return uses;
        }

        private static void Add(Dictionary<string, List<(string, string)>> uses, string? id, string? service, string role)
        {
            if (id == null) return;
            if (!uses.TryGetValue(id, out var list)) uses[id] = list = new List<(string, string)>();
            list.Add((service ?? "(no service)", role));
        }
    }
}
