using System;

namespace ModelLedger;

/// <summary>A written evidence folder for one change record.</summary>
public sealed class EvidenceBundle
{
    /// <summary>The evidence folder.</summary>
    public string Path { get; set; } = "";

    /// <summary>Files in the bundle, relative to <see cref="Path"/>.</summary>
    public string[] Files { get; set; } = Array.Empty<string>();

    /// <summary>The manifest listing every file with its SHA-256.</summary>
    public string ManifestPath { get; set; } = "";

    /// <summary>
    /// The lower-case hex SHA-256 of manifest.json's bytes. Record it in the change ticket: Test-RollbackEvidence
    /// -ManifestSha256 then proves the manifest is the one exported, not one recomputed after an edit.
    /// </summary>
    public string ManifestSha256 { get; set; } = "";

    /// <summary>
    /// Each checklist answer that is not Proved, with its status and the services it lacks (for example
    /// "Missing for report-writer: I verified the rollback action ..."). Empty only when <see cref="Complete"/>.
    /// </summary>
    public string[] Missing { get; set; } = Array.Empty<string>();

    /// <summary>True only when every checklist answer is Proved.</summary>
    public bool Complete { get; set; }

    /// <summary>Artifacts the runbook's step 6 lists that were not supplied (for example "owner approval (-ApprovedBy)").</summary>
    public string[] MissingArtifacts { get; set; } = Array.Empty<string>();

    /// <summary>The runbook's operator checklist, answered line by line from the evidence (as in summary.md).</summary>
    public ChecklistAnswer[] Checklist { get; set; } = Array.Empty<ChecklistAnswer>();

    /// <summary>The checklist's tally, as summary.md states it: "7 proved, 1 partly, 0 failed, 1 missing: incomplete."</summary>
    public string Tally() => ChecklistAnswer.Tally(Checklist);

    public override string ToString() => Path;
}
