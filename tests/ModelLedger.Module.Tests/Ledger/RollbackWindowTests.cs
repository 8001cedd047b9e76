using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>The rollback window in the gate (Test-ModelLedger -BaselineLedgerPath) and in the drift check (Compare-CometModelSnapshot).</summary>
public class RollbackWindowTests
{
    private static Dictionary<string, object?> WithWindow(Dictionary<string, object?> entry, string until)
    {
        entry["rollbackUntil"] = until;
        return entry;
    }

    [Fact]
    public void TheGateFailsAReleaseThatReplacesARollbackIdInsideItsWindow()
    {
        using var dir = new TempDir();
        var baseline = Ledger(dir, WithWindow(Entry("svc", "m2", "m1"), "2026-06-01T00:00:00Z"), WithWindow(Entry("gone", "g2", "g1"), "2026-06-01T00:00:00Z"), Entry("calm", "c2", "c1"));
        var release = Ledger(dir, Entry("svc", "m3", "m2"), Entry("calm", "c3", "c2"));
        var snapshot = Snapshot(dir, new[] { "m1", "m2", "m3", "c1", "c2", "c3", "g1" }, DateTimeOffset.Parse("2026-05-20T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $l $s -BaselineLedgerPath $b -AsOf 2026-05-20 -Check RollbackWindowOpen", new() { ["l"] = release, ["s"] = snapshot, ["b"] = baseline });
        Assert.Empty(run.AllErrors);
        var findings = run.Output.Select(o => (Service: (string)o.Properties["Service"].Value!, Status: o.Properties["Status"].Value!.ToString(), Id: (string?)o.Properties["ModelId"].Value)).ToList();
        Assert.Contains(("svc", "Fail", "m1"), findings);
        Assert.Contains(("gone", "Fail", "g1"), findings);
        Assert.Contains(("calm", "Pass", "c2"), findings);

        var after = ps.Run("Test-ModelLedger $l $s -BaselineLedgerPath $b -AsOf 2026-06-02 -Check RollbackWindowOpen -MaxSnapshotAge 30.00:00:00", new() { ["l"] = release, ["s"] = snapshot, ["b"] = baseline });
        Assert.All(after.Output, o => Assert.Equal("Pass", o.Properties["Status"].Value!.ToString()));
    }

    [Fact]
    public void KeepingTheRollbackIdPassesAndAMissingBaselineIsLedgerNotFound()
    {
        using var dir = new TempDir();
        var baseline = Ledger(dir, WithWindow(Entry("svc", "m2", "m1"), "2026-06-01T00:00:00Z"));
        var release = Ledger(dir, WithWindow(Entry("svc", "m2", "m1", emergency: "e"), "2026-06-01T00:00:00Z"));
        var snapshot = Snapshot(dir, new[] { "m1", "m2" });
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $l $s -BaselineLedgerPath $b -AsOf 2026-05-20 -Check RollbackWindowOpen", new() { ["l"] = release, ["s"] = snapshot, ["b"] = baseline });
        Assert.Equal("Pass", run.Output.Single().Properties["Status"].Value!.ToString());
        var missing = ps.Run("Test-ModelLedger $l $s -BaselineLedgerPath $b", new() { ["l"] = release, ["s"] = snapshot, ["b"] = dir.File("nope.json") });
        ErrorAssert.Single(missing, "LedgerNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void TheDriftCheckMarksARollbackIdInsideItsWindow()
    {
        using var dir = new TempDir();
        var ledger = Ledger(dir, WithWindow(Entry("svc", "m2", "m1"), "2026-06-01T00:00:00Z"));
        var a = Snapshot(dir, new[] { "m1", "m2" });
        var b = Snapshot(dir, new[] { "m2" });
        using var ps = new PowerShellHarness();
        var inside = ps.Run("Compare-CometModelSnapshot $a $b $l -AsOf 2026-05-20", new() { ["a"] = a, ["b"] = b, ["l"] = ledger }).Output.Single();
        Assert.True((bool)inside.Properties["AtRisk"].Value!);
        Assert.Equal("svc rollback (window open until 2026-06-01T00:00:00Z)", inside.Properties["ApprovedAs"].Value);
        Assert.Equal(DateTimeOffset.Parse("2026-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), inside.Properties["RollbackWindowUntil"].Value);
        var outside = ps.Run("Compare-CometModelSnapshot $a $b $l -AsOf 2026-06-02", new() { ["a"] = a, ["b"] = b, ["l"] = ledger }).Output.Single();
        Assert.Equal("svc rollback", outside.Properties["ApprovedAs"].Value);
        Assert.Null(outside.Properties["RollbackWindowUntil"].Value);
    }
}
