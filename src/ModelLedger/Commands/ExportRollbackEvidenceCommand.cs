using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using ModelLedger.Evidence;

namespace ModelLedger.Commands
{
    /// <summary>Writes the change record's evidence folder: ledger before/after, snapshot, gate result, dry run, approval, summary and manifest.</summary>
    [Cmdlet(VerbsData.Export, "RollbackEvidence", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EvidenceBundle))]
    public sealed class ExportRollbackEvidenceCommand : ModelLedgerCmdlet
    {
        private readonly List<LedgerFinding> _findings = new();
        private readonly List<DryRunResult> _dryRuns = new();

        /// <summary>The evidence folder to create (it must not exist or be empty, unless -Force).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>The ledger after the change.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string LedgerPath { get; set; } = "";

        /// <summary>The ledger before the change.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PreviousLedgerPath { get; set; }

        /// <summary>The models snapshots the gate used, one per credential label (the same label twice is SnapshotInvalid).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? SnapshotPath { get; set; }

        /// <summary>Gate findings (Test-ModelLedger output).</summary>
        [Parameter]
        public LedgerFinding[]? Finding { get; set; }

        /// <summary>Dry-run results (Invoke-RollbackDryRun output).</summary>
        [Parameter]
        public DryRunResult[]? DryRun { get; set; }

        /// <summary>Findings and dry-run results from the pipeline.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Who approved the forward and rollback IDs.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ApprovedBy { get; set; }

        /// <summary>When the approval was given (default: now).</summary>
        [Parameter]
        public DateTimeOffset? ApprovedAt { get; set; }

        /// <summary>The change record (default: the changed rows' changeRef).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ChangeRef { get; set; }

        /// <summary>
        /// A key to keep out of the bundle besides $env:COMETAPI_API_KEY and any key this session gave Get-CometModel
        /// (for a key that was only ever passed as -ApiKey in another session). It is never written.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public System.Security.SecureString[]? ApiKey { get; set; }

        /// <summary>Replace an existing non-empty folder.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            switch (InputObject?.BaseObject)
            {
                case null:
                    return;
                case LedgerFinding f:
                    _findings.Add(f);
                    return;
                case DryRunResult r:
                    _dryRuns.Add(r);
                    return;
                case var other:
                    var fix = "Pipe Test-ModelLedger findings (not -Quiet) and Invoke-RollbackDryRun results, or pass them with -Finding and -DryRun.";
                    WriteError(Failure.Of(ErrorIds.EvidenceInputInvalid, FailureCategory.InvalidArgument, $"A {other.GetType().Name} ('{other}') is neither a gate finding nor a dry-run result, so it was left out of the evidence.", fix, target: other));
                    return;
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                var request = new EvidenceRequest
                {
                    LedgerPath = ResolveInputPath(LedgerPath, InputKind.EvidenceInput(ErrorIds.LedgerNotFound, "Ledger")),
                    PreviousLedgerPath = PreviousLedgerPath == null ? null : ResolveInputPath(PreviousLedgerPath, InputKind.EvidenceInput(ErrorIds.LedgerNotFound, "Previous ledger")),
                    ApprovedBy = ApprovedBy,
                    ApprovedAt = ApprovedAt,
                    ChangeRef = ChangeRef,
                    Scrubber = KeysToRedact(),
                    ModuleVersion = typeof(EvidenceWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "",
                };
                foreach (var snapshot in SnapshotPath ?? Array.Empty<string>())
                    request.SnapshotPaths.Add(ResolveInputPath(snapshot, InputKind.EvidenceInput(ErrorIds.SnapshotNotFound, "Snapshot")));
                request.Findings.AddRange((Finding ?? Array.Empty<LedgerFinding>()).Concat(_findings));
                request.DryRuns.AddRange((DryRun ?? Array.Empty<DryRunResult>()).Concat(_dryRuns));

                var folder = ResolveOutputPath(Path, ErrorIds.OutputWriteFailed, "Evidence folder");
                if (!ShouldProcess(folder, $"Write the rollback evidence bundle ({request.Findings.Count} findings, {request.DryRuns.Count} dry-run results{(Force ? ", replacing the folder" : "")})"))
                    return;
                var bundle = EvidenceWriter.Write(folder, request, Force);
                WriteVerbose($"Wrote {bundle.Files.Length} files to '{bundle.Path}'.");
                foreach (var missing in bundle.Missing) WriteWarning($"The evidence has no {missing}.");
                WriteObject(bundle);
            }
            catch (ModelLedgerException ex)
            {
                ThrowTerminatingError(ex);
            }
        }

        private ModelLedger.Secrets.SecretScrubber KeysToRedact()
        {
            foreach (var key in ApiKey ?? Array.Empty<System.Security.SecureString>()) TrustKey(ReadSecure(key));
            if (Scrubber.IsEmpty)
                WriteVerbose($"No API key is known to this session (no ${ApiKeyVariable}, no -ApiKey here or to Get-CometModel), so no key could be looked for in the bundle; pass -ApiKey to check for one.");
            return Scrubber;
        }

    }
}
