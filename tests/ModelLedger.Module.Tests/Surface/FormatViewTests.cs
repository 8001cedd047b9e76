using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests;

/// <summary>Default views never cut a model ID: two IDs that differ only in their last characters stay distinguishable.</summary>
public class FormatViewTests
{
    private static readonly string LongId = "vendor/very-long-fine-tuned-model-name-for-the-support-router-intent-classifier-trained-2026-11-20-" + new string('x', 20) + "-v2";

    [Fact]
    public void LedgerAndFindingTablesShowA120CharacterIdWhole()
    {
        Assert.True(LongId.Length >= 120);
        using var dir = new TempDir();
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("svc", LongId, LongId + "-rollback"));
        var snapshot = GateFiles.Snapshot(dir, new[] { LongId });
        using var ps = new PowerShellHarness(width: 120);
        foreach (var script in new[] { "Get-ModelLedger $l", "Test-ModelLedger $l -SnapshotPath $s -Check CurrentModelAvailable, RollbackModelAvailable" })
        {
            var text = ps.Render(script, new() { ["l"] = ledger, ["s"] = snapshot }).HostText;
            // Wrapped cells continue on the next lines; joining the cell text back must give the whole ID.
            var flat = Regex.Replace(text, @"\s+", "");
            Assert.Contains(LongId.Replace(" ", ""), flat);
            Assert.DoesNotContain("\u2026", text);
        }
    }

    [Fact]
    public void FormatTableOfFindingsShowsHostileTextAsTextAndTheWholeId()
    {
        using var dir = new TempDir();
        const string service = "svc-ansi\u001b[2J\u001b[32mPASS";
        const string id = "gpt-4o\u001b]0;title\u0007";
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry(service, id, "m0"));
        var snapshot = GateFiles.Snapshot(dir, new[] { id, LongId });
        // Format-Table is not in the hosted engine's core cmdlets: real pwsh, output redirected as in a CI log.
        var run = RealPwsh.RunCommand($"Test-ModelLedger '{ledger}' -SnapshotPath '{snapshot}' -Check CurrentModelAvailable | Format-Table | Out-String -Width 80");
        Assert.True(run.Code == 0, run.ToString());
        var text = run.Out;
        Assert.False(text.Contains('\u001b', System.StringComparison.Ordinal), text);
        Assert.False(text.Contains('\u0007', System.StringComparison.Ordinal), text);
        Assert.Contains("CurrentModelAvailable", text);
        Assert.Contains(@"svc-ansi\u001B[2J", Regex.Replace(text, @"\s+", ""));
    }
}
