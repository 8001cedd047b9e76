using System.IO;

namespace ModelLedger.Module.Tests;

/// <summary>The evidence checklist's "exact model ID strings" line, proved by a gate run that read the release's files.</summary>
public class EvidenceConfigRootTests
{
    [Fact]
    public void AGateRunWithConfigRootProvesExactStringsNamingFilesAndLines()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run(
            "Test-ModelLedger $ledger -SnapshotPath $snapshot -AsOf '2026-11-24T09:00:00Z' -ConfigRoot $root | " +
            "Export-RollbackEvidence -Path $out -LedgerPath $ledger -PreviousLedgerPath $previous -SnapshotPath $snapshot -ApprovedBy 'j.doe' -ApprovedAt '2026-11-24T10:15:00Z'",
            new()
            {
                ["ledger"] = Repo.File("examples", "data", "ledger.json"), ["previous"] = Repo.File("examples", "data", "ledger-previous.json"),
                ["snapshot"] = Repo.File("examples", "data", "models-snapshot.json"), ["root"] = Repo.File("examples", "data", "release"), ["out"] = dir.File("CHG-1042"),
            });
        Assert.Empty(run.AllErrors);
        var summary = File.ReadAllText(Path.Combine(dir.File("CHG-1042"), "summary.md"));
        var line = Assert.Single(summary.Split('\n'), l => l.StartsWith("| I confirmed the application config uses exact model ID strings.", System.StringComparison.Ordinal));
        Assert.Contains("| Proved |", line);
        Assert.Contains("a gate run with -ConfigRoot read the release's config files", line);
        Assert.Contains("support-router: services/support-router/appsettings.json line 12, deploy/charts/support-router/values.yaml line 17", line);
    }

    [Fact]
    public void ABrokenRefMakesTheLineFailedWithTheFindingsMessage()
    {
        using var dir = new TempDir();
        var root = ReleaseTree.Copy(dir);
        ReleaseTree.Edit(root, "services/support-router/appsettings.json", "\"Model\": \"gpt-5.4-mini-2026-03-17\"", "\"Model\": \"GPT-5.4-mini-2026-03-17\"");
        using var ps = new PowerShellHarness();
        var run = ps.Run(
            "Test-ModelLedger $ledger -SnapshotPath $snapshot -AsOf '2026-11-24T09:00:00Z' -ConfigRoot $root | " +
            "Export-RollbackEvidence -Path $out -LedgerPath $ledger -PreviousLedgerPath $previous -SnapshotPath $snapshot",
            new()
            {
                ["ledger"] = Repo.File("examples", "data", "ledger.json"), ["previous"] = Repo.File("examples", "data", "ledger-previous.json"),
                ["snapshot"] = Repo.File("examples", "data", "models-snapshot.json"), ["root"] = root, ["out"] = dir.File("CHG-1042"),
            });
        Assert.Empty(run.AllErrors);
        var summary = File.ReadAllText(Path.Combine(dir.File("CHG-1042"), "summary.md"));
        var line = Assert.Single(summary.Split('\n'), l => l.StartsWith("| I confirmed the application config uses exact model ID strings.", System.StringComparison.Ordinal));
        Assert.Contains("| Failed |", line);
        Assert.Contains("GPT-5.4-mini-2026-03-17", line);
    }
}
