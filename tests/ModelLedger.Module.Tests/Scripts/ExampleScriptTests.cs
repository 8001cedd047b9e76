using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ModelLedger.Module.Tests.FakeCometApi;

namespace ModelLedger.Module.Tests;

/// <summary>The README's remaining examples: the walkthrough, the scheduled-task registration, the Azure DevOps pipeline.</summary>
public class ExampleScriptTests
{
    [Fact]
    public void TheWalkthroughRunsEveryRunbookStepOnTheExampleData()
    {
        using var dir = new TempDir();
        var (code, output, err) = RealPwsh.Example("examples/runbook-walkthrough.ps1", "-EvidencePath", dir.File("CHG-1042"));
        Assert.True(code == 0, output + err);
        foreach (var step in new[] { "== 1. The ledger", "== 2. The models snapshot", "== 3. The gate for support-router", "== 4. The rollback rehearsal", "== 5. The evidence" })
            Assert.Contains(step, output);
        Assert.Contains("verified: True):", output);
        Assert.Contains("Checklist: 8 proved, 1 partly, 0 failed, 0 missing: incomplete.", output);
        Assert.Contains("READY: support-router can roll back, rehearsed, with verified evidence, to\n  gpt-4o-2024-08-06", output.Replace("\r", ""));
    }

    [Fact]
    public void TheScheduledTaskRegistrationShowsTheDriftCheckCommandLineAndRegistersNothingUnderWhatIf()
    {
        var (code, output, _) = RealPwsh.Example("examples/register-drift-check-task.ps1", "-LedgerPath", @"D:\ops\ledger.json", "-SnapshotFolder", @"D:\ops\snapshots", "-At", "05:30", "-WhatIf");
        Assert.Equal(0, code);
        Assert.Contains("daily at 05:30", output);
        Assert.Matches(@"powershell\.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "".*examples[/\\]drift-check\.ps1"" -SnapshotFolder ""D:\\ops\\snapshots"" -LedgerPath ""D:\\ops\\ledger\.json""", output);
        Assert.Contains("Register-ScheduledTask -TaskName 'ModelLedger drift check'", output);
    }

    [Fact]
    public void TheDriftCheckInSnapshotFolderModeCapturesThenPagesOnlyForApprovedIds()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("svc", "m-current", "m-rollback"));
        var folder = dir.File("snapshots");
        var key = CometApiTestKit.NewKey();
        var env = new System.Collections.Generic.Dictionary<string, string> { ["COMETAPI_API_KEY"] = key, ["COMETAPI_BASE_URL"] = api.BaseUri };

        api.Handler = _ => FakeResponse.CometModels("m-current", "m-rollback", "unapproved");
        var first = RealPwsh.Example(env, "examples/drift-check.ps1", "-SnapshotFolder", folder, "-LedgerPath", ledger);
        Assert.Equal(0, first.Code);
        Assert.Contains("First snapshot captured", first.Out);

        SnapshotFolder.Age(folder);
        api.Handler = _ => FakeResponse.CometModels("m-current", "m-rollback");
        var calm = RealPwsh.Example(env, "examples/drift-check.ps1", "-SnapshotFolder", folder, "-LedgerPath", ledger);
        Assert.Equal(0, calm.Code);
        Assert.Contains("No approved model ID is at risk", calm.Out);

        SnapshotFolder.Age(folder);
        api.Handler = _ => FakeResponse.CometModels("m-current");
        var page = RealPwsh.Example(env, "examples/drift-check.ps1", "-SnapshotFolder", folder, "-LedgerPath", ledger);
        Assert.Equal(3, page.Code);
        Assert.Contains("APPROVED IDS AT RISK (page the owner):\n  m-rollback\n    svc rollback", page.Out.Replace("\r", ""));

        Assert.Equal(3, Directory.GetFiles(folder, "models-*.json").Length);
        Assert.Equal(3, api.RequestCount);
        Assert.DoesNotContain(key, first.Out + first.Err + calm.Out + calm.Err + page.Out + page.Err);
        CometApiTestKit.AssertFolderHasNoKey(folder, key);
    }

    [Fact]
    public void TheSnapshotExampleCapturesWithTheKeyFromTheEnvironmentAndNeverPrintsIt()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels("gpt-5.4-mini-2026-03-17", "gpt-4o-2024-08-06", "claude-haiku-4-5-20251001");
        var key = CometApiTestKit.NewKey();
        var snapshot = dir.File("models-snapshot.json");
        var run = RealPwsh.Example(new System.Collections.Generic.Dictionary<string, string> { ["COMETAPI_API_KEY"] = key },
            "examples/snapshot-models.ps1", "-BaseUri", api.BaseUri, "-OutSnapshot", snapshot);
        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.Contains("gpt-4o-2024-08-06", run.Out);
        Assert.Contains("Snapshot of 3 models captured with the 'production' credential:", run.Out);
        Assert.Contains("\"gpt-5.4-mini-2026-03-17\"", File.ReadAllText(snapshot));
        Assert.DoesNotContain(key, run.Out + run.Err);
        CometApiTestKit.AssertFolderHasNoKey(dir.Path, key);

        var failed = RealPwsh.Example("examples/snapshot-models.ps1", "-BaseUri", api.BaseUri, "-OutSnapshot", dir.File("none.json"));
        Assert.Equal(2, failed.Code);   // could not run: 2, as in every example script
        Assert.Contains("CometApiKeyMissing", failed.Out + failed.Err);
    }

    [Fact]
    public void EveryExampleScriptIsRunUnderRealPwshByATest()
    {
        var sources = string.Join("\n", Directory.GetFiles(Repo.File("tests", "ModelLedger.Module.Tests"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var script in Directory.GetFiles(Repo.File("examples"), "*.ps1").Select(Path.GetFileName))
            Assert.True(Regex.IsMatch(sources, @"RealPwsh\.Example\([^;]*""examples/" + Regex.Escape(script!) + @""""),
                $"examples/{script} is not run under real pwsh by any test");
    }

    [Fact]
    public void TheAzurePipelineCallsRealScriptsWithRealParametersAndMapsTheSecret()
    {
        var yaml = File.ReadAllText(Repo.File("examples", "azure-pipelines.yml"));
        var variables = Regex.Matches(yaml, @"- name: (\w+)\s+value: (.+)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        using var ps = new PowerShellHarness();
        var steps = Regex.Matches(yaml, @"filePath: (\S+)\s+arguments: (.+)");
        Assert.Equal(2, steps.Count);
        foreach (Match step in steps)
        {
            var script = Repo.File(step.Groups[1].Value.Split('/'));
            Assert.True(File.Exists(script), step.Groups[1].Value + " does not exist");
            var declared = ps.Run("[System.Management.Automation.Language.Parser]::ParseFile($f, [ref]$null, [ref]$null).ParamBlock.Parameters | ForEach-Object { $_.Name.VariablePath.UserPath }",
                new() { ["f"] = script }).Output.Select(o => o.ToString()!).ToList();
            foreach (Match p in Regex.Matches(step.Groups[2].Value, @"(?<=^|\s)-(\w+)"))
                Assert.True(declared.Contains(p.Groups[1].Value, System.StringComparer.OrdinalIgnoreCase), $"{step.Groups[1].Value} has no parameter -{p.Groups[1].Value}");
            foreach (Match path in Regex.Matches(step.Groups[2].Value, @"examples/\S+\.json"))
                Assert.True(File.Exists(Repo.File(path.Value.Split('/'))), path.Value + " does not exist");
        }
        Assert.Matches(@"-Live[^\n]*-JUnitPath \$\(junitPath\)\s+env:\s+COMETAPI_API_KEY: \$\(COMETAPI_API_KEY\)", yaml);
        Assert.Matches(@"PublishTestResults@2[\s\S]*?testResultsFormat: JUnit\s+testResultsFiles: \$\(junitPath\)", yaml);
        Assert.Matches(@"-OutputPath \$\(evidencePath\)", yaml);
        Assert.Matches(@"PublishPipelineArtifact@1[\s\S]*?targetPath: \$\(evidencePath\)", yaml);
        Assert.True(variables.ContainsKey("junitPath") && variables.ContainsKey("evidencePath"));
        Assert.Equal(Regex.Matches(yaml, @"task: PowerShell@2").Count, Regex.Matches(yaml, @"pwsh: true").Count);
    }
}
