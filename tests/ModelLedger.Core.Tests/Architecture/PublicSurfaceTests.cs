using System;
using System.Linq;
using System.Reflection;

namespace ModelLedger.Core.Tests.Architecture;

/// <summary>
/// The core is internal except what PowerShell users see: the objects the cmdlets write and take, the errors, and what
/// the views, the types file and the runbook scripts call. Everything else reaches the cmdlets, these tests and the
/// benchmarks through InternalsVisibleTo. A new public type fails here until it is added below on purpose.
/// </summary>
public class PublicSurfaceTests
{
    private static readonly Assembly Core = typeof(LedgerEntry).Assembly;

    private static readonly string[] Allowed =
    {
        // Written to the pipeline ([OutputType]) or taken as a parameter, and the types their public members expose.
        "ModelLedger.ChecklistAnswer",
        "ModelLedger.CometModel",
        "ModelLedger.DryRunResult",
        "ModelLedger.DryRunStatus",
        "ModelLedger.EvidenceBundle",
        "ModelLedger.EvidenceFileCheck",
        "ModelLedger.EvidenceFileStatus",
        "ModelLedger.FindingStatus",
        "ModelLedger.LedgerEntry",
        "ModelLedger.LedgerFinding",
        "ModelLedger.ModelCapture",
        "ModelLedger.ModelChange",
        "ModelLedger.ModelReference",
        "ModelLedger.SnapshotDifference",
        "ModelLedger.Config.ConfigFormat",
        "ModelLedger.Gate.Sinks.ReportFormat",
        // Passed to the user's -ProbeScript and -WorkloadScript.
        "ModelLedger.DryRunContext",
        // The errors: fixed IDs, the exception and its category.
        "ModelLedger.ErrorIds",
        "ModelLedger.FailureCategory",
        "ModelLedger.ModelLedgerException",
        // Called from PowerShell text: module/formats/*.ps1xml, module/ModelLedger.Types.ps1xml, examples/.
        "ModelLedger.Ledger.LedgerField",
        "ModelLedger.Ledger.LedgerFieldKind",
        "ModelLedger.Ledger.LedgerFields",
        "ModelLedger.Rendering.ConsoleView",
        "ModelLedger.Rendering.UntrustedText",
    };

    [Fact]
    public void OnlyTheAllowedTypesArePublic()
    {
        var exported = Core.GetExportedTypes().Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var unexpected = exported.Except(Allowed, StringComparer.Ordinal).ToList();
        Assert.True(unexpected.Count == 0,
            "New public types in ModelLedger.Core (make them internal, or add them to the allow-list on purpose): " + string.Join(", ", unexpected));
        // A type that left the surface leaves the list too, so the list stays the surface.
        var gone = Allowed.Except(exported, StringComparer.Ordinal).ToList();
        Assert.True(gone.Count == 0, "Allow-listed types that are no longer public: " + string.Join(", ", gone));
    }

    [Fact]
    public void TheCmdletsReachTheRestThroughInternalsVisibleTo()
    {
        var friends = Core.GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
        Assert.Contains("ModelLedger", friends);
        Assert.Contains("ModelLedger.Core.Tests", friends);
    }
}
