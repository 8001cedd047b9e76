using System.Linq;

namespace ModelLedger.Module.Tests;

/// <summary>
/// A gate that read nothing of the release (no -ConfigRoot, no -Deployed) judged the ledger and the snapshot only:
/// DeployedMatchesLedger writes no finding then, so the cmdlet says once that it was not checked.
/// </summary>
public class TestModelLedgerNotCheckedTests
{
    private const string NotChecked = "Not checked: what the release ships (DeployedMatchesLedger)";

    private static System.Collections.Generic.Dictionary<string, object?> Files(TempDir dir) => new()
    {
        ["l"] = GateFiles.Ledger(dir, GateFiles.Entry("support-router", "m-current", "m-rollback")),
        ["s"] = GateFiles.Snapshot(dir, new[] { "m-current", "m-rollback" }),
        ["root"] = dir.Path,
    };

    [Fact]
    public void AGateWithoutTheReleaseSaysDeployedMatchesLedgerWasNotChecked()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Quiet", Files(dir));
        Assert.Empty(run.AllErrors);
        Assert.Equal(true, run.Output.Single().BaseObject); // a warning, not a failure: the caller chose what to gate
        var warning = Assert.Single(run.Warnings, w => w.Message.Contains(NotChecked));
        Assert.Contains("-ConfigRoot", warning.Message);
        Assert.Contains("-Deployed", warning.Message);
    }

    [Theory]
    [InlineData("-ConfigRoot $root")]
    [InlineData("-Deployed @{ 'support-router' = 'm-current' }")]
    [InlineData("-Check CurrentModelAvailable, RollbackModelAvailable")]
    public void NoSuchWarningWhenTheReleaseWasReadOrTheCheckNotAsked(string extra)
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s " + extra, Files(dir));
        Assert.Empty(run.AllErrors);
        Assert.NotEmpty(run.Output);
        Assert.DoesNotContain(run.Warnings, w => w.Message.Contains(NotChecked));
    }
}
