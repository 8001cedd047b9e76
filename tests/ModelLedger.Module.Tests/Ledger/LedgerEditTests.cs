using System.IO;
using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Module.Tests;

/// <summary>Add-, Set- and Remove-ModelLedgerEntry in the hosted engine: what they write, what they refuse, and how they say it.</summary>
public class LedgerEditTests
{
    internal const string Commented = "// Reviewed ledger: changes go through CHG tickets.\n{\n  \"schemaVersion\": 1,\n  \"entries\": [\n" +
        "    {\n      \"service\": \"support-router\",   // the router\n      \"currentModelId\": \"gpt-4o-2024-08-06\",\n" +
        "      \"rollbackModelId\": \"gpt-4o-2024-05-13\",\n      \"owner\": \"platform-ai\",\n      \"rollbackUntil\": \"2026-06-01T00:00:00Z\"\n    }\n  ]\n}\n";

    private static readonly string[] Models = { "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-5.4-mini-2026-03-17", "gpt-5.4-mini" };

    [Fact]
    public void AddCreatesTheLedgerAndPassThruReturnsTheEntry()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var path = dir.File("sub/ledger.json");
        var run = ps.Run("Add-ModelLedgerEntry -Path $p -Service svc -CurrentModelId m1 -Owner team -ConfigRefs 'a.json#x','b.env#M' -PassThru", new() { ["p"] = path });
        Assert.Empty(run.AllErrors);
        Assert.Equal("svc", run.Output.Single().Properties["Service"].Value);
        Assert.Equal("{\n  \"schemaVersion\": 1,\n  \"entries\": [\n    {\n      \"service\": \"svc\",\n      \"currentModelId\": \"m1\",\n      \"owner\": \"team\",\n      \"configRefs\": [\"a.json#x\", \"b.env#M\"]\n    }\n  ]\n}\n", File.ReadAllText(path));
        var again = ps.Run("Get-ModelLedger $p | Add-ModelLedgerEntry -Path $p", new() { ["p"] = path });
        var error = ErrorAssert.Single(again, "LedgerEntryExists", ErrorCategory.ResourceExists);
        Assert.Equal("svc", error.TargetObject);
    }

    [Fact]
    public void AddTakesLedgerEntriesFromThePipelineIntoACsvLedger()
    {
        using var dir = new TempDir();
        var source = dir.Write("l.json", Commented);
        var csv = dir.File("l.csv");
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger $s | Add-ModelLedgerEntry -Path $c; Get-ModelLedger $c", new() { ["s"] = source, ["c"] = csv });
        Assert.Empty(run.AllErrors);
        Assert.Equal("gpt-4o-2024-05-13", run.Output.Single().Properties["RollbackModelId"].Value);
        Assert.Equal(string.Join(",", new[] { "service", "useCase", "currentModelId", "rollbackModelId", "emergencyAlternative", "owner", "rollbackOwner", "lastValidated", "validationMethod", "changeRef", "notes", "configRefs", "rollbackUntil" })
            + "\nsupport-router,,gpt-4o-2024-08-06,gpt-4o-2024-05-13,,platform-ai,,,,,,,2026-06-01T00:00:00Z\n", File.ReadAllText(csv));
    }

    [Fact]
    public void PromoteAfterTheWindowChangesOnlyTheValuesBytes()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.json", Commented);
        var snapshot = GateFiles.Snapshot(dir, Models);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Set-ModelLedgerEntry $p support-router -Promote gpt-5.4-mini-2026-03-17 -SnapshotPath $s -LastValidated 2026-06-02T10:00:00Z -ValidationMethod 'snapshot + dry run' -ChangeRef CHG-2001 -AsOf 2026-06-02 -PassThru",
            new() { ["p"] = path, ["s"] = snapshot });
        Assert.Empty(run.AllErrors);
        Assert.Equal("gpt-4o-2024-08-06", run.Output.Single().Properties["RollbackModelId"].Value);
        var expected = Commented
            .Replace("\"currentModelId\": \"gpt-4o-2024-08-06\"", "\"currentModelId\": \"gpt-5.4-mini-2026-03-17\"")
            .Replace("\"rollbackModelId\": \"gpt-4o-2024-05-13\"", "\"rollbackModelId\": \"gpt-4o-2024-08-06\"")
            .Replace("\"rollbackUntil\": \"2026-06-01T00:00:00Z\"\n", "\"rollbackUntil\": null,\n      \"lastValidated\": \"2026-06-02T10:00:00Z\",\n      \"validationMethod\": \"snapshot + dry run\",\n      \"changeRef\": \"CHG-2001\"\n");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void PromoteInsideTheWindowIsRefusedUnlessForced()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.json", Commented);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Set-ModelLedgerEntry $p support-router -Promote gpt-5.4-mini-2026-03-17 -AsOf 2026-05-20", new() { ["p"] = path });
        var error = ErrorAssert.Single(run, "RollbackWindowOpen", ErrorCategory.InvalidOperation);
        Assert.Contains("'gpt-4o-2024-05-13'", error.Exception.Message);
        Assert.Contains("2026-06-01T00:00:00Z", error.Exception.Message);
        Assert.Equal(Commented, File.ReadAllText(path));

        var setRollback = ps.Run("Set-ModelLedgerEntry $p support-router -RollbackModelId other -AsOf 2026-05-20", new() { ["p"] = path });
        ErrorAssert.Single(setRollback, "RollbackWindowOpen", ErrorCategory.InvalidOperation);

        var forced = ps.Run("Set-ModelLedgerEntry $p support-router -Promote gpt-5.4-mini-2026-03-17 -AsOf 2026-05-20 -Force", new() { ["p"] = path });
        Assert.Empty(forced.AllErrors);
        Assert.Contains("\"currentModelId\": \"gpt-5.4-mini-2026-03-17\"", File.ReadAllText(path));
    }

    [Fact]
    public void AnIdNotInTheSnapshotIsRefusedWithItsNearMiss()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.json", Commented);
        var snapshot = GateFiles.Snapshot(dir, Models);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Set-ModelLedgerEntry $p support-router -Promote GPT-5.4-mini-2026-03-17 -SnapshotPath $s -AsOf 2026-07-01", new() { ["p"] = path, ["s"] = snapshot });
        var error = ErrorAssert.Single(run, "ModelIdNotInSnapshot", ErrorCategory.InvalidArgument);
        Assert.Contains("'gpt-5.4-mini-2026-03-17'", error.Exception.Message);
        Assert.Equal(Commented, File.ReadAllText(path));
        var add = ps.Run("Add-ModelLedgerEntry $p other -CurrentModelId nope -Model (Get-CometModel -SnapshotPath $s)", new() { ["p"] = path, ["s"] = snapshot });
        ErrorAssert.Single(add, "ModelIdNotInSnapshot", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void WhatIfListsEachFieldFromToAndWritesNothing()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.json", Commented);
        using var ps = new PowerShellHarness();
        var run = ps.Render("Set-ModelLedgerEntry $p support-router -Promote gpt-5.4-mini -AsOf 2026-07-01 -Notes \"two`nlines ##vso[task.complete]\" -WhatIf", new() { ["p"] = path });
        Assert.Empty(run.AllErrors);
        Assert.Contains("currentModelId 'gpt-4o-2024-08-06' -> 'gpt-5.4-mini'", run.HostText);
        Assert.Contains("rollbackModelId 'gpt-4o-2024-05-13' -> 'gpt-4o-2024-08-06'", run.HostText);
        Assert.Contains("rollbackUntil '2026-06-01T00:00:00Z' -> (none)", run.HostText);
        Assert.Contains("notes (none) -> 'two\\nlines #\\u0023vso[task.complete]'", run.HostText);
        Assert.DoesNotContain("\n##vso", run.HostText);
        Assert.Equal(Commented, File.ReadAllText(path));
    }

    [Fact]
    public void RemoveHasHighConfirmImpactAndRespectsTheWindow()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.json", Commented);
        using var ps = new PowerShellHarness();
        var impact = ps.Run("(Get-Command Remove-ModelLedgerEntry).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact");
        Assert.Equal(ConfirmImpact.High, (ConfirmImpact)impact.Output.Single().BaseObject);
        var refused = ps.Run("Remove-ModelLedgerEntry $p support-router -AsOf 2026-05-01 -Confirm:$false", new() { ["p"] = path });
        ErrorAssert.Single(refused, "RollbackWindowOpen", ErrorCategory.InvalidOperation);
        var missing = ps.Run("Remove-ModelLedgerEntry $p nobody -Confirm:$false", new() { ["p"] = path });
        ErrorAssert.Single(missing, "LedgerEntryNotFound", ErrorCategory.ObjectNotFound);
        var removed = ps.Run("Remove-ModelLedgerEntry $p support-router -AsOf 2026-07-01 -Confirm:$false; @(Get-ModelLedger $p).Count", new() { ["p"] = path });
        Assert.Empty(removed.AllErrors);
        Assert.Equal(0, (int)removed.Output.Single().BaseObject);
    }

    [Fact]
    public void AHeldLockIsLedgerLockedAfterTheBoundedWait()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.json", Commented);
        using var held = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Set-ModelLedgerEntry $p support-router -Owner other -LockWaitSec 1", new() { ["p"] = path });
        var error = ErrorAssert.Single(run, "LedgerLocked", ErrorCategory.ResourceBusy);
        Assert.Contains("nothing was written", error.Exception.Message);
        Assert.Equal(Commented, File.ReadAllText(path));
    }

    [Fact]
    public void SetOfAMissingServiceOrLedgerSaysSo()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.json", Commented);
        using var ps = new PowerShellHarness();
        ErrorAssert.Single(ps.Run("Set-ModelLedgerEntry $p nobody -Owner x", new() { ["p"] = path }), "LedgerEntryNotFound", ErrorCategory.ObjectNotFound);
        ErrorAssert.Single(ps.Run("Set-ModelLedgerEntry $p support-router -Owner x", new() { ["p"] = dir.File("none.json") }), "LedgerNotFound", ErrorCategory.ObjectNotFound);
        ErrorAssert.Single(ps.Run("Set-ModelLedgerEntry $p support-router -Promote x -CurrentModelId y -AsOf 2026-07-01", new() { ["p"] = path }), "LedgerEditConflict", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void PipingAnEntryBindsItsLedgerAndService()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.json", Commented);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger $p | Set-ModelLedgerEntry -Promote gpt-5.4-mini -AsOf 2026-07-01 -PassThru", new() { ["p"] = path });
        Assert.Empty(run.AllErrors);
        Assert.Equal("gpt-5.4-mini", run.Output.Single().Properties["CurrentModelId"].Value);
        Assert.Equal("gpt-4o-2024-08-06", run.Output.Single().Properties["RollbackModelId"].Value);
    }

    [Fact]
    public void CsvEditsKeepColumnsAndOrder()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.csv", "owner,service,currentModelId,rollbackModelId\r\nteam,a,m1,m0\r\nteam,b,n1,n0\r\n");
        using var ps = new PowerShellHarness();
        var run = ps.Run("Set-ModelLedgerEntry $p b -Promote n2; Remove-ModelLedgerEntry $p a -Confirm:$false", new() { ["p"] = path });
        Assert.Empty(run.AllErrors);
        var text = File.ReadAllText(path);
        // No models list checked n2, so lastValidated is not stamped and no column is added for it.
        Assert.StartsWith("owner,service,currentModelId,rollbackModelId\r\nteam,b,n2,n1\r\n", text);
        Assert.Equal(2, text.Split("\r\n").Length - 1);
    }

    [Fact]
    public void ASingleExportedEntryIsNotEditedInPlaceAndTwoModelListsConflict()
    {
        using var dir = new TempDir();
        var single = dir.Write("one.json", "{ \"Service\": \"a\", \"CurrentModelId\": \"m\" }");
        using var ps = new PowerShellHarness();
        var run = ps.Run("Set-ModelLedgerEntry $p a -Owner x", new() { ["p"] = single });
        var error = ErrorAssert.Single(run, "LedgerWriteFailed", ErrorCategory.InvalidOperation);
        Assert.Contains("single entry object", error.Exception.Message);
        var snapshot = GateFiles.Snapshot(dir, Models);
        var both = ps.Run("Add-ModelLedgerEntry $p b -SnapshotPath $s -Model (Get-CometModel -SnapshotPath $s)", new() { ["p"] = dir.File("new.json"), ["s"] = snapshot });
        ErrorAssert.Single(both, "LedgerEditConflict", ErrorCategory.InvalidArgument);
        Assert.False(File.Exists(dir.File("new.json")));
    }

    [Fact]
    public void RemoveWhatIfNamesTheEntryAndKeepsTheFile()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.json", Commented);
        using var ps = new PowerShellHarness();
        var run = ps.Render("Remove-ModelLedgerEntry $p support-router -AsOf 2026-07-01 -WhatIf", new() { ["p"] = path });
        Assert.Empty(run.AllErrors);
        Assert.Contains("Remove ledger entry (currentModelId 'gpt-4o-2024-08-06', rollbackModelId 'gpt-4o-2024-05-13')", run.HostText);
        Assert.Equal(Commented, File.ReadAllText(path));
    }
}
