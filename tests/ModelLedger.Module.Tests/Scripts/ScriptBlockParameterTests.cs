using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Under pwsh -File a string never becomes a script block, so the scripts' [scriptblock] parameters also take the path
/// of a .ps1 file, whose script block runs; any other string is refused (exit 2) and never evaluated as code.
/// </summary>
public class ScriptBlockParameterTests
{
    private static string Config(TempDir dir)
    {
        var config = dir.File("staging.json");
        File.Copy(Repo.File("examples", "data", "staging", "support-router.config.json"), config);
        return config;
    }

    private static string[] DryRun(string config, params string[] more) =>
        new[] { "-LedgerPath", Repo.File("examples", "data", "ledger.json"), "-Service", "support-router", "-ConfigPath", config, "-ConfigKey", "llm.chat.model" }
            .Concat(more).ToArray();

    [Fact]
    public void RollbackDryRunRunsAProbeAndAWorkloadGivenAsPs1PathsUnderFile()
    {
        using var dir = new TempDir();
        var marker = dir.File("workload-ran.txt");
        var probe = dir.Write("probe.ps1", "param($ctx)\n(Get-Content -Raw -LiteralPath $ctx.ConfigPath | ConvertFrom-Json).llm.chat.model\n");
        var workload = dir.Write("workload.ps1", $"param($ctx)\nSet-Content -LiteralPath '{marker}' -Value $ctx.ExpectedModelId\n");
        var (code, output, err) = RealPwsh.Example("examples/rollback-dry-run.ps1", DryRun(Config(dir), "-ProbeScript", probe, "-WorkloadScript", workload));
        Assert.True(code == 0, output + err);
        Assert.Contains("ROLLBACK REHEARSED: support-router sends, when switched:\n  gpt-4o-2024-08-06", output.Replace("\r", ""));
        Assert.Equal("gpt-4o-2024-08-06", File.ReadAllText(marker).Trim());

        // The file's answer decides: a probe file that reports another ID fails the rehearsal.
        var wrong = dir.Write("wrong.ps1", "param($ctx)\n'not-the-rollback-id'\n");
        using var other = new TempDir();
        var failed = RealPwsh.Example("examples/rollback-dry-run.ps1", DryRun(Config(other), "-ProbeScript", wrong));
        Assert.True(failed.Code == 1, failed.Out + failed.Err);
        Assert.Contains("ROLLBACK NOT READY:", failed.Out);
    }

    [Theory]
    [InlineData("examples/rollback-dry-run.ps1", "-ProbeScript")]
    [InlineData("examples/rollback-dry-run.ps1", "-WorkloadScript")]
    [InlineData("examples/release-evidence.ps1", "-ProbeScript")]
    public void AStringThatIsNotAPs1FileIsRefusedAndNeverRunAsCode(string script, string parameter)
    {
        using var dir = new TempDir();
        var marker = dir.File("evaluated.txt");
        var code = $"{{ Set-Content -LiteralPath '{marker}' -Value x; 'gpt-4o-2024-08-06' }}";
        var args = script.EndsWith("rollback-dry-run.ps1", System.StringComparison.Ordinal)
            ? DryRun(Config(dir), parameter, code)
            : new[] { "-LedgerPath", Repo.File("examples", "data", "ledger.json"), "-PreviousLedgerPath", Repo.File("examples", "data", "ledger-previous.json"),
                "-SnapshotPath", Repo.File("examples", "data", "models-snapshot.json"), "-Service", "support-router", "-ConfigPath", Config(dir),
                parameter, code, "-OutputPath", dir.File("evidence") };
        var run = RealPwsh.Example(script, args);
        Assert.True(run.Code == 2, run.Out + run.Err);
        Assert.Contains($"{parameter} takes a script block, or under pwsh -File the path of an existing .ps1 file", Regex.Replace(run.Err, @"\s+", " "));
        Assert.False(File.Exists(marker));
        Assert.All(run.Err.Replace("\r", "").Split('\n'), line => Assert.True(line.Length <= 80 || !line.Trim().Contains(' '), line));
    }

    [Fact]
    public void ReleaseEvidenceRehearsesWithAProbeGivenAsAPs1PathUnderFile()
    {
        using var dir = new TempDir();
        var probe = dir.Write("probe.ps1", "param($ctx)\n(Get-Content -Raw -LiteralPath $ctx.ConfigPath | ConvertFrom-Json).llm.chat.model\n");
        var (code, output, err) = RealPwsh.Example("examples/release-evidence.ps1", "-LedgerPath", Repo.File("examples", "data", "ledger.json"),
            "-PreviousLedgerPath", Repo.File("examples", "data", "ledger-previous.json"), "-SnapshotPath", Repo.File("examples", "data", "models-snapshot.json"),
            "-ConfigRoot", Repo.File("examples", "data", "release"), "-Service", "support-router", "-ConfigPath", Config(dir), "-ConfigKey", "llm.chat.model",
            "-ProbeScript", probe, "-ApprovedBy", "owner", "-AsOf", "2026-11-24T09:00:00Z", "-OutputPath", dir.File("evidence"));
        Assert.True(code is 0 or 1, output + err);
        Assert.DoesNotContain("Missing for support-router: I verified the rollback action", output);
        Assert.True(File.Exists(Path.Combine(dir.File("evidence"), "dryrun.json")), output + err);
        Assert.Contains("\"Passed\"", File.ReadAllText(Path.Combine(dir.File("evidence"), "dryrun.json")));
    }
}
