using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests
{
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
    }
}
