using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Every input path parameter goes through ModelLedgerCmdlet.ResolveInputPath(s): a missing path is the input's own
/// not-found ID (ObjectNotFound), a wildcard matching two items is that ID naming both (InvalidArgument), and a
/// path on a non-FileSystem drive is refused with that ID. Output paths refuse other drives too.
/// </summary>
public class InputPathTests
{
    // $P is the path under test; $L, $S a valid ledger and snapshot; $D the example data; $T a scratch folder.
    public static IEnumerable<object[]> Inputs() => new[]
    {
        // name, script, not-found ID, names a folder, takes many paths
        new object[] { "Get-ModelLedger -Path", "Get-ModelLedger -Path $P", "LedgerNotFound", false, true },
        new object[] { "Get-ModelLedger -LiteralPath", "Get-ModelLedger -LiteralPath $P", "LedgerNotFound", false, true },
        new object[] { "Test-ModelLedger -Path", "Test-ModelLedger -Path $P -SnapshotPath $S", "LedgerNotFound", false, false },
        new object[] { "Test-ModelLedger -SnapshotPath", "Test-ModelLedger -Path $L -SnapshotPath $P", "SnapshotNotFound", false, false },
        new object[] { "Test-ModelLedger -BaselineLedgerPath", "Test-ModelLedger $L $S -BaselineLedgerPath $P", "LedgerNotFound", false, false },
        new object[] { "Test-ModelLedger -ConfigRoot", "Test-ModelLedger $L $S -ConfigRoot $P", "ConfigRootNotFound", true, false },
        new object[] { "Test-ModelLedger -BaselineConfigRoot", "Test-ModelLedger $L $S -ConfigRoot $D/release -BaselineConfigRoot $P", "ConfigRootNotFound", true, false },
        new object[] { "Compare-CometModelSnapshot -ReferencePath", "Compare-CometModelSnapshot $P $S", "SnapshotNotFound", false, false },
        new object[] { "Compare-CometModelSnapshot -DifferencePath", "Compare-CometModelSnapshot $S $P", "SnapshotNotFound", false, false },
        new object[] { "Compare-CometModelSnapshot -LedgerPath", "Compare-CometModelSnapshot $S $S $P", "LedgerNotFound", false, false },
        new object[] { "Get-CometModel -SnapshotPath", "Get-CometModel -SnapshotPath $P", "SnapshotNotFound", false, false },
        new object[] { "Test-RollbackEvidence -Path", "Test-RollbackEvidence -Path $P", "EvidenceNotFound", true, false },
        new object[] { "Invoke-RollbackDryRun -ConfigPath", "Invoke-RollbackDryRun -Service s -LedgerPath $L -ConfigPath $P -ProbeScript { }", "DryRunConfigNotFound", false, false },
        new object[] { "Invoke-RollbackDryRun -LedgerPath", "Invoke-RollbackDryRun -Service s -LedgerPath $P -ConfigPath $T/config.json -ProbeScript { }", "LedgerNotFound", false, false },
        new object[] { "Export-RollbackEvidence -LedgerPath", "Export-RollbackEvidence -Path $T/out -LedgerPath $P", "LedgerNotFound", false, false },
        new object[] { "Export-RollbackEvidence -PreviousLedgerPath", "Export-RollbackEvidence -Path $T/out -LedgerPath $L -PreviousLedgerPath $P", "LedgerNotFound", false, false },
        new object[] { "Export-RollbackEvidence -SnapshotPath", "Export-RollbackEvidence -Path $T/out -LedgerPath $L -SnapshotPath $P", "SnapshotNotFound", false, false },
        new object[] { "Find-ModelReference -Path", "Find-ModelReference -Path $P -SnapshotPath $S", "ScanPathNotFound", false, true },
        new object[] { "Find-ModelReference -SnapshotPath", "Find-ModelReference -Path $D/repo -SnapshotPath $P", "SnapshotNotFound", false, false },
        new object[] { "Find-ModelReference -LedgerPath", "Find-ModelReference -Path $D/repo -SnapshotPath $S -LedgerPath $P", "LedgerNotFound", false, false },
        new object[] { "Set-ModelLedgerEntry -Path", "Set-ModelLedgerEntry -Path $P -Service s -Notes n", "LedgerNotFound", false, false },
        new object[] { "Set-ModelLedgerEntry -SnapshotPath", "Set-ModelLedgerEntry -Path $L -Service s -Notes n -SnapshotPath $P -WhatIf", "SnapshotNotFound", false, false },
        new object[] { "Add-ModelLedgerEntry -SnapshotPath", "Add-ModelLedgerEntry -Path $T/new.json -Service s -SnapshotPath $P -WhatIf", "SnapshotNotFound", false, false },
        new object[] { "Remove-ModelLedgerEntry -Path", "Remove-ModelLedgerEntry -Path $P -Service s -Confirm:$false", "LedgerNotFound", false, false },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void MissingPathIsTheInputsNotFoundError(string name, string script, string errorId, bool folder, bool many)
    {
        _ = (name, folder, many);
        using var dir = new TempDir();
        using var ps = Harness(dir);
        var missing = dir.File("no-such-" + (folder ? "folder" : "file.json"));
        var error = ErrorAssert.Single(ps.Run(script, new() { ["P"] = missing }), errorId, ErrorCategory.ObjectNotFound);
        Assert.Contains(missing, error.Exception.Message);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void WildcardMatchingTwoItemsIsRefusedNamingBoth(string name, string script, string errorId, bool folder, bool many)
    {
        _ = name;
        if (many || script.Contains("-LiteralPath")) return; // these take every match
        using var dir = new TempDir();
        using var ps = Harness(dir);
        var twins = dir.File("twins");
        Directory.CreateDirectory(twins);
        foreach (var n in new[] { "m1", "m2" })
        {
            if (folder) Directory.CreateDirectory(Path.Combine(twins, n));
            else File.WriteAllText(Path.Combine(twins, n + ".json"), "{}");
        }
        var pattern = Path.Combine(twins, folder ? "m?" : "m?.json");
        var error = ErrorAssert.Single(ps.Run(script, new() { ["P"] = pattern }), errorId, ErrorCategory.InvalidArgument);
        Assert.Contains(Path.Combine(twins, folder ? "m1" : "m1.json"), error.Exception.Message);
        Assert.Contains(Path.Combine(twins, folder ? "m2" : "m2.json"), error.Exception.Message);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void NonFileSystemPathIsRefused(string name, string script, string errorId, bool folder, bool many)
    {
        _ = (name, folder, many);
        using var dir = new TempDir();
        using var ps = Harness(dir);
        var error = ErrorAssert.Single(ps.Run(script, new() { ["P"] = "Env:PATH" }), errorId, ErrorCategory.InvalidArgument);
        Assert.Contains("Environment", error.Exception.Message);
    }

    [Theory]
    [InlineData("Add-ModelLedgerEntry -Path $P -Service s", "LedgerWriteFailed")]
    [InlineData("Export-RollbackEvidence -Path $P -LedgerPath $L", "OutputWriteFailed")]
    [InlineData("Test-ModelLedger $L $S -OutputFormat JUnit -OutputPath $P", "OutputWriteFailed")]
    public void OutputOnANonFileSystemDriveIsRefused(string script, string errorId)
    {
        using var dir = new TempDir();
        using var ps = Harness(dir);
        ErrorAssert.Single(ps.Run(script, new() { ["P"] = "Env:ML_TEST_OUTPUT" }), errorId, ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void InputsThatTakeManyPathsReadEveryMatchAndGoOnPastAMissingOne()
    {
        using var dir = new TempDir();
        using var ps = Harness(dir);
        File.WriteAllText(dir.File("l1.json"), "[{\"service\":\"a\",\"currentModelId\":\"m\",\"owner\":\"o\"}]");
        File.WriteAllText(dir.File("l2.json"), "[{\"service\":\"b\",\"currentModelId\":\"m\",\"owner\":\"o\"}]");
        var run = ps.Run("Get-ModelLedger -Path $missing, $pattern | ForEach-Object Service",
            new() { ["missing"] = dir.File("none.json"), ["pattern"] = dir.File("l?.json") });
        ErrorAssert.Single(run, "LedgerNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal(new[] { "a", "b" }, run.Output.Select(o => (string)o.BaseObject).OrderBy(s => s));
    }

    [Fact]
    public void AFileWhoseNameLooksLikeAPatternIsStillFound()
    {
        using var dir = new TempDir();
        using var ps = Harness(dir);
        var ledger = dir.File("ledger[1].json");
        File.Copy(Path.Combine(Repo.Root, "examples", "data", "ledger.json"), ledger);
        var run = ps.Run("Compare-CometModelSnapshot $S $S $P", new() { ["P"] = ledger });
        Assert.Empty(run.AllErrors);
    }

    private static PowerShellHarness Harness(TempDir dir)
    {
        var data = Path.Combine(Repo.Root, "examples", "data");
        File.WriteAllText(dir.File("config.json"), "{\"model\": \"m\"}");
        var ps = new PowerShellHarness();
        ps.SetVariable("D", data);
        ps.SetVariable("L", Path.Combine(data, "ledger.json"));
        ps.SetVariable("S", Path.Combine(data, "models-snapshot.json"));
        ps.SetVariable("T", dir.Path);
        return ps;
    }
}
