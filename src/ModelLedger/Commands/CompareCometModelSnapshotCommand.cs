using System;
using System.Collections.Generic;
using System.Management.Automation;
using ModelLedger.Gate;

namespace ModelLedger.Commands;

/// <summary>The drift check: model IDs added and removed between two snapshots, with removals of approved IDs marked AtRisk.</summary>
[Cmdlet(VerbsData.Compare, "CometModelSnapshot")]
[OutputType(typeof(SnapshotDifference))]
public sealed class CompareCometModelSnapshotCommand : ModelLedgerCmdlet
{
    /// <summary>The older snapshot (for example yesterday's).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string ReferencePath { get; set; } = "";

    /// <summary>The newer snapshot.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string DifferencePath { get; set; } = "";

    /// <summary>The ledger whose current, rollback and emergency IDs are approved; without it nothing is marked AtRisk.</summary>
    [Parameter(Position = 2)]
    [ValidateNotNullOrEmpty]
    public string? LedgerPath { get; set; }

    /// <summary>Only output differences that put an approved ID at risk.</summary>
    [Parameter]
    public SwitchParameter AtRiskOnly { get; set; }

    /// <summary>The time rollback windows are judged at (default now): a rollback ID inside its window is marked in ApprovedAs and RollbackWindowUntil.</summary>
    [Parameter]
    public DateTimeOffset? AsOf { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var reference = ReadSnapshot(ResolveInputPath(ReferencePath, InputKind.Snapshot));
            var difference = ReadSnapshot(ResolveInputPath(DifferencePath, InputKind.Snapshot));
            IReadOnlyList<LedgerEntry>? ledger = LedgerPath == null ? null : ReadLedger(ResolveInputPath(LedgerPath, InputKind.Ledger));
            WriteVerbose($"Comparing {reference.Models.Count} models ({reference.CapturedAt:u}) with {difference.Models.Count} models ({difference.CapturedAt:u}).");
            foreach (var d in SnapshotComparer.Compare(reference, difference, ledger, AsOf ?? DateTimeOffset.UtcNow))
                if (!AtRiskOnly || d.AtRisk) WriteObject(d);
        }
        catch (ModelLedgerException ex)
        {
            ThrowTerminatingError(ex);
        }
    }
}
