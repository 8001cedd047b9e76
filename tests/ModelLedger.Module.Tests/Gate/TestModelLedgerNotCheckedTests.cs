using System.Linq;

namespace ModelLedger.Module.Tests;

/// <summary>
/// A gate that read nothing of the release (no -ConfigRoot, no -Deployed) judged the ledger and the snapshot only: an
/// entry whose configRefs say where the release holds its ID fails DeployedMatchesLedger (a forgotten -ConfigRoot
/// never passes); for the others the check writes no finding, and the cmdlet says once that it was not checked.
/// </summary>
public class TestModelLedgerNotCheckedTests
{
    private const string NotChecked = "Not checked: what the release ships (DeployedMatchesLedger)";

    private static System.Collections.Generic.Dictionary<string, object?> Files(TempDir dir) => new()
    {
        ["l"] = GateFiles.Ledger(dir, GateFiles.Entry("support-router", "m-current", "m-rollback")),
        ["s"] = GateFiles.Snapshot(dir, new[] { "m-current", "m-rollback" }),
        ["root"] = dir.Path,
        ["x"] = dir.File("gate.xml"),
    };

    [Fact]
    public void AnEntryWithoutConfigRefsIsAWarnFindingInEveryReport()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var vars = Files(dir);
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -OutputFormat JUnit -OutputPath $x", vars);
        Assert.Empty(run.AllErrors);
        var finding = Assert.Single(run.Output, f => (string)f.Properties["Check"].Value == "DeployedMatchesLedger");
        Assert.Equal("Warn", finding.Properties["Status"].Value.ToString());
        var message = (string)finding.Properties["Message"].Value;
        Assert.StartsWith(NotChecked, message, System.StringComparison.Ordinal);
        Assert.Contains("-ConfigRoot", message);
        Assert.Contains("-Deployed", message);
        // In the report too (a pipeline's Tests tab is where a reviewer reads the verdict), not only on the console.
        Assert.Contains(NotChecked, System.IO.File.ReadAllText((string)vars["x"]!));
        // A warning, not a failure: the gate's verdict is still yes when nothing failed.
        Assert.Equal(true, ps.Run("Test-ModelLedger $l -SnapshotPath $s -Quiet", vars).Output.Single().BaseObject);
        // And a caller treating warnings as errors still gets its report: the cmdlet writes no warning record for it.
        var strict = ps.Run("Test-ModelLedger $l -SnapshotPath $s -OutputFormat JUnit -OutputPath $x -WarningAction Stop", vars);
        Assert.Empty(strict.AllErrors);
        Assert.Empty(strict.Warnings);
    }

    [Theory]
    [InlineData("-ConfigRoot $root")]
    [InlineData("-Deployed @{ 'support-router' = 'm-current' }")]
    [InlineData("-Deployed @{}")]
    public void ReadingTheReleaseOrStatingWhatShipsChecksIt(string extra)
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Check DeployedMatchesLedger " + extra, Files(dir));
        Assert.Empty(run.AllErrors);
        var finding = Assert.Single(run.Output);
        Assert.DoesNotContain(NotChecked, (string)finding.Properties["Message"].Value);
    }

    [Fact]
    public void AnEntryWithConfigRefsFailsWhenNoReleaseWasRead()
    {
        using var ps = new PowerShellHarness();
        var vars = new System.Collections.Generic.Dictionary<string, object?>
        {
            ["l"] = Repo.File("examples", "data", "ledger.json"), ["s"] = Repo.File("examples", "data", "models-snapshot.json"), ["root"] = Repo.File("examples", "data", "release"),
        };
        var forgot = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Check DeployedMatchesLedger", vars);
        Assert.Empty(forgot.AllErrors);
        Assert.Equal(3, forgot.Output.Count);
        Assert.All(forgot.Output, f =>
        {
            Assert.Equal("Fail", f.Properties["Status"].Value.ToString());
            Assert.Contains("this gate read no release", (string)f.Properties["Message"].Value);
            Assert.Contains("-ConfigRoot", (string)f.Properties["Message"].Value);
        });
        Assert.Contains("deploy/litellm/config.yaml#", (string)forgot.Output[1].Properties["Message"].Value);
        Assert.Equal(false, ps.Run("Test-ModelLedger $l -SnapshotPath $s -AsOf '2026-11-24T09:00:00Z' -Service support-router -Quiet", vars).Output.Single().BaseObject);

        // Reading the release, or saying on purpose that it changes no model ID, lets the entry pass.
        Assert.Equal(true, ps.Run("Test-ModelLedger $l -SnapshotPath $s -AsOf '2026-11-24T09:00:00Z' -Service support-router -ConfigRoot $root -Quiet", vars).Output.Single().BaseObject);
        var declared = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Check DeployedMatchesLedger -Deployed @{}", vars);
        Assert.Empty(declared.AllErrors);
        Assert.All(declared.Output, f => Assert.Equal("Pass", f.Properties["Status"].Value.ToString()));
        Assert.Equal(3, declared.Output.Count);
    }
}
