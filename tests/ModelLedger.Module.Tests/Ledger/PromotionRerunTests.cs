using System.IO;
using System.Linq;
using System.Management.Automation;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>Set-ModelLedgerEntry -Promote is safe to re-run: the rollback ID survives, never equals the current ID, and lastValidated is never claimed without a check.</summary>
public class PromotionRerunTests
{
    [Fact]
    public void PromotingTheCurrentIdAgainChangesNothingAndSaysSo()
    {
        using var dir = new TempDir();
        var ledger = Ledger(dir, Entry("svc", "m-old", "m-older"));
        var snapshot = Snapshot(dir, new[] { "m-new", "m-old", "m-older" });
        using var ps = new PowerShellHarness();
        var first = ps.Run("Set-ModelLedgerEntry $p svc -Promote m-new -SnapshotPath $s", new() { ["p"] = ledger, ["s"] = snapshot });
        Assert.Empty(first.AllErrors);
        var afterFirst = File.ReadAllBytes(ledger);

        var again = ps.Run("Set-ModelLedgerEntry $p svc -Promote m-new -SnapshotPath $s -PassThru", new() { ["p"] = ledger, ["s"] = snapshot });
        Assert.Empty(again.AllErrors);
        Assert.Contains("'m-new' is already the current model ID of service 'svc'; nothing was changed (the rollback ID stays 'm-old')", Assert.Single(again.Warnings).Message);
        Assert.Equal(afterFirst, File.ReadAllBytes(ledger));
        var entry = again.Output.Single();
        Assert.Equal("m-new", entry.Properties["CurrentModelId"].Value);
        Assert.Equal("m-old", entry.Properties["RollbackModelId"].Value);
    }

    [Fact]
    public void AnEditThatMakesTheRollbackIdTheCurrentIdIsRefusedAndWritesNothing()
    {
        using var dir = new TempDir();
        var ledger = Ledger(dir, Entry("svc", "m-cur", "m-rb"));
        var before = File.ReadAllBytes(ledger);
        using var ps = new PowerShellHarness();
        foreach (var edit in new[] { "Set-ModelLedgerEntry $p svc -RollbackModelId m-cur", "Set-ModelLedgerEntry $p svc -CurrentModelId m-rb -Force" })
        {
            var run = ps.Run(edit, new() { ["p"] = ledger });
            var error = ErrorAssert.Single(run, "LedgerEditConflict", ErrorCategory.InvalidArgument);
            Assert.Contains("a rollback to the same ID is no rollback", error.Exception.Message);
            Assert.Equal(before, File.ReadAllBytes(ledger));
        }
    }

    [Fact]
    public void APromotionWithoutAModelsListClearsLastValidatedAndWarnsWhileOneWithASnapshotStampsIt()
    {
        using var dir = new TempDir();
        var entry = Entry("svc", "m-old", "m-older");
        entry["lastValidated"] = "2026-01-01T00:00:00Z";
        var unchecked_ = Ledger(dir, entry);
        var checked_ = Ledger(dir, entry);
        var snapshot = Snapshot(dir, new[] { "m-new", "m-old" });
        using var ps = new PowerShellHarness();

        var blind = ps.Run("Set-ModelLedgerEntry $p svc -Promote totally-made-up-model -AsOf 2026-06-02 -PassThru", new() { ["p"] = unchecked_ });
        Assert.Empty(blind.AllErrors);
        Assert.Null(blind.Output.Single().Properties["LastValidated"].Value);
        Assert.DoesNotContain("2026-01-01", File.ReadAllText(unchecked_));
        Assert.Contains("lastValidated of service 'svc' is cleared, not stamped", Assert.Single(blind.Warnings).Message);

        var seen = ps.Run("Set-ModelLedgerEntry $p svc -Promote m-new -SnapshotPath $s -AsOf 2026-06-02T10:00:00Z -PassThru", new() { ["p"] = checked_, ["s"] = snapshot });
        Assert.Empty(seen.AllErrors);
        Assert.Empty(seen.Warnings);
        Assert.Contains("\"lastValidated\":\"2026-06-02T10:00:00Z\"", File.ReadAllText(checked_).Replace(" ", ""));
    }
}
