using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Snapshots;

namespace ModelLedger.Gate;

/// <summary>
/// SnapshotFresh, SnapshotMetadata and CredentialLabelMatches: findings about each snapshot (Service "(snapshot)").
/// With several snapshots each message starts with the credential it judges.
/// </summary>
internal static class SnapshotChecks
{
    public static IEnumerable<LedgerFinding> Freshness(CheckContext c) => c.Gate.Snapshots.Select(s => Freshness(c, s));

    public static IEnumerable<LedgerFinding> Metadata(CheckContext c) => c.Gate.Snapshots.Select(s => Metadata(c, s));

    private static LedgerFinding Freshness(CheckContext c, ModelSnapshot snapshot)
    {
        var options = c.Options;
        var age = options.AsOf - snapshot.CapturedAt;
        var captured = snapshot.CapturedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
        if (age < TimeSpan.FromMinutes(-5))
            return Of(c, snapshot, CheckNames.SnapshotFresh, FindingStatus.Warn,
                $"The snapshot claims to be captured at {captured}, after the evaluation time: check this machine's clock and the snapshot's origin.");
        if (age > options.MaxSnapshotAge)
            return Of(c, snapshot, CheckNames.SnapshotFresh, FindingStatus.Warn,
                $"The snapshot was captured at {captured}, {Describe(age)} ago, older than the {Describe(options.MaxSnapshotAge)} policy. Capture a fresh one with Get-CometModel -OutSnapshot before approving.");
        return Of(c, snapshot, CheckNames.SnapshotFresh, FindingStatus.Pass, $"Captured at {captured} ({Describe(age)} before the evaluation time).");
    }

    private static LedgerFinding Metadata(CheckContext c, ModelSnapshot snapshot)
    {
        int noOwner = 0, noCreated = 0, noObject = 0;
        foreach (var m in snapshot.Models)
        {
            if (m.OwnedBy == null) noOwner++;
            if (m.Created == null) noCreated++;
            if (m.Object == null) noObject++;
        }
        if (noOwner + noCreated + noObject == 0)
            return Of(c, snapshot, CheckNames.SnapshotMetadata, FindingStatus.Pass, $"All {snapshot.Models.Count} models carry owned_by, created and object.");
        return Of(c, snapshot, CheckNames.SnapshotMetadata, FindingStatus.Warn,
            $"Of {snapshot.Models.Count} models, {noOwner} lack owned_by, {noCreated} lack created and {noObject} lack object. These are optional metadata: the gate decides on the documented id field only, but check the CometAPI reference if this is new.");
    }

    /// <summary>Each snapshot's label must be one of -CredentialLabel's, and each of those must have a snapshot.</summary>
    public static IEnumerable<LedgerFinding> CredentialLabel(CheckContext c)
    {
        var expected = c.Options.CredentialLabels;
        if (expected == null || expected.Count == 0) yield break;
        var wanted = expected.Count == 1 ? $"'{expected[0]}'" : $"any of {string.Join(", ", expected.Select(l => "'" + l + "'"))}";
        foreach (var s in c.Gate.Snapshots)
        {
            var match = expected.FirstOrDefault(l => string.Equals(s.CredentialLabel, l, StringComparison.OrdinalIgnoreCase));
            if (match != null)
            {
                yield return Of(c, s, CheckNames.CredentialLabelMatches, FindingStatus.Pass, $"The snapshot was captured with the '{match}' credential.");
                continue;
            }
            var actual = s.CredentialLabel == null ? "an unlabelled credential" : $"the '{s.CredentialLabel}' credential";
            yield return Of(c, s, CheckNames.CredentialLabelMatches, FindingStatus.Fail,
                $"The snapshot was captured with {actual}, not {wanted}. A model visible to one key may be unavailable to the production key: re-capture with the production-equivalent credential (Get-CometModel -CredentialLabel {expected[0]} -OutSnapshot ...).");
        }
        foreach (var label in expected.Where(l => !c.Gate.Snapshots.Any(s => string.Equals(s.CredentialLabel, l, StringComparison.OrdinalIgnoreCase))))
        {
            if (c.Gate.Snapshots.Count == 1 && expected.Count == 1) break; // the one snapshot's Fail above already says it
            yield return Finding.For(CheckNames.SnapshotScope, CheckNames.CredentialLabelMatches, FindingStatus.Fail, null,
                $"No snapshot was captured with the '{label}' credential, so nothing shows the ledger's IDs are visible to it. Capture one (Get-CometModel -CredentialLabel {label} -OutSnapshot ...) and add it to -SnapshotPath.");
        }
    }

    private static LedgerFinding Of(CheckContext c, ModelSnapshot snapshot, string check, FindingStatus status, string message) =>
        Finding.For(CheckNames.SnapshotScope, check, status, null, c.Gate.Models.Several ? $"Credential '{snapshot.CredentialLabel}': {message}" : message);

    // Under two minutes in seconds, so a short policy never reads "0 minutes".
    private static string Describe(TimeSpan t) =>
        t.TotalDays >= 2 ? Count(t.TotalDays, "day") : t.TotalHours >= 2 ? Count(t.TotalHours, "hour")
        : t.TotalMinutes >= 2 ? Count(t.TotalMinutes, "minute") : Count(Math.Max(0, t.TotalSeconds), "second");

    private static string Count(double value, string unit)
    {
        var n = Math.Round(value).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        return n == "1" ? $"1 {unit}" : $"{n} {unit}s";
    }
}
