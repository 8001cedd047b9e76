using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace ModelLedger.Module.Tests;

/// <summary>Invoke-RollbackDryRun through the hosted engine: switch, probe, workload, byte-exact restore.</summary>
public class InvokeRollbackDryRunTests
{
    internal const string Forward = "gpt-4o-2024-08-06";
    internal const string Rollback = "gpt-4o-2024-05-13";

    // The probe an operator would write: re-read the config the application reads and report the model it sends.
    internal const string ReadingProbe = "{ param($ctx) $text = [System.IO.File]::ReadAllText($ctx.ConfigPath); [regex]::Match($text, '\"model\"\\s*:\\s*\"([^\"]*)\"').Groups[1].Value }";

    internal static string StagingConfig(TempDir dir, string? text = null, bool bom = false, string name = "staging.json")
    {
        text ??= "{\n  // staging copy of support-router\n  \"llm\": {\n    \"model\": \"" + Forward + "\",\n    \"temperature\": 0.2,\n  },\n  \"timeoutMs\": 3000\n}\n";
        var body = Encoding.UTF8.GetBytes(text);
        var path = dir.File(name);
        File.WriteAllBytes(path, bom ? new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray() : body);
        return path;
    }

    internal static string Ledger(TempDir dir, string? rollback = Rollback) =>
        GateFiles.Ledger(dir, GateFiles.Entry("support-router", Forward, rollback), GateFiles.Entry("report-writer", "claude-haiku-4-5-20251001", "claude-3-5-haiku-20241022"));

    private static Dictionary<string, object?> Vars(string ledger, string config) => new() { ["ledger"] = ledger, ["config"] = config };

    private static void AssertNoLeftovers(TempDir dir, string config)
    {
        Assert.False(File.Exists(config + ".dryrun-journal.json"), "journal left behind");
        Assert.False(File.Exists(config + ".dryrun-lock"), "lock left behind");
        Assert.Empty(Directory.GetFiles(dir.Path, "*.mltmp-*"));
    }

    public static TheoryData<string, string, bool> Formats => new()
    {
        { "comments-trailing-commas-lf", "{\n  // staging\n  \"llm\": { \"model\": \"" + Forward + "\", },\n}\n", false },
        { "crlf-four-spaces-bom", "{\r\n    \"name\": \"router\",\r\n    \"llm\": {\r\n        \"model\": \"" + Forward + "\"\r\n    }\r\n}\r\n", true },
        { "minified-no-final-newline", "{\"z\":[1,2],\"llm\":{\"model\":\"" + Forward + "\"}}", false },
        { "tabs-and-block-comment", "{\n\t/* owner: sre */\n\t\"llm\" :\t{ \"model\" :\t\"" + Forward + "\" }\n}", false },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void PassSwitchesProbesRunsTheWorkloadAndRestoresTheFileByteForByte(string name, string text, bool bom)
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir, text, bom);
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        var run = ps.Run("$global:workloadSaw = $null; Invoke-RollbackDryRun -Service support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model " +
                         "-ProbeScript " + ReadingProbe + " -WorkloadScript { param($ctx) $global:workloadSaw = [System.IO.File]::ReadAllText($ctx.ConfigPath).Contains($ctx.ExpectedModelId) }",
            Vars(Ledger(dir), config));

        Assert.Empty(run.AllErrors);
        var result = DryRunView.Single(run);
        Assert.Equal("Passed", result.Status);
        Assert.Equal("support-router", result.Service);
        Assert.Equal(Forward, result.ForwardModelId);
        Assert.Equal(Rollback, result.RollbackModelId);
        Assert.Equal(Rollback, result.ObservedModelId);
        Assert.True(result.Restored);
        Assert.NotNull(result.SwitchedAt);
        Assert.NotNull(result.RestoredAt);
        Assert.Equal(TimeSpan.Zero, result.SwitchedAt!.Value.Offset);
        Assert.True(result.RestoredAt >= result.SwitchedAt);
        Assert.Equal(true, ps.GetVariable("workloadSaw"));
        Assert.Equal(before, File.ReadAllBytes(config));
        AssertNoLeftovers(dir, config);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void LedgerEntriesFromThePipelineAndAnArrayItemKey()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir, "{ \"routes\": [ { \"model\": \"other\" }, { \"model\": \"" + Forward + "\" } ] }");
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger $ledger -Service support-router | Invoke-RollbackDryRun -ConfigPath $config -ConfigKey routes.1.model " +
                         "-ProbeScript { param($ctx) [regex]::Matches([System.IO.File]::ReadAllText($ctx.ConfigPath), '\"model\": \"([^\"]*)\"')[1].Groups[1].Value }",
            Vars(Ledger(dir), config));
        Assert.Empty(run.AllErrors);
        Assert.Equal("Passed", DryRunView.Single(run).Status);
        Assert.Equal(before, File.ReadAllBytes(config));
    }

    [Theory]
    [InlineData("'" + Forward + "'", "still sent the forward ID")]
    [InlineData("'gpt-4o'", "near miss of the rollback ID")]
    [InlineData("'GPT-4o-2024-05-13'", "near miss of the rollback ID")]
    [InlineData("'claude-3-5-haiku-20241022'", "not the rollback ID")]
    public void AProbeThatSeesAnyOtherIdFailsAndSaysWhichIdItSaw(string seen, string expected)
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { " + seen + " } -WorkloadScript { $global:workloadRan = $true }",
            Vars(Ledger(dir), config));
        var result = DryRunView.Single(run);
        Assert.Equal("Failed", result.Status);
        Assert.Equal(seen.Trim('\''), result.ObservedModelId);
        Assert.Contains(expected, result.Message);
        Assert.Contains("'" + seen.Trim('\'') + "'", result.Message);
        Assert.Null(ps.GetVariable("workloadRan"));
        Assert.True(result.Restored);
        Assert.Equal(before, File.ReadAllBytes(config));
    }

    [Fact]
    public void AProbeThatOutputsNothingFails()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        using var ps = new PowerShellHarness();
        var result = DryRunView.Single(ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { $null }", Vars(Ledger(dir), config)));
        Assert.Equal("Failed", result.Status);
        Assert.Contains("output no model ID", result.Message);
    }

    [Theory]
    [InlineData("probe", "-ProbeScript { throw 'reload endpoint returned 502' }", "The probe threw: reload endpoint returned 502")]
    [InlineData("workload", "-ProbeScript " + ReadingProbe + " -WorkloadScript { throw 'request 3 of 5: HTTP 400 unsupported parameter' }", "The workload threw: request 3 of 5: HTTP 400 unsupported parameter")]
    public void AThrowingProbeOrWorkloadFailsTheRunAndStillRestores(string which, string scripts, string expected)
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model " + scripts, Vars(Ledger(dir), config));
        Assert.Empty(run.AllErrors);
        var result = DryRunView.Single(run);
        Assert.Equal("Failed", result.Status);
        Assert.Contains(expected, result.Message);
        Assert.True(result.Restored, which);
        Assert.NotNull(result.RestoredAt);
        Assert.Equal(before, File.ReadAllBytes(config));
        AssertNoLeftovers(dir, config);
    }

    [Fact]
    public void AProbeThatHangsPastTheTimeoutIsStoppedAndTheConfigRestored()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        // Bounded: the loop gives up after 60 s if the timeout never fires, so a regression fails instead of hanging.
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -TimeoutSec 1 " +
                         "-ProbeScript { $end = [datetime]::UtcNow.AddSeconds(60); while ([datetime]::UtcNow -lt $end) { [System.Threading.Thread]::Sleep(20) }; 'too-late' }",
            Vars(Ledger(dir), config));
        var result = DryRunView.Single(run);
        Assert.Equal("Failed", result.Status);
        Assert.Contains("did not finish within 1 s", result.Message);
        Assert.Null(result.ObservedModelId);
        Assert.True(result.Restored);
        Assert.Equal(before, File.ReadAllBytes(config));
        AssertNoLeftovers(dir, config);
    }

    [Fact]
    public void AMissingConfigKeyIsDryRunConfigKeyNotFoundAndNothingChanges()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.chat.model -ProbeScript { $global:probed = $true }", Vars(Ledger(dir), config));
        var error = ErrorAssert.Single(run, "DryRunConfigKeyNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("'llm.chat.model'", error.Exception.Message);
        Assert.Contains("'llm' has: 'model', 'temperature'", error.Exception.Message);
        Assert.Empty(run.Output);
        Assert.Null(ps.GetVariable("probed"));
        Assert.Equal(before, File.ReadAllBytes(config));
        AssertNoLeftovers(dir, config);
    }

    [Theory]
    [InlineData("gpt-4o-2024-08-06 ", "near miss")]
    [InlineData(Rollback, "already holds the rollback ID")]
    [InlineData("gpt-4.1", "holds 'gpt-4.1'")]
    public void AConfigNotHoldingTheCurrentIdIsRefusedAndNothingChanges(string held, string expected)
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir, "{\n  \"llm\": {\n    \"model\": \"" + held + "\"\n  }\n}\n");
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { $global:probed = $true }", Vars(Ledger(dir), config));
        var error = ErrorAssert.Single(run, "DryRunConfigMismatch", ErrorCategory.InvalidData);
        Assert.Contains(expected, error.Exception.Message);
        Assert.Contains("line 3", error.Exception.Message);
        Assert.Contains("Nothing was changed", error.Exception.Message);
        Assert.Null(ps.GetVariable("probed"));
        Assert.Equal(before, File.ReadAllBytes(config));
        AssertNoLeftovers(dir, config);
    }

    [Fact]
    public void WhatIfReportsTheSwitchAndTouchesNothing()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var before = File.ReadAllBytes(config);
        var stamp = File.GetLastWriteTimeUtc(config);
        using var ps = new PowerShellHarness();
        var run = ps.Render("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { $global:probed = $true } -WhatIf", Vars(Ledger(dir), config));
        Assert.Empty(run.AllErrors);
        Assert.Contains("What if:", run.HostText);
        Assert.Contains($"from '{Forward}' to the rollback ID '{Rollback}'", run.HostText);
        Assert.Null(ps.GetVariable("probed"));
        Assert.Equal(before, File.ReadAllBytes(config));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(config));
        Assert.Single(Directory.GetFiles(dir.Path), f => !f.Contains("ledger-"));
    }

    [Fact]
    public void ConfirmAsksBeforeSwitchingAndNoLeavesTheConfigAlone()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness(input: "N\n");
        var run = ps.Render("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { $global:probed = $true } -Confirm", Vars(Ledger(dir), config));
        Assert.Contains("Switch 'llm.model'", run.HostText);
        Assert.Null(ps.GetVariable("probed"));
        Assert.Equal(before, File.ReadAllBytes(config));
    }

    [Fact]
    public void ASecondDryRunOnTheSameConfigIsRefusedWhileTheFirstRuns()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { param($ctx) " +
                         "try { Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { 'x' } -ErrorAction Stop } catch { $global:second = $_ }; " +
                         "$ctx.ExpectedModelId }", Vars(Ledger(dir), config));
        Assert.Equal("Passed", DryRunView.Single(run).Status);
        var second = Assert.IsType<ErrorRecord>(ps.GetVariable("second"));
        Assert.StartsWith("DryRunInProgress,", second.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, second.CategoryInfo.Category);
        Assert.Contains("service 'support-router'", second.Exception.Message);
        Assert.Equal(before, File.ReadAllBytes(config));
        AssertNoLeftovers(dir, config);
    }

    [Fact]
    public void WhenRestoringFailsTheErrorIsTerminatingAndSaysHowToRestoreByHand()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        // The probe replaces the config file with a folder, so the restore cannot write it back.
        var run = ps.Run("try { Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { param($ctx) " +
                         "[System.IO.File]::Delete($ctx.ConfigPath); $null = [System.IO.Directory]::CreateDirectory($ctx.ConfigPath); $ctx.ExpectedModelId } } catch { $global:caught = $_ }",
            Vars(Ledger(dir), config));
        // try/catch sees only terminating errors: the operator's script stops here.
        var error = Assert.IsType<ErrorRecord>(ps.GetVariable("caught"));
        Assert.StartsWith("DryRunRestoreFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
        var message = error.Exception.Message;
        Assert.Contains(config, message);
        Assert.Contains("'llm.model'", message);
        Assert.Contains($"back to '{Forward}'", message);
        Assert.Contains(config + ".dryrun-journal.json", message);
        Assert.Contains("Invoke-RollbackDryRun -Recover", message);
        Assert.Empty(run.Output);
        // The journal keeps the original bytes for the operator (and for -Recover once the folder is gone).
        Directory.Delete(config);
        var recover = ps.Run("Invoke-RollbackDryRun -Recover -ConfigPath $config");
        Assert.Empty(recover.AllErrors);
        Assert.Equal("Skipped", DryRunView.Single(recover).Status);
        Assert.Equal(before, File.ReadAllBytes(config));
        AssertNoLeftovers(dir, config);
    }

    [Fact]
    public void AnEntryWithoutARollbackIsSkippedWithAWarning()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { $global:probed = $true }",
            Vars(Ledger(dir, rollback: null), config));
        var result = DryRunView.Single(run);
        Assert.Equal("Skipped", result.Status);
        Assert.Contains("no rollback model ID", result.Message);
        Assert.Contains("no rollback model ID", Assert.Single(run.Warnings).Message);
        Assert.Null(result.SwitchedAt);
        Assert.Null(ps.GetVariable("probed"));
    }

    [Fact]
    public void BadInputsHaveTheirOwnErrorIds()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var ledger = Ledger(dir);
        var utf16 = dir.File("utf16.json");
        File.WriteAllBytes(utf16, new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("{\"llm\":{\"model\":\"" + Forward + "\"}}")).ToArray());
        using var ps = new PowerShellHarness();
        var vars = new Dictionary<string, object?> { ["ledger"] = ledger, ["config"] = config, ["missing"] = dir.File("nope.json"), ["utf16"] = utf16 };

        var unknown = ErrorAssert.Single(ps.Run("Invoke-RollbackDryRun support-routr -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { 'x' }", vars), "LedgerServiceNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("'support-router'", unknown.Exception.Message);
        ErrorAssert.Single(ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $missing -ConfigPath $config -ConfigKey llm.model -ProbeScript { 'x' }", vars), "LedgerNotFound", ErrorCategory.ObjectNotFound);
        ErrorAssert.Single(ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $missing -ConfigKey llm.model -ProbeScript { 'x' }", vars), "DryRunConfigNotFound", ErrorCategory.ObjectNotFound);
        var enc = ErrorAssert.Single(ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $utf16 -ConfigKey llm.model -ProbeScript { 'x' }", vars), "DryRunConfigInvalid", ErrorCategory.InvalidData);
        Assert.Contains("UTF-8", enc.Exception.Message);
    }

    [Fact]
    public void ProgressShowsThePhasesAndVerboseTheSwitchAndRestore()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript " + ReadingProbe + " -WorkloadScript { } -Verbose", Vars(Ledger(dir), config));
        var phases = run.Progress.Select(p => p.StatusDescription).ToList();
        Assert.Contains(phases, p => p.StartsWith("Switching", StringComparison.Ordinal));
        Assert.Contains(phases, p => p.StartsWith("Probing", StringComparison.Ordinal));
        Assert.Contains(phases, p => p.StartsWith("Running the workload", StringComparison.Ordinal));
        Assert.Contains(phases, p => p.StartsWith("Restoring", StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, run.Progress.Last().RecordType);
        Assert.Contains(run.Verbose, v => v.Message.StartsWith("Switched 'llm.model'", StringComparison.Ordinal));
        Assert.Contains(run.Verbose, v => v.Message.StartsWith("Restored '", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultTableShowsStatusAndTheObservedId()
    {
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        using var ps = new PowerShellHarness();
        var run = ps.Render("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { 'gpt-4o' }", Vars(Ledger(dir), config));
        Assert.Contains("  observed   gpt-4o\n", run.HostText.Replace("\r", ""));
        Assert.Contains("Failed  support-router  restored: True", run.HostText);
        Assert.Contains(Rollback, run.HostText);
    }
}
