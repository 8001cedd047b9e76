using System.IO;
using System.Management.Automation;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>
/// A report or snapshot the caller asked for and did not get means the gate did not complete: it never answers
/// $true and the example runbook never exits 0. (The path's parent is a file, which fails for root too.)
/// </summary>
public class GateCompletionTests
{
    private static string Unwritable(TempDir dir, string name) => Path.Combine(dir.Write("not-a-folder", "x"), name);

    [Theory]
    [InlineData("JUnit")]
    [InlineData("Markdown")]
    public void QuietGateReturnsFalseWhenItsReportCannotBeWritten(string format)
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var ledger = Ledger(dir, Entry("a", "m1", "m2", "m3"));
        var snapshot = Snapshot(dir, new[] { "m1", "m2", "m3" });
        var passing = ps.Run("Test-ModelLedger -Path $l -SnapshotPath $s -Quiet", new() { ["l"] = ledger, ["s"] = snapshot });
        Assert.True((bool)Assert.Single(passing.Output).BaseObject);

        var run = ps.Run("Test-ModelLedger -Path $l -SnapshotPath $s -Quiet -OutputFormat $f -OutputPath $o",
            new() { ["l"] = ledger, ["s"] = snapshot, ["f"] = format, ["o"] = Unwritable(dir, "gate.out") });
        Assert.False((bool)Assert.Single(run.Output).BaseObject);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("OutputWriteFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
        Assert.Contains("did not complete", error.Exception.Message);
    }

    [Fact]
    public void GetCometModelStopsWithoutOutputWhenTheSnapshotCannotBeWritten()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels("m1", "m2");
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "Get-CometModel -BaseUri $api -ApiKey $key -RetryIntervalSec 0 -NoCache -OutSnapshot $o -CredentialLabel ci -PassThru",
            api, NewKey(), new() { ["o"] = Unwritable(dir, "models.json") });
        Assert.Empty(run.Output);
        var error = Assert.Single(run.AllErrors);
        Assert.StartsWith("OutputWriteFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
    }

    [Fact]
    public void TheReleaseGateExampleExitsTwoWhenItsJUnitFileCannotBeWritten()
    {
        using var dir = new TempDir();
        var (code, output, err) = RealPwsh.Example("examples/release-gate.ps1", "-JUnitPath", Unwritable(dir, "gate.xml"));
        Assert.True(code == 2, $"exit {code}\n{output}\n{err}");
        Assert.Contains("OutputWriteFailed", output + err);
    }
}
