using System;

namespace ModelLedger
{
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

        /// <summary>Evidence the runbook asks for that was not supplied (for example "dry-run result", "owner approval").</summary>
        public string[] Missing { get; set; } = Array.Empty<string>();

        /// <summary>The runbook's operator checklist, answered line by line from the evidence (as in summary.md).</summary>
        public ChecklistAnswer[] Checklist { get; set; } = Array.Empty<ChecklistAnswer>();

        public override string ToString() => Path;
    }
}
