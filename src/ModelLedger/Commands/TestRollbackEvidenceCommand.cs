using System.Linq;
using System.Management.Automation;
using ModelLedger.Evidence;

namespace ModelLedger.Commands;

/// <summary>Re-hashes every file of an evidence folder against its manifest: changed, missing and extra files fail.</summary>
[Cmdlet(VerbsDiagnostic.Test, "RollbackEvidence")]
[OutputType(typeof(EvidenceFileCheck))]
[OutputType(typeof(bool))]
public sealed class TestRollbackEvidenceCommand : ModelLedgerCmdlet
{
    /// <summary>The evidence folder (binds EvidenceBundle.Path from Export-RollbackEvidence).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The SHA-256 Export-RollbackEvidence returned (ManifestSha256); manifest.json must have exactly this hash.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern("^[0-9A-Fa-f]{64}$")]
    public string? ManifestSha256 { get; set; }

    /// <summary>Return one bool: true when every file matches the manifest.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            var folder = ResolveInputPath(Path, InputKind.EvidenceFolder);
            WriteVerbose($"Checking '{folder}' against its manifest.");
            var checks = EvidenceManifest.Verify(folder, ManifestSha256);
            if (Quiet)
            {
                WriteObject(checks.All(c => c.Status == EvidenceFileStatus.Pass));
                return;
            }
            foreach (var c in checks) WriteObject(c);
        }
        catch (ModelLedgerException ex)
        {
            WriteError(ex);
            if (Quiet) WriteObject(false);
        }
    }
}
