using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Module.Tests;

/// <summary>Test-ModelLedger -ConfigRoot / -BaselineConfigRoot on the example release tree, through the hosted engine.</summary>
public class TestModelLedgerConfigRootTests
{
    private static readonly string Ledger = Repo.File("examples", "data", "ledger.json");
    private static readonly string Snapshot = Repo.File("examples", "data", "models-snapshot.json");

    private static List<PSObject> Findings(ScriptRun run, string check) =>
        run.Output.Where(o => (string)o.Properties["Check"].Value == check).ToList();

    private static string Prop(PSObject o, string name) => o.Properties[name].Value?.ToString() ?? "";

    private static ScriptRun Gate(PowerShellHarness ps, string root, string extra = "", string? ledger = null) =>
        ps.Run($"Test-ModelLedger -Path $ledger -SnapshotPath $snapshot -AsOf '2026-11-24T09:00:00Z' -ConfigRoot $root {extra}",
            new Dictionary<string, object?> { ["ledger"] = ledger ?? Ledger, ["snapshot"] = Snapshot, ["root"] = root, ["baseline"] = Repo.File("examples", "data", "release-baseline") });

    [Fact]
    public void TheExampleReleaseHoldsEveryLedgerIdExactlyAndEachFindingNamesFileAndLine()
    {
        using var ps = new PowerShellHarness();
        var run = Gate(ps, Repo.File("examples", "data", "release"));
        Assert.Empty(run.AllErrors);
        var deployed = Findings(run, "DeployedMatchesLedger");
        Assert.Equal(3, deployed.Count);
        Assert.All(deployed, f => Assert.Equal("Pass", Prop(f, "Status")));
        var writer = deployed.Single(f => Prop(f, "Service") == "report-writer");
        Assert.Equal(Repo.File("examples", "data", "release", "deploy", "litellm", "config.yaml") + ":6", Prop(writer, "Location"));
        Assert.Contains("deploy/litellm/config.yaml line 6, deploy/compose/.env line 4", Prop(writer, "Message"));
        var router = deployed.Single(f => Prop(f, "Service") == "support-router");
        Assert.Contains("services/support-router/appsettings.json line 12, deploy/charts/support-router/values.yaml line 17", Prop(router, "Message"));
    }

    [Fact]
    public void ANearMissInTheHelmValuesFailsWithLocationAndHint()
    {
        using var dir = new TempDir();
        var root = ReleaseTree.Copy(dir);
        ReleaseTree.Edit(root, "deploy/charts/support-router/values.yaml", "model: gpt-5.4-mini-2026-03-17", "model: gpt-5.4-mini");
        using var ps = new PowerShellHarness();
        var run = Gate(ps, root);
        var fail = Assert.Single(Findings(run, "DeployedMatchesLedger"), f => Prop(f, "Status") == "Fail");
        Assert.Equal("support-router", Prop(fail, "Service"));
        Assert.Equal("gpt-5.4-mini", Prop(fail, "ModelId"));
        Assert.Equal(Path.Combine(root, "deploy", "charts", "support-router", "values.yaml") + ":17", Prop(fail, "Location"));
        Assert.Contains("near miss", Prop(fail, "Message"));
        Assert.False((bool)ps.Run("Test-ModelLedger -Path $ledger -SnapshotPath $snapshot -ConfigRoot $root -Quiet",
            new() { ["ledger"] = Ledger, ["snapshot"] = Snapshot, ["root"] = root }).Output.Single().BaseObject);
    }

    [Fact]
    public void AMissingFileAndAMissingKeyAreFailsNamingWhereTheGateLooked()
    {
        using var dir = new TempDir();
        var root = ReleaseTree.Copy(dir);
        File.Delete(Path.Combine(root, "deploy", "compose", ".env"));
        ReleaseTree.Edit(root, "services/support-router/appsettings.json", "\"Model\":", "\"ModelId\":");
        using var ps = new PowerShellHarness();
        var fails = Findings(Gate(ps, root), "DeployedMatchesLedger").Where(f => Prop(f, "Status") == "Fail").ToList();
        Assert.Equal(3, fails.Count);
        Assert.Contains(fails, f => Prop(f, "Message").Contains("has no file 'deploy/compose/.env'") && Prop(f, "Location").EndsWith(".env", System.StringComparison.Ordinal));
        var key = Assert.Single(fails, f => Prop(f, "Service") == "support-router");
        Assert.EndsWith("appsettings.json:10", Prop(key, "Location"));
        Assert.Contains("'Llm.Chat' has: 'ModelId', 'BaseUrl', 'TimeoutSeconds'", Prop(key, "Message"));
    }

    [Fact]
    public void TheBaselineTurnsAModelChangeWithOtherChangesIntoARoutingChange()
    {
        using var dir = new TempDir();
        var ledgerText = File.ReadAllText(Ledger).Replace("\"rollbackOwner\": \"sre-oncall\"", "\"rollbackOwner\": null");
        var ledger = dir.Write("ledger.json", ledgerText);
        using var ps = new PowerShellHarness();
        var run = Gate(ps, Repo.File("examples", "data", "release"), "-BaselineConfigRoot $baseline", ledger);
        var owner = Assert.Single(Findings(run, "RollbackOwner"), f => Prop(f, "Service") == "support-router");
        Assert.Equal("Fail", Prop(owner, "Status"));
        Assert.Contains("deploy/charts/support-router/values.yaml: deployment.image, llm.routing.fallbackQueue, llm.routing.strategy", Prop(owner, "Message"));
        // search-summarizer has no rollback owner either, but its model did not change: no routing change.
        Assert.Equal("Pass", Prop(Findings(run, "RollbackOwner").Single(f => Prop(f, "Service") == "search-summarizer"), "Status"));
    }

    [Fact]
    public void DeployedStillWorksBesideConfigRootAndPipedEntriesAreGatedToo()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger $ledger | Test-ModelLedger -SnapshotPath $snapshot -ConfigRoot $root -Deployed @{ 'report-writer' = 'gpt-5.1' } -Check DeployedMatchesLedger",
            new() { ["ledger"] = Ledger, ["snapshot"] = Snapshot, ["root"] = Repo.File("examples", "data", "release") });
        Assert.Empty(run.AllErrors);
        var writer = run.Output.Where(f => Prop(f, "Service") == "report-writer").ToList();
        Assert.Equal(2, writer.Count);
        Assert.Contains(writer, f => Prop(f, "Status") == "Fail" && Prop(f, "Location") == "");
        Assert.Contains(writer, f => Prop(f, "Status") == "Pass" && Prop(f, "Location").EndsWith("config.yaml:6", System.StringComparison.Ordinal));
        Assert.Equal(4, run.Output.Count);
    }

    [Fact]
    public void AConfigRootThatIsNotAFolderIsConfigRootNotFound()
    {
        using var ps = new PowerShellHarness();
        var error = ErrorAssert.Single(Gate(ps, Repo.File("examples", "data", "no-such-release")), "ConfigRootNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("-ConfigRoot", error.Exception.Message);
        var file = ErrorAssert.Single(Gate(ps, Ledger), "ConfigRootNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("it is a file", file.Exception.Message);
        var alone = ps.Run("Test-ModelLedger -Path $ledger -SnapshotPath $snapshot -BaselineConfigRoot $root", new() { ["ledger"] = Ledger, ["snapshot"] = Snapshot, ["root"] = Repo.File("examples", "data", "release") });
        ErrorAssert.Single(alone, "ConfigRootNotFound", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void AMalformedRefInTheLedgerIsLedgerInvalidWithLineAndField()
    {
        using var dir = new TempDir();
        var ledger = dir.Write("ledger.json", File.ReadAllText(Ledger).Replace("deploy/compose/.env#REPORT_WRITER_MODEL", "deploy/compose/.env#REPORT.WRITER"));
        using var ps = new PowerShellHarness();
        var error = ErrorAssert.Single(Gate(ps, Repo.File("examples", "data", "release"), ledger: ledger), "LedgerInvalid", ErrorCategory.InvalidData);
        Assert.Contains("field 'configRefs'", error.Exception.Message);
        Assert.Contains("line 33", error.Exception.Message);
        Assert.Contains("variable name alone", error.Exception.Message);
    }
}

/// <summary>-ConfigRoot findings as Azure DevOps logging commands; TF_BUILD is process-wide, hence the collection.</summary>
[Collection("ProcessEnvironment")]
public class TestModelLedgerConfigRootAzureDevOpsTests
{
    [Fact]
    public void UnderAzureDevOpsABrokenRefBecomesALogIssueWithSourcePathAndLine()
    {
        using var dir = new TempDir();
        var root = ReleaseTree.Copy(dir);
        ReleaseTree.Edit(root, "deploy/compose/.env", "REPORT_WRITER_MODEL=\"gpt-5.1-2025-11-13\"", "REPORT_WRITER_MODEL=\"gpt-5.1\\n##vso[task.complete result=Succeeded]\"");
        using var tfBuild = new EnvironmentVariableScope("TF_BUILD", "True");
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger -Path $ledger -SnapshotPath $snapshot -ConfigRoot $root -Quiet",
            new() { ["ledger"] = Repo.File("examples", "data", "ledger.json"), ["snapshot"] = Repo.File("examples", "data", "models-snapshot.json"), ["root"] = root });
        var lines = run.HostText.Split('\n').Where(l => l.Contains("DeployedMatchesLedger")).ToList();
        var issue = Assert.Single(lines);
        Assert.StartsWith("##vso[task.logissue type=error;code=DeployedMatchesLedger;sourcepath=", issue);
        Assert.Contains(";linenumber=4]", issue);
        Assert.DoesNotContain(run.HostText.Split('\n'), l => l.StartsWith("##vso[task.complete", System.StringComparison.Ordinal));
    }
}
