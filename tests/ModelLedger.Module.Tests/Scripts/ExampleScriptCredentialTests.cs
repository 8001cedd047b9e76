using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>
/// release-gate.ps1 and drift-check.ps1 with several production credentials under real pwsh: one snapshot per
/// label, one key variable per label (COMETAPI_API_KEY_&lt;LABEL&gt;), and the keys in no output or file.
/// </summary>
public class ExampleScriptCredentialTests
{
    private const string Eu = "production-eu";
    private const string Us = "production-us";

    private static string Q(string path) => "'" + path.Replace("'", "''") + "'";

    // Several -SnapshotPath values need PowerShell's array syntax, which pwsh -File does not parse: call the script
    // as the Azure DevOps PowerShell task does, from a command.
    private static PwshRun Gate(string arguments) =>
        RealPwsh.RunCommand("& ./examples/release-gate.ps1 " + arguments + "\nexit $LASTEXITCODE");

    /// <summary>A loopback CometAPI that lists a different set of models for each key, as two tenants would.</summary>
    private static FakeCometApi.FakeCometApi ApiPerKey(Dictionary<string, string[]> modelsByKey)
    {
        var api = new FakeCometApi.FakeCometApi();
        api.Handler = request =>
        {
            var auth = request.Header("Authorization") ?? "";
            foreach (var kv in modelsByKey)
                if (auth == "Bearer " + kv.Key) return FakeResponse.CometModels(kv.Value);
            return FakeResponse.Error(401, "invalid_api_key", "unknown key");
        };
        return api;
    }

    // As ExampleScriptWidthTests: a line wider than 80 columns is allowed only when it is one unbreakable path or ID.
    private static void AssertFitsEightyColumns(string text)
    {
        foreach (var line in text.Replace("\r", "").Split('\n'))
            Assert.True(line.Length <= 80 || !line.Trim().Contains(' '), $"a line of {line.Length} columns:\n{line}");
    }

    private static string LabelOf(string snapshot) =>
        JsonDocument.Parse(File.ReadAllText(snapshot)).RootElement.GetProperty("credentialLabel").GetString()!;

    private static string[] IdsOf(string snapshot) =>
        JsonDocument.Parse(File.ReadAllText(snapshot)).RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public void ReleaseGateWithTwoSnapshotsBlocksAnIdOneCredentialCannotSeeAndNamesThatCredential()
    {
        using var dir = new TempDir();
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var eu = Snapshot(dir, new[] { "m1", "m0" }, label: Eu);
        var us = Snapshot(dir, new[] { "m1" }, label: Us);

        var run = Gate($"-LedgerPath {Q(ledger)} -SnapshotPath {Q(eu)}, {Q(us)} -CredentialLabel {Eu}, {Us} -JUnitPath {Q(dir.File("g.xml"))}");

        Assert.True(run.Code == 1, run.ToString());
        var text = run.PlainOut.Replace("\r", "");
        Assert.Contains("RELEASE BLOCKED by these checks (service, check, model ID):\n  svc\n    RollbackModelAvailable\n      m0", text);
        Assert.Contains($"'{Us}' credential", text.Replace("\n", " ").Replace("  ", " "));
        // The other credential lists m0: only the one that lacks it is blamed.
        Assert.DoesNotContain($"'{Eu}' credential (only", text);
    }

    [Fact]
    public void ReleaseGateWithTheSameLabelOnTwoSnapshotsCannotRun()
    {
        using var dir = new TempDir();
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var first = Snapshot(dir, new[] { "m1", "m0" }, label: "production");
        var second = Snapshot(dir, new[] { "m1", "m0" }, label: "production");

        var run = Gate($"-LedgerPath {Q(ledger)} -SnapshotPath {Q(first)}, {Q(second)} -JUnitPath {Q(dir.File("g.xml"))}");

        Assert.True(run.Code == 2, run.ToString());
        Assert.Contains("The gate could not run: [SnapshotInvalid", run.PlainErr);
        Assert.DoesNotContain("Release may proceed", run.PlainOut);
    }

    [Fact]
    public void ReleaseGateLiveWithTwoLabelsCapturesOneSnapshotPerLabelWithThatLabelsKey()
    {
        using var dir = new TempDir();
        var euKey = CometApiTestKit.NewKey();
        var usKey = CometApiTestKit.NewKey();
        var decoy = CometApiTestKit.NewKey();   // COMETAPI_API_KEY is for one credential only: never sent here
        using var api = ApiPerKey(new() { [euKey] = new[] { "m1", "m0" }, [usKey] = new[] { "m1", "m0", "us-only" } });
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var folder = dir.File("snapshots");
        var env = new Dictionary<string, string>
        {
            ["COMETAPI_BASE_URL"] = api.BaseUri, ["COMETAPI_API_KEY"] = decoy,
            ["COMETAPI_API_KEY_PRODUCTION_EU"] = euKey, ["COMETAPI_API_KEY_PRODUCTION_US"] = usKey,
        };

        // One comma-separated value: how a scheduled task or pwsh -File passes several labels.
        var run = RealPwsh.Example(env, "examples/release-gate.ps1", "-LedgerPath", ledger, "-Live", "-CredentialLabel", $"{Eu},{Us}",
            "-SnapshotOut", folder, "-JUnitPath", dir.File("g.xml"));

        Assert.True(run.Code == 0, $"exit {run.Code}\n{run.Out}\n{run.Err}");
        var euFile = Path.Combine(folder, $"models-snapshot-{Eu}.json");
        var usFile = Path.Combine(folder, $"models-snapshot-{Us}.json");
        Assert.Equal(Eu, LabelOf(euFile));
        Assert.Equal(Us, LabelOf(usFile));
        Assert.DoesNotContain("us-only", IdsOf(euFile));   // each file holds what its own key was shown
        Assert.Contains("us-only", IdsOf(usFile));
        Assert.Equal(new[] { "Bearer " + euKey, "Bearer " + usKey }, api.Requests.Select(r => r.Header("Authorization")).OrderBy(h => h == "Bearer " + usKey));
        Assert.Contains($"Snapshot captured with the '{Us}' credential:\n  {usFile}", run.Out.Replace("\r", ""));
        Assert.Contains("Release may proceed.", run.Out);
        AssertFitsEightyColumns(run.Out);
        foreach (var key in new[] { euKey, usKey, decoy })
        {
            Assert.DoesNotContain(key, run.Out + run.Err);
            CometApiTestKit.AssertFolderHasNoKey(dir.Path, key);
        }
    }

    [Fact]
    public void ReleaseGateLiveWithAMissingKeyVariableNamesTheVariableAndSendsNothing()
    {
        using var dir = new TempDir();
        var euKey = CometApiTestKit.NewKey();
        using var api = ApiPerKey(new() { [euKey] = new[] { "m1", "m0" } });
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var env = new Dictionary<string, string>
        {
            ["COMETAPI_BASE_URL"] = api.BaseUri, ["COMETAPI_API_KEY"] = CometApiTestKit.NewKey(), ["COMETAPI_API_KEY_PRODUCTION_EU"] = euKey,
        };

        var run = RealPwsh.Example(env, "examples/release-gate.ps1", "-LedgerPath", ledger, "-Live", "-CredentialLabel", $"{Eu},{Us}",
            "-SnapshotOut", dir.File("snapshots"), "-JUnitPath", dir.File("g.xml"));

        Assert.True(run.Code == 2, $"exit {run.Code}\n{run.Out}\n{run.Err}");
        Assert.Contains("Set these variables:\n  COMETAPI_API_KEY_PRODUCTION_US", run.Err.Replace("\r", ""));
        Assert.DoesNotContain("COMETAPI_API_KEY_PRODUCTION_EU", run.Err);   // that one is set
        AssertFitsEightyColumns(run.Err);
        Assert.Equal(0, api.RequestCount);
        Assert.DoesNotContain(euKey, run.Out + run.Err);

        // Two labels that read one variable would gate one key twice under two names.
        var shared = RealPwsh.Example(env, "examples/release-gate.ps1", "-LedgerPath", ledger, "-Live", "-CredentialLabel", $"{Eu},PRODUCTION_EU",
            "-SnapshotOut", dir.File("snapshots"), "-JUnitPath", dir.File("g.xml"));
        Assert.True(shared.Code == 2, $"exit {shared.Code}\n{shared.Out}\n{shared.Err}");
        // The reason wraps within 80 columns; the variable stays whole on its own indented line.
        Assert.Contains($"-CredentialLabel names '{Eu}' and 'PRODUCTION_EU', which share", Regex.Replace(shared.Err, @"\s+", " "));
        Assert.Contains("\n  COMETAPI_API_KEY_PRODUCTION_EU\n", shared.Err.Replace("\r", ""));
        Assert.Equal(0, api.RequestCount);
    }

    [Fact]
    public void DriftCheckWithTwoLabelsComparesEachCredentialWithItsOwnPreviousSnapshot()
    {
        using var dir = new TempDir();
        var euKey = CometApiTestKit.NewKey();
        var usKey = CometApiTestKit.NewKey();
        var models = new Dictionary<string, string[]> { [euKey] = new[] { "m-current", "m-rollback" }, [usKey] = new[] { "m-current", "m-rollback" } };
        using var api = ApiPerKey(models);
        var ledger = Ledger(dir, Entry("svc", "m-current", "m-rollback"));
        var folder = dir.File("snapshots");
        var env = new Dictionary<string, string>
        {
            ["COMETAPI_BASE_URL"] = api.BaseUri, ["COMETAPI_API_KEY_PRODUCTION_EU"] = euKey, ["COMETAPI_API_KEY_PRODUCTION_US"] = usKey,
        };
        string[] Args() => new[] { "-SnapshotFolder", folder, "-LedgerPath", ledger, "-CredentialLabel", $"{Eu},{Us}" };

        var first = RealPwsh.Example(env, "examples/drift-check.ps1", Args());
        Assert.True(first.Code == 0, $"exit {first.Code}\n{first.Out}\n{first.Err}");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(first.Out, "First snapshot captured").Count);

        SnapshotFolder.Age(folder);
        models[usKey] = new[] { "m-current" };
        var page = RealPwsh.Example(env, "examples/drift-check.ps1", Args());

        Assert.True(page.Code == 3, $"exit {page.Code}\n{page.Out}\n{page.Err}");
        var text = page.Out.Replace("\r", "");
        Assert.Matches($@"Credential '{Eu}': comparing the earlier snapshot\n  \S*models-{Eu}-\d{{8}}-\d{{6}}\.json\n", text);
        Assert.Matches($@"Credential '{Us}': comparing the earlier snapshot\n  \S*models-{Us}-\d{{8}}-\d{{6}}\.json\n", text);
        Assert.Contains($"APPROVED IDS AT RISK (page the owner):\n  m-rollback\n    svc rollback\n    missing for credential '{Us}'", text);
        AssertFitsEightyColumns(page.Out);
        Assert.DoesNotContain($"missing for credential '{Eu}'", text);
        Assert.Equal(2, Directory.GetFiles(folder, $"models-{Eu}-*.json").Length);
        Assert.Equal(2, Directory.GetFiles(folder, $"models-{Us}-*.json").Length);
        Assert.Equal(4, api.RequestCount);
        foreach (var key in new[] { euKey, usKey })
        {
            Assert.DoesNotContain(key, first.Out + first.Err + page.Out + page.Err);
            CometApiTestKit.AssertFolderHasNoKey(folder, key);
        }

        env.Remove("COMETAPI_API_KEY_PRODUCTION_US");
        var missing = RealPwsh.Example(env, "examples/drift-check.ps1", Args());
        Assert.True(missing.Code == 2, $"exit {missing.Code}\n{missing.Out}\n{missing.Err}");
        Assert.Contains("Set these variables:\n  COMETAPI_API_KEY_PRODUCTION_US", missing.Err.Replace("\r", ""));
        Assert.Equal(4, api.RequestCount);   // nothing sent when a credential has no key
    }

    // "Could not run" is 2 in every example script: one credential failing its capture (nothing at risk elsewhere).
    [Fact]
    public void DriftCheckExitsTwoWhenOneCredentialCouldNotBeCaptured()
    {
        using var dir = new TempDir();
        var euKey = CometApiTestKit.NewKey();
        using var api = ApiPerKey(new Dictionary<string, string[]> { [euKey] = new[] { "m-current", "m-rollback" } });
        var env = new Dictionary<string, string>
        {
            ["COMETAPI_BASE_URL"] = api.BaseUri, ["COMETAPI_API_KEY_PRODUCTION_EU"] = euKey, ["COMETAPI_API_KEY_PRODUCTION_US"] = CometApiTestKit.NewKey(),
        };
        var run = RealPwsh.Example(env, "examples/drift-check.ps1", "-SnapshotFolder", dir.File("snapshots"),
            "-LedgerPath", Ledger(dir, Entry("svc", "m-current", "m-rollback")), "-CredentialLabel", $"{Eu},{Us}");
        Assert.True(run.Code == 2, $"exit {run.Code}\n{run.Out}\n{run.Err}");
        Assert.Contains($"Drift check could not run for '{Us}'", run.Err);
        Assert.Contains("CometApiAuthFailed", run.Err);
        Assert.Contains("First snapshot captured", run.Out);   // the other credential still ran
    }

    [Fact]
    public void DriftCheckComparesWithAnUnlabelledSnapshotFromBeforeLabelledNamesWhenItsLabelMatches()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels("m-current");
        var ledger = Ledger(dir, Entry("svc", "m-current", "m-rollback"));
        var folder = Directory.CreateDirectory(dir.File("snapshots")).FullName;
        File.Copy(Snapshot(dir, new[] { "m-current", "m-rollback" }, label: "production"), Path.Combine(folder, "models-20260101-060000.json"));
        var env = new Dictionary<string, string> { ["COMETAPI_BASE_URL"] = api.BaseUri, ["COMETAPI_API_KEY"] = CometApiTestKit.NewKey() };

        var run = RealPwsh.Example(env, "examples/drift-check.ps1", "-SnapshotFolder", folder, "-LedgerPath", ledger);

        Assert.True(run.Code == 3, $"exit {run.Code}\n{run.Out}\n{run.Err}");
        Assert.Contains("Comparing the earlier snapshot\n  " + Path.Combine(folder, "models-20260101-060000.json"), run.Out.Replace("\r", ""));
        Assert.Contains("APPROVED IDS AT RISK (page the owner):\n  m-rollback\n    svc rollback", run.Out.Replace("\r", ""));
        Assert.DoesNotContain("missing for credential", run.Out);   // one credential: the familiar output
        Assert.Single(Directory.GetFiles(folder, "models-production-*.json"));
    }

    [Fact]
    public void TheScheduledTaskPassesSeveralLabelsAsTheOneCommaSeparatedValueDriftCheckSplits()
    {
        var (code, output, err) = RealPwsh.Example("examples/register-drift-check-task.ps1", "-LedgerPath", @"D:\ops\ledger.json",
            "-SnapshotFolder", @"D:\ops\snapshots", "-CredentialLabel", $"{Eu},{Us}", "-WhatIf");
        Assert.True(code == 0, output + err);
        Assert.Matches($@"-File "".*examples[/\\]drift-check\.ps1"" -SnapshotFolder ""D:\\ops\\snapshots"" -LedgerPath ""D:\\ops\\ledger\.json"" -CredentialLabel ""{Eu},{Us}""", output);

        var unlabelled = RealPwsh.Example("examples/register-drift-check-task.ps1", "-WhatIf");
        Assert.DoesNotContain("-CredentialLabel", unlabelled.Out);   // one credential: drift-check's default, as before
    }
}
