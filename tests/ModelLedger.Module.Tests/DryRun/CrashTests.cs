#if MODELLEDGER_TEST_HOOKS // drives the test build's hooks; see TestBuildTests
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ModelLedger.Module.Tests.FakeCometApi;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Kills a real child process (real pwsh) at each phase of a dry run and of a snapshot write, then shows
/// that the next run repairs the config from the journal and that no partial file is ever visible.
/// </summary>
public class CrashTests
{
    private const string Forward = InvokeRollbackDryRunTests.Forward;
    private const string Rollback = InvokeRollbackDryRunTests.Rollback;

    private const string DryRunScript = @"param($Ledger, $Config)
Import-Module ./ModelLedger.psd1
Invoke-RollbackDryRun support-router -LedgerPath $Ledger -ConfigPath $Config -ConfigKey llm.model `
    -ProbeScript { param($ctx) if ($env:CRASH_IN -eq 'probe') { [System.Diagnostics.Process]::GetCurrentProcess().Kill() }; $ctx.ExpectedModelId } `
    -WorkloadScript { if ($env:CRASH_IN -eq 'workload') { [System.Diagnostics.Process]::GetCurrentProcess().Kill() } }
exit 0
";

    public static TheoryData<string, string?, string?, bool> Phases => new()
    {
        // phase name, MODELLEDGER_CRASH_AT, CRASH_IN (inside the scripts), config switched when the process died
        { "after the journal, before the switch", "dryrun:after-journal", null, false },
        { "right after the switch", "dryrun:after-switch", null, true },
        { "during the probe", null, "probe", true },
        { "during the workload", null, "workload", true },
        { "before the restore", "dryrun:before-restore", null, true },
        // The restore writes in place (the config keeps owner, mode and links): killed after its bytes, before the
        // length is set. With IDs of one length the bytes are already the original; CutShortWriteTests cover the rest.
        { "during the restore write (before its truncation)", "in-place-write:staging.json#2", null, false },
    };

    [Theory]
    [MemberData(nameof(Phases))]
    public void AKilledDryRunIsRepairedByTheNextRun(string phase, string? crashAt, string? crashIn, bool switchedAtDeath)
    {
        using var dir = new TempDir();
        var config = InvokeRollbackDryRunTests.StagingConfig(dir);
        var ledger = InvokeRollbackDryRunTests.Ledger(dir);
        var original = File.ReadAllBytes(config);
        var switched = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace(Forward, Rollback));
        var script = dir.Write("dryrun.ps1", DryRunScript);
        var env = new Dictionary<string, string>();
        if (crashAt != null) env["MODELLEDGER_CRASH_AT"] = crashAt;
        if (crashIn != null) env["CRASH_IN"] = crashIn;

        var (code, _, err) = RealPwsh.Example(env, script, "-Ledger", ledger, "-Config", config);

        Assert.True(code != 0, $"{phase}: the child should have been killed, but exited 0. {err}");
        Assert.True(File.Exists(config + ".dryrun-journal.json"), $"{phase}: no journal left by the killed run");
        // Never a partial file: exactly the original or exactly the switched bytes.
        Assert.Equal(switchedAtDeath ? switched : original, File.ReadAllBytes(config));

        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript " + InvokeRollbackDryRunTests.ReadingProbe,
            new() { ["ledger"] = ledger, ["config"] = config });
        Assert.Empty(run.AllErrors);
        Assert.Contains(run.Warnings, w => w.Message.Contains("interrupted dry run") && w.Message.Contains("service 'support-router'"));
        Assert.Equal("Passed", DryRunView.Single(run).Status);
        Assert.Equal(original, File.ReadAllBytes(config));
        Assert.False(File.Exists(config + ".dryrun-journal.json"));
    }

    [Fact]
    public void RecoverRepairsAKilledRunWithoutRehearsing()
    {
        using var dir = new TempDir();
        var config = InvokeRollbackDryRunTests.StagingConfig(dir);
        var ledger = InvokeRollbackDryRunTests.Ledger(dir);
        var original = File.ReadAllBytes(config);
        var script = dir.Write("dryrun.ps1", DryRunScript);
        var (code, _, _) = RealPwsh.Example(new Dictionary<string, string> { ["CRASH_IN"] = "probe" }, script, "-Ledger", ledger, "-Config", config);
        Assert.NotEqual(0, code);
        Assert.NotEqual(original, File.ReadAllBytes(config));

        using var ps = new PowerShellHarness();
        var whatIf = ps.Run("Invoke-RollbackDryRun -Recover -ConfigPath $config -WhatIf", new() { ["config"] = config });
        Assert.NotEqual(original, File.ReadAllBytes(config));
        Assert.Empty(whatIf.AllErrors);

        var run = ps.Run("Invoke-RollbackDryRun -Recover -ConfigPath $config", new() { ["config"] = config });
        Assert.Empty(run.AllErrors);
        var result = DryRunView.Single(run);
        Assert.Equal("Skipped", result.Status);
        Assert.True(result.Restored);
        Assert.Equal(Forward, result.ForwardModelId);
        Assert.Contains("Recovered", result.Message);
        Assert.Equal(original, File.ReadAllBytes(config));
        Assert.Empty(ps.Run("Invoke-RollbackDryRun -Recover -ConfigPath $config", new() { ["config"] = config }).Output);
    }

    [Fact]
    public void AJournalOverAConfigEditedSinceTheCrashIsNotAppliedBlindly()
    {
        using var dir = new TempDir();
        var config = InvokeRollbackDryRunTests.StagingConfig(dir);
        var ledger = InvokeRollbackDryRunTests.Ledger(dir);
        var original = File.ReadAllBytes(config);
        var (code, _, _) = RealPwsh.Example(new Dictionary<string, string> { ["CRASH_IN"] = "probe" }, dir.Write("dryrun.ps1", DryRunScript), "-Ledger", ledger, "-Config", config);
        Assert.NotEqual(0, code);
        var edited = Encoding.UTF8.GetBytes("{ \"llm\": { \"model\": \"hand-edited\" } }");
        File.WriteAllBytes(config, edited);

        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun -Recover -ConfigPath $config", new() { ["config"] = config });
        var error = ErrorAssert.Single(run, "DryRunRestoreFailed", System.Management.Automation.ErrorCategory.InvalidData);
        Assert.Contains(config + ".dryrun-original", error.Exception.Message);
        Assert.Equal(edited, File.ReadAllBytes(config));
        Assert.Equal(original, File.ReadAllBytes(config + ".dryrun-original"));
    }

    [Fact]
    public void CtrlCDuringTheProbeStopsAtOnceAndRestores()
    {
        using var dir = new TempDir();
        var config = InvokeRollbackDryRunTests.StagingConfig(dir);
        var original = File.ReadAllBytes(config);
        var marker = dir.File("probe-started");
        using var ps = new PowerShellHarness();
        var (stopped, failure) = ps.RunAndStop(
            "Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -TimeoutSec 120 -ProbeScript { " +
            "[System.IO.File]::WriteAllText($marker, 'x'); $end = [datetime]::UtcNow.AddSeconds(60); while ([datetime]::UtcNow -lt $end) { [System.Threading.Thread]::Sleep(20) } }",
            new() { ["ledger"] = InvokeRollbackDryRunTests.Ledger(dir), ["config"] = config, ["marker"] = marker },
            () => File.Exists(marker), TimeSpan.FromSeconds(60));
        Assert.Null(failure);
        Assert.True(stopped, "the pipeline should report it was stopped");
        Assert.Equal(original, File.ReadAllBytes(config));
        Assert.False(File.Exists(config + ".dryrun-journal.json"));
    }

    [Fact]
    public void AKilledSnapshotWriteNeverLeavesAPartialSnapshot()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels(Enumerable.Range(0, 2000).Select(i => "model-" + i).ToArray());
        var snapshot = dir.File("snap.json");
        var previous = Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"previous\":true}");
        File.WriteAllBytes(snapshot, previous);
        var script = dir.Write("snap.ps1", "param($Api, $Out) Import-Module ./ModelLedger.psd1; $null = Get-CometModel -BaseUri $Api -OutSnapshot $Out -CredentialLabel production -RetryIntervalSec 0; exit 0");
        var key = CometApiTestKit.NewKey();

        var (code, stdout, stderr) = RealPwsh.Example(new Dictionary<string, string> { ["MODELLEDGER_CRASH_AT"] = "atomic-write:snap.json", ["COMETAPI_API_KEY"] = key }, script, "-Api", api.BaseUri, "-Out", snapshot);

        Assert.NotEqual(0, code);
        Assert.Equal(1, api.RequestCount);
        Assert.Equal(previous, File.ReadAllBytes(snapshot));
        Assert.DoesNotContain(key, stdout + stderr);
        // The finished-but-unrenamed temp file is hidden beside it; the next successful write replaces the snapshot whole.
        var (code2, _, _) = RealPwsh.Example(new Dictionary<string, string> { ["COMETAPI_API_KEY"] = key }, script, "-Api", api.BaseUri, "-Out", snapshot);
        Assert.Equal(0, code2);
        Assert.Contains("\"model-1999\"", File.ReadAllText(snapshot));
        CometApiTestKit.AssertFolderHasNoKey(dir.Path, key);
    }

    [Fact]
    public void AKilledEvidenceExportNeverLeavesAPartialBundle()
    {
        using var dir = new TempDir();
        var folder = dir.File("CHG-1042");
        var script = dir.Write("evidence.ps1", "param($Out) Import-Module ./ModelLedger.psd1; $null = Export-RollbackEvidence -Path $Out -LedgerPath ./examples/data/ledger.json -SnapshotPath ./examples/data/models-snapshot.json -ApprovedBy ops; exit 0");

        var (code, _, _) = RealPwsh.Example(new Dictionary<string, string> { ["MODELLEDGER_CRASH_AT"] = "evidence:before-publish" }, script, "-Out", folder);

        Assert.NotEqual(0, code);
        Assert.False(Directory.Exists(folder), "a partial evidence folder is visible");
        // The next export succeeds and the bundle verifies.
        var (code2, _, err2) = RealPwsh.Example(script, "-Out", folder);
        Assert.True(code2 == 0, err2);
        using var ps = new PowerShellHarness();
        Assert.Equal(true, ps.Run("Test-RollbackEvidence $f -Quiet", new() { ["f"] = folder }).Output.Single().BaseObject);
    }
}
#endif
