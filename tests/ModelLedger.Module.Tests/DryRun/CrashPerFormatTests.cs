#if MODELLEDGER_TEST_HOOKS // drives the test build's hooks; see TestBuildTests
using System.Collections.Generic;
using System.IO;

namespace ModelLedger.Module.Tests;

/// <summary>
/// CrashTests for the YAML, .env and JSON configs of the example release: a child process killed while the config
/// is switched leaves a journal, and the next run puts the original bytes back.
/// </summary>
public class CrashPerFormatTests
{
    private const string Script = @"param($Ledger, $Config, $Service)
Import-Module ./ModelLedger.psd1
Invoke-RollbackDryRun $Service -LedgerPath $Ledger -ConfigPath $Config `
    -ProbeScript { param($ctx) if ($env:CRASH_IN -eq 'probe') { [System.Diagnostics.Process]::GetCurrentProcess().Kill() }; $ctx.ExpectedModelId }
exit 0
";

    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        { "report-writer", "deploy/litellm/config.yaml", "dryrun:after-switch", null },
        { "report-writer", "deploy/litellm/config.yaml", null, "probe" },
        { "report-writer", "deploy/compose/.env", "dryrun:after-switch", null },
        { "report-writer", "deploy/compose/.env", null, "probe" },
        { "support-router", "services/support-router/appsettings.json", null, "probe" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AKilledDryRunOnEachFormatIsRepairedByTheNextRun(string service, string file, string? crashAt, string? crashIn)
    {
        using var dir = new TempDir();
        var config = Path.Combine(ReleaseTree.Copy(dir), file.Replace('/', Path.DirectorySeparatorChar));
        var ledger = Repo.File("examples", "data", "ledger.json");
        var original = File.ReadAllBytes(config);
        var env = new Dictionary<string, string>();
        if (crashAt != null) env["MODELLEDGER_CRASH_AT"] = crashAt;
        if (crashIn != null) env["CRASH_IN"] = crashIn;

        var (code, _, err) = RealPwsh.Example(env, dir.Write("dryrun.ps1", Script), "-Ledger", ledger, "-Config", config, "-Service", service);

        Assert.True(code != 0, $"the child should have been killed, but exited 0. {err}");
        Assert.True(File.Exists(config + ".dryrun-journal.json"), "no journal left by the killed run");
        Assert.NotEqual(original, File.ReadAllBytes(config));

        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun $service -LedgerPath $ledger -ConfigPath $config -ProbeScript { param($ctx) $ctx.ExpectedModelId }",
            new() { ["ledger"] = ledger, ["config"] = config, ["service"] = service });
        Assert.Empty(run.AllErrors);
        Assert.Contains(run.Warnings, w => w.Message.Contains("interrupted dry run"));
        Assert.Equal("Passed", DryRunView.Single(run).Status);
        Assert.Equal(original, File.ReadAllBytes(config));
        Assert.False(File.Exists(config + ".dryrun-journal.json"));
    }
}
#endif
