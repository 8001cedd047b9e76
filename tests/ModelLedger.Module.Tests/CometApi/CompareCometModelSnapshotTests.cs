using System.Linq;
using System.Management.Automation;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

public class CompareCometModelSnapshotTests
{
    [Fact]
    public void ExampleSnapshotsMarkRemovedApprovedIdsAtRiskAndUnapprovedChangesNot()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Compare-CometModelSnapshot $RepoRoot/examples/data/models-snapshot-previous.json $RepoRoot/examples/data/models-snapshot.json $RepoRoot/examples/data/ledger.json");
        Assert.Empty(run.AllErrors);
        var rows = run.Output.Select(o => (Id: (string)o.Properties["Id"].Value!, Change: o.Properties["Change"].Value!.ToString(), AtRisk: (bool)o.Properties["AtRisk"].Value!, As: (string?)o.Properties["ApprovedAs"].Value)).ToList();
        Assert.Contains(("gpt-4.1-2025-04-14", "Removed", true, "report-writer rollback"), rows);
        Assert.Contains(("gemini-2.0-flash-001", "Removed", true, "search-summarizer rollback"), rows);
        Assert.Contains(("o1-preview", "Removed", false, null), rows);
        Assert.Contains(("claude-opus-4-5-20251101", "Added", false, null), rows);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void WithoutALedgerNothingIsAtRiskAndAtRiskOnlyFilters()
    {
        using var ps = new PowerShellHarness();
        var noLedger = ps.Run("Compare-CometModelSnapshot $RepoRoot/examples/data/models-snapshot-previous.json $RepoRoot/examples/data/models-snapshot.json");
        Assert.Equal(4, noLedger.Output.Count);
        Assert.All(noLedger.Output, o => Assert.False((bool)o.Properties["AtRisk"].Value!));
        var atRisk = ps.Run("Compare-CometModelSnapshot $RepoRoot/examples/data/models-snapshot-previous.json $RepoRoot/examples/data/models-snapshot.json $RepoRoot/examples/data/ledger.json -AtRiskOnly");
        Assert.Equal(new[] { "gpt-4.1-2025-04-14", "gemini-2.0-flash-001" }, atRisk.Output.Select(o => (string)o.Properties["Id"].Value!));
    }

    [Fact]
    public void ApprovedIdMissingFromBothSnapshotsIsStillAtRisk()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var a = Snapshot(dir, new[] { "m1", "m2" });
        var b = Snapshot(dir, new[] { "m1", "m2" });
        var ledger = Ledger(dir, Entry("svc", "m1", "never-listed"));
        var run = ps.Run("Compare-CometModelSnapshot $a $b -LedgerPath $l", new() { ["a"] = a, ["b"] = b, ["l"] = ledger });
        var row = Assert.Single(run.Output);
        Assert.Equal("Missing", row.Properties["Change"].Value!.ToString());
        Assert.True((bool)row.Properties["AtRisk"].Value!);
    }

    [Fact]
    public void BadSnapshotIsATerminatingError()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var bad = dir.Write("bad.json", "{\"schemaVersion\":1}");
        var run = ps.Run("Compare-CometModelSnapshot $b $RepoRoot/examples/data/models-snapshot.json", new() { ["b"] = bad });
        ErrorAssert.Single(run, "SnapshotInvalid", ErrorCategory.InvalidData);
    }
}
