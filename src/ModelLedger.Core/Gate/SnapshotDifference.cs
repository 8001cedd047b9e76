using System;
using ModelLedger.Rendering;

namespace ModelLedger;

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

    /// <summary>
    /// Set when the ID is a service's rollback ID inside its rollback window (rollbackUntil after the comparison
    /// time): the end of the window the ID was promised to stay served through.
    /// </summary>
    public DateTimeOffset? RollbackWindowUntil { get; set; }

    /// <summary><see cref="Id"/> as a console table shows it (see <see cref="UntrustedText.ForDisplay"/>).</summary>
    public string DisplayId() => UntrustedText.ForDisplay(Id);

    /// <summary><see cref="ApprovedAs"/> as a console table shows it (it holds ledger service names).</summary>
    public string DisplayApprovedAs() => UntrustedText.ForDisplay(ApprovedAs);

    public override string ToString() => UntrustedText.ForDisplay($"{Change} {Id}");
}
