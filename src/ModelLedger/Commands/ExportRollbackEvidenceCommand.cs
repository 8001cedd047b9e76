using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using ModelLedger.Evidence;

namespace ModelLedger.Commands;

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

    /// <summary>Gate findings (Test-ModelLedger output, live or read back with Import-Clixml).</summary>
    [Parameter]
    public PSObject[]? Finding { get; set; }

    /// <summary>Dry-run results (Invoke-RollbackDryRun output, live or read back with Import-Clixml).</summary>
    [Parameter]
    public PSObject[]? DryRun { get; set; }

    /// <summary>The operator read the models endpoint reference and confirmed the current contract (checklist line 1).</summary>
    [Parameter]
    public SwitchParameter ContractReviewed { get; set; }

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
        if (InputObject != null) Take(InputObject, "pipeline");
    }

    // Every finding and dry run, live or deserialized, is checked the same way; one that is neither is left out with an error.
    private void Take(PSObject input, string from)
    {
        switch (EvidenceInput.Read(input, out var problem))
        {
            case LedgerFinding f:
                _findings.Add(f);
                return;
            case DryRunResult r:
                _dryRuns.Add(r);
                return;
        }
        WriteError(EvidenceErrors.InputInvalid(input, input.TypeNames[0], from, problem));
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
            var piped = (_findings.ToList(), _dryRuns.ToList());
            _findings.Clear();
            _dryRuns.Clear();
            foreach (var f in Finding ?? Array.Empty<PSObject>()) if (f != null) Take(f, "-Finding");
            foreach (var r in DryRun ?? Array.Empty<PSObject>()) if (r != null) Take(r, "-DryRun");
            request.Findings.AddRange(_findings.Concat(piped.Item1));
            request.DryRuns.AddRange(_dryRuns.Concat(piped.Item2));
            request.ContractReviewed = ContractReviewed;

            var folder = ResolveOutputPath(Path, ErrorIds.OutputWriteFailed, "Evidence folder");
            if (!ShouldProcess(folder, $"Write the rollback evidence bundle ({request.Findings.Count} findings, {request.DryRuns.Count} dry-run results{(Force ? ", replacing the folder" : "")})"))
                return;
            WriteVerbose($"Evidence from the ledger '{request.LedgerPath}'{(request.PreviousLedgerPath != null ? $", the previous ledger '{request.PreviousLedgerPath}'" : "")}, "
                + $"{request.SnapshotPaths.Count} snapshot(s) ({string.Join(", ", request.SnapshotPaths.Select(p => $"'{p}'"))}), {request.Findings.Count} findings and {request.DryRuns.Count} dry-run results.");
            var bundle = EvidenceWriter.Write(folder, request, Force);
            WriteVerbose($"Wrote {bundle.Files.Length} files to '{bundle.Path}'.");
            foreach (var missing in bundle.MissingArtifacts) WriteWarning($"The evidence has no {missing}.");
            var unproved = bundle.Checklist.Count(a => a.Status is "Failed" or "Missing");
            if (unproved > 0) WriteWarning($"The checklist has {unproved} Failed or Missing answer(s): {bundle.Tally()} See the bundle's Missing property and summary.md.");
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
