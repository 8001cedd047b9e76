using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Module.Tests
{
    /// <summary>Test-ModelLedger -Service: gate some services of a ledger, and never pass a service the ledger lacks.</summary>
    public class TestModelLedgerServiceTests
    {
        private static (string Ledger, string Snapshot) Files(TempDir dir) => (
            GateFiles.Ledger(dir, GateFiles.Entry("support-router", "m-current", "m-rollback"), GateFiles.Entry("report-writer", "m-current", "missing-rollback"),
                GateFiles.Entry("report-archiver", "m-current", "m-rollback")),
            GateFiles.Snapshot(dir, new[] { "m-current", "m-rollback" }));

        [Fact]
        public void GatesOnlyTheNamedServicesWithWildcardsCaseInsensitively()
        {
            using var dir = new TempDir();
            var (ledger, snapshot) = Files(dir);
            using var ps = new PowerShellHarness();
            var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service 'REPORT-*'", new() { ["l"] = ledger, ["s"] = snapshot });
            Assert.Empty(run.AllErrors);
            var services = run.Output.Select(f => (string?)f.Properties["Service"].Value).Distinct().ToList();
            Assert.Equal(new[] { "(snapshot)", "report-writer", "report-archiver" }, services);
        }

        [Fact]
        public void QuietIsTrueWhenTheNamedServicePassesEvenIfAnotherWouldFail()
        {
            using var dir = new TempDir();
            var (ledger, snapshot) = Files(dir);
            using var ps = new PowerShellHarness();
            Assert.Equal(true, ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service support-router -Quiet", new() { ["l"] = ledger, ["s"] = snapshot }).Output.Single().BaseObject);
            Assert.Equal(false, ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service report-writer -Quiet", new() { ["l"] = ledger, ["s"] = snapshot }).Output.Single().BaseObject);
        }

        [Fact]
        public void AServiceTheLedgerLacksIsAnErrorAndFailsTheGate()
        {
            using var dir = new TempDir();
            var (ledger, snapshot) = Files(dir);
            using var ps = new PowerShellHarness();
            var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service support-routr -Quiet", new() { ["l"] = ledger, ["s"] = snapshot });
            var error = ErrorAssert.Single(run, "LedgerServiceNotFound", ErrorCategory.ObjectNotFound);
            Assert.Equal("support-routr", error.TargetObject);
            Assert.Contains("No ledger entry for service 'support-routr'", error.Exception.Message);
            Assert.Equal(false, run.Output.Single().BaseObject);
        }

        [Fact]
        public void PipedEntriesAreFilteredToo()
        {
            using var dir = new TempDir();
            var (ledger, snapshot) = Files(dir);
            using var ps = new PowerShellHarness();
            var run = ps.Run("Get-ModelLedger $l | Test-ModelLedger -SnapshotPath $s -Service support-router", new() { ["l"] = ledger, ["s"] = snapshot });
            Assert.Empty(run.AllErrors);
            Assert.Equal(new[] { "(snapshot)", "support-router" }, run.Output.Select(f => (string?)f.Properties["Service"].Value).Distinct());
        }

        [Fact]
        public void ServiceCompletesFromTheLedgerOnTheLine()
        {
            using var dir = new TempDir();
            var (ledger, _) = Files(dir);
            using var ps = new PowerShellHarness();
            var line = $"Test-ModelLedger -Path '{ledger}' -SnapshotPath x.json -Service rep";
            var matches = ps.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText", new() { ["line"] = line })
                .Output.Select(o => o.ToString()).ToList();
            Assert.Equal(new[] { "report-archiver", "report-writer" }, matches);
        }
    }
}
