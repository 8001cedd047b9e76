using System;
using System.Collections.Generic;

namespace ModelLedger.Gate;

/// <summary>What a release ships for one service: the exact model ID, and whether routing logic changed too.</summary>
internal sealed class DeployedRelease
{
    public DeployedRelease(string? modelId, bool routingChanged, IReadOnlyList<string>? otherChanges = null)
    {
        ModelId = modelId;
        RoutingChanged = routingChanged;
        OtherChanges = otherChanges ?? Array.Empty<string>();
    }

    public string? ModelId { get; }
    public bool RoutingChanged { get; }

    /// <summary>With -BaselineConfigRoot: the other values that changed beside the model ID ("file: key").</summary>
    public IReadOnlyList<string> OtherChanges { get; }
}

internal sealed class GateOptions
{
    /// <summary>
    /// The default freshness policy: a release is gated on a snapshot taken the same day. The runbook leaves the
    /// threshold to policy; same-day is its example for high-risk releases, and scheduled drift checks run daily.
    /// </summary>
    public static readonly TimeSpan DefaultMaxSnapshotAge = TimeSpan.FromHours(24);

    public TimeSpan MaxSnapshotAge { get; set; } = DefaultMaxSnapshotAge;

    /// <summary>The time freshness is judged at (now, or the release time when re-checking old evidence).</summary>
    public DateTimeOffset AsOf { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The credential classes the release must have been validated with (each snapshot's label is one of them, each has a snapshot); null to not check.</summary>
    public IReadOnlyList<string>? CredentialLabels { get; set; }

    /// <summary>-Strict: a rollback ID that is a moving name fails ModelIdPinned instead of warning.</summary>
    public bool Strict { get; set; }

    /// <summary>The ledger before this release; when set, the RollbackWindowOpen check runs (judged at <see cref="AsOf"/>).</summary>
    public IReadOnlyList<LedgerEntry>? BaselineLedger { get; set; }

    /// <summary>Service -> what the release ships; null when the gate does not know the release (drift checks).</summary>
    public IReadOnlyDictionary<string, DeployedRelease>? Deployed { get; set; }

    /// <summary>-ConfigRoot (and -BaselineConfigRoot): read each entry's configRefs from the release; null when not given.</summary>
    public ReleaseCheckout? ReleaseCheckout { get; set; }
}
