using System;
using System.Collections.Generic;
using ModelLedger.Secrets;

namespace ModelLedger.Evidence;

/// <summary>What one change's evidence bundle is built from. Everything but the ledger is optional: what is absent is listed as missing.</summary>
internal sealed class EvidenceRequest
{
    /// <summary>The ledger after the change (copied byte for byte).</summary>
    public string LedgerPath { get; set; } = "";

    /// <summary>The ledger before the change, for the before/after rows.</summary>
    public string? PreviousLedgerPath { get; set; }

    /// <summary>The models snapshots the gate used, one per credential (each copied with account-specific metadata redacted).</summary>
    public List<string> SnapshotPaths { get; } = new();

    public List<LedgerFinding> Findings { get; } = new();

    public List<DryRunResult> DryRuns { get; } = new();

    /// <summary>Who approved the forward and rollback IDs (the owner's name or account).</summary>
    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The operator recorded reading the models endpoint reference (checklist line 1 is theirs to prove).</summary>
    public bool ContractReviewed { get; set; }

    /// <summary>The account that ran the export (recorded with the approval).</summary>
    public string RecordedBy { get; set; } = Environment.UserName;

    /// <summary>The change record (defaults to the changed rows' changeRef).</summary>
    public string? ChangeRef { get; set; }

    /// <summary>Knows the API keys in use (any form, any text encoding): every file is passed through it, so a key pasted into a note never reaches a ticket.</summary>
    public SecretScrubber Scrubber { get; set; } = SecretScrubber.None;

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public string ModuleVersion { get; set; } = "";
}
