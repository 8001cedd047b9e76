using System;
using System.Collections.Generic;

namespace ModelLedger.Snapshots;

/// <summary>Several snapshots taken together, one per credential (Test-ModelLedger and Export-RollbackEvidence -SnapshotPath).</summary>
internal static class SnapshotSet
{
    /// <summary>
    /// Throws SnapshotInvalid when, among several snapshots, one carries no credential label or two carry the same
    /// one (case-insensitive): the gate could not name the credential that lacks an ID. One snapshot needs no label.
    /// </summary>
    public static IReadOnlyList<ModelSnapshot> Check(IReadOnlyList<ModelSnapshot> snapshots)
    {
        if (snapshots.Count < 2) return snapshots;
        var byLabel = new Dictionary<string, ModelSnapshot>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in snapshots)
        {
            if (s.CredentialLabel == null) throw SnapshotErrors.Unlabelled(s.FilePath ?? s.Source);
            if (byLabel.TryGetValue(s.CredentialLabel, out var first)) throw SnapshotErrors.DuplicateLabel(s.CredentialLabel, first.FilePath ?? first.Source, s.FilePath ?? s.Source);
            byLabel[s.CredentialLabel] = s;
        }
        return snapshots;
    }
}
