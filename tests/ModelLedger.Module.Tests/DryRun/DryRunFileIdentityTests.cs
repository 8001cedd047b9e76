using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using static ModelLedger.Module.Tests.InvokeRollbackDryRunTests;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The dry run must not change what it does not own: a linked config is switched through the link, mode and owner
/// stay what they were during and after the run, the journal is no more readable than the config, and a config
/// it could not write as its owner would is refused. Real files; Unix permissions, so Linux and macOS only.
/// </summary>
public class DryRunFileIdentityTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // The probe records what the config and its journal look like while the config holds the rollback ID.
    private const string ObservingProbe = "{ param($ctx) " +
        "$global:modeDuring = [System.IO.File]::GetUnixFileMode($ctx.ConfigPath); " +
        "$global:journalMode = [System.IO.File]::GetUnixFileMode($ctx.ConfigPath + '.dryrun-journal.json'); " +
        "$global:isLinkDuring = [bool]([System.IO.FileInfo]::new($ctx.ConfigPath).LinkTarget); " +
        "$global:targetDuring = [System.IO.File]::ReadAllText($global:linkTarget); " +
        "$ctx.ExpectedModelId }";

    private static ScriptRun DryRun(PowerShellHarness ps, TempDir dir, string config, string? target = null)
    {
        ps.SetVariable("linkTarget", target ?? config);
        return ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript " + ObservingProbe,
            new() { ["ledger"] = Ledger(dir), ["config"] = config });
    }

    private static object? Global(PowerShellHarness ps, string name) => ps.GetVariable(name) is PSObject p ? p.BaseObject : ps.GetVariable(name);

    private static string Stat(string format, string path)
    {
        using var p = Process.Start(new ProcessStartInfo("stat", new[] { "-c", format, path }) { RedirectStandardOutput = true })!;
        var text = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return text;
    }

    [Fact]
    public void ALinkedConfigIsSwitchedThroughTheLinkAndTheLinkStays()
    {
        if (OperatingSystem.IsWindows()) return; // creating links needs a privilege on Windows; the logic is the same
        using var dir = new TempDir();
        var target = StagingConfig(dir, name: "real-config.json");
        var before = File.ReadAllBytes(target);
        var link = dir.File("staging.json");
        File.CreateSymbolicLink(link, target);
        using var ps = new PowerShellHarness();

        var run = DryRun(ps, dir, link, target);
        Assert.Empty(run.AllErrors);
        Assert.Equal("Passed", DryRunView.Single(run).Status);
        Assert.True((bool)Global(ps, "isLinkDuring")!);
        Assert.Contains(Rollback, (string)Global(ps, "targetDuring")!); // the target saw the switch
        Assert.Equal(target, new FileInfo(link).LinkTarget);                // and the link is still a link to it
        Assert.Equal(before, File.ReadAllBytes(target));
    }

    [Fact]
    public void AnOwnerOnlyConfigStaysOwnerOnlyAndTheJournalIsNoMoreReadable()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        File.SetUnixFileMode(config, OwnerReadWrite);
        using var ps = new PowerShellHarness();

        var run = DryRun(ps, dir, config);
        Assert.Equal("Passed", DryRunView.Single(run).Status);
        Assert.Equal(OwnerReadWrite, (UnixFileMode)Global(ps, "modeDuring")!);
        Assert.Equal(OwnerReadWrite, (UnixFileMode)Global(ps, "journalMode")!);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(config));
    }

    [Fact]
    public void AConfigOwnedByAnotherUserKeepsItsOwner()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root") return; // only root can give a file away
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        using (var chown = Process.Start("chown", new[] { "65534:65534", config })) chown.WaitForExit();
        Assert.Equal("65534:65534", Stat("%u:%g", config));
        using var ps = new PowerShellHarness();

        var run = DryRun(ps, dir, config);
        Assert.Equal("Passed", DryRunView.Single(run).Status);
        Assert.Equal("65534:65534", Stat("%u:%g", config));
    }

    [Fact]
    public void AReadOnlyConfigIsRefusedAndNothingChanges()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var config = StagingConfig(dir);
        var before = File.ReadAllBytes(config);
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var ps = new PowerShellHarness();

        var run = DryRun(ps, dir, config);
        var error = ErrorAssert.Single(run, "DryRunConfigReadOnly", ErrorCategory.PermissionDenied);
        Assert.Contains("mode 0444", error.Exception.Message);
        Assert.Contains("nothing was changed", error.Exception.Message);
        Assert.Null(ps.GetVariable("modeDuring")); // the probe never ran
        Assert.Equal(before, File.ReadAllBytes(config));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(config));
        Assert.False(File.Exists(config + ".dryrun-journal.json"));
    }
}
