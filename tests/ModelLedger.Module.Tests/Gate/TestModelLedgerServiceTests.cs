using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Module.Tests;

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

    // Issue 22 item 2: 'router[eu]' is a ledger service, and as a wildcard it would match 'routere' instead.
    private static (string Ledger, string Snapshot) Brackets(TempDir dir) => (
        GateFiles.Ledger(dir, GateFiles.Entry("router[eu]", "m-current", "missing-rollback"), GateFiles.Entry("routere", "m-current", "m-rollback")),
        GateFiles.Snapshot(dir, new[] { "m-current", "m-rollback" }));

    [Fact]
    public void ANameEqualToALedgerServiceSelectsExactlyThatServiceNotWhatItMatchesAsAPattern()
    {
        using var dir = new TempDir();
        var (ledger, snapshot) = Brackets(dir);
        using var ps = new PowerShellHarness();
        var vars = new System.Collections.Generic.Dictionary<string, object?> { ["l"] = ledger, ["s"] = snapshot };
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service 'router[eu]'", vars);
        Assert.Empty(run.AllErrors);
        Assert.Equal(new[] { "(snapshot)", "router[eu]" }, run.Output.Select(f => (string?)f.Properties["Service"].Value).Distinct());
        // router[eu]'s rollback is missing: the exact service is the one gated, so -Quiet says no.
        Assert.Equal(false, ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service 'ROUTER[EU]' -Quiet", vars).Output.Single().BaseObject);
        // Piped entries stream, but a name that could be a pattern waits for every service first.
        var piped = ps.Run("Get-ModelLedger $l | Test-ModelLedger -SnapshotPath $s -Service 'router[eu]'", vars);
        Assert.Equal(new[] { "(snapshot)", "router[eu]" }, piped.Output.Select(f => (string?)f.Properties["Service"].Value).Distinct());
        Assert.Equal(new[] { "router[eu]" }, ps.Run("Get-ModelLedger $l -Service 'router[eu]' | ForEach-Object Service", vars).Output.Select(o => o.ToString()));
        // Not a service name: a wildcard as before.
        Assert.Equal(new[] { "routere" }, ps.Run("Get-ModelLedger $l -Service 'router[ex]' | ForEach-Object Service", vars).Output.Select(o => o.ToString()));
    }

    [Fact]
    public void AnInvalidPatternIsServicePatternInvalidAndFailsTheGate()
    {
        using var dir = new TempDir();
        var (ledger, snapshot) = Files(dir);
        using var ps = new PowerShellHarness();
        var vars = new System.Collections.Generic.Dictionary<string, object?> { ["l"] = ledger, ["s"] = snapshot };
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service 'support-router', 'svc[' -Quiet", vars);
        var error = ErrorAssert.Single(run, "ServicePatternInvalid", ErrorCategory.InvalidArgument);
        Assert.Equal("svc[", error.TargetObject);
        Assert.Contains("-Service 'svc[' is not a valid wildcard pattern", error.Exception.Message);
        Assert.Equal(false, run.Output.Single().BaseObject);
        var get = ps.Run("Get-ModelLedger $l -Service 'svc['", vars);
        ErrorAssert.Single(get, "ServicePatternInvalid", ErrorCategory.InvalidArgument);
        Assert.Empty(get.Output);
    }

    [Fact]
    public void AnInvalidPatternThatIsALedgerServiceSelectsIt()
    {
        using var dir = new TempDir();
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("svc[", "m-current", "m-rollback"), GateFiles.Entry("other", "m-current", "missing"));
        var snapshot = GateFiles.Snapshot(dir, new[] { "m-current", "m-rollback" });
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service 'svc[' -Quiet", new() { ["l"] = ledger, ["s"] = snapshot });
        Assert.Empty(run.AllErrors);
        Assert.Equal(true, run.Output.Single().BaseObject);
    }

    [Fact]
    public void APatternThatSelectsNothingFailsTheGateAndSaysWhy()
    {
        using var dir = new TempDir();
        var (ledger, snapshot) = Files(dir);
        using var ps = new PowerShellHarness();
        var vars = new System.Collections.Generic.Dictionary<string, object?> { ["l"] = ledger, ["s"] = snapshot };
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service 'billing-*' -Quiet", vars);
        Assert.Equal(false, run.Output.Single().BaseObject);
        Assert.Contains("No ledger service matches the pattern 'billing-*'", ErrorAssert.Single(run, "LedgerServiceNotFound", ErrorCategory.ObjectNotFound).Exception.Message);
        // A pattern that selects nothing beside one that selects something still fails: a service would ship ungated.
        var partly = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Service support-router, 'billing-*' -Quiet", vars);
        ErrorAssert.Single(partly, "LedgerServiceNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal(false, partly.Output.Single().BaseObject);
    }

    [Fact]
    public void AnEmptyLedgerIsNoEntriesGatedAndNeverTrue()
    {
        using var dir = new TempDir();
        var ledger = GateFiles.Ledger(dir);
        var snapshot = GateFiles.Snapshot(dir, new[] { "m-current" });
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Quiet", new() { ["l"] = ledger, ["s"] = snapshot });
        Assert.Contains("the ledger has no entries", ErrorAssert.Single(run, "NoEntriesGated", ErrorCategory.ObjectNotFound).Exception.Message);
        Assert.Equal(false, run.Output.Single().BaseObject);
        var piped = ps.Run("@() | Test-ModelLedger -SnapshotPath $s -Quiet", new() { ["s"] = snapshot });
        Assert.Contains("no ledger entry was piped in", ErrorAssert.Single(piped, "NoEntriesGated", ErrorCategory.ObjectNotFound).Exception.Message);
        Assert.Equal(false, piped.Output.Single().BaseObject);
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
