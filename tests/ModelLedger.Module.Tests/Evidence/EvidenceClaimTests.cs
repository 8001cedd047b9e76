using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>The evidence claims only what was shown: every changed service needs its own proof, and the bundle counts what is not proved.</summary>
[Collection("ProcessEnvironment")]
public class EvidenceClaimTests
{
    // Two services change; a passed dry run exists for one of them only.
    private static Dictionary<string, object?> TwoChanged(TempDir dir)
    {
        var before = Ledger(dir, Entry("alpha", "a-old", "a-older"), Entry("beta", "b-old", "b-older"));
        var after = Ledger(dir, Entry("alpha", "a-new", "a-old"), Entry("beta", "b-new", "b-old"));
        var snapshot = Snapshot(dir, new[] { "a-new", "a-old", "b-new", "b-old" });
        return new() { ["before"] = before, ["after"] = after, ["snapshot"] = snapshot, ["out"] = dir.File("evidence") };
    }

    private const string DryRunForAlpha =
        "$dry = [ModelLedger.DryRunResult]@{ Service = 'alpha'; ForwardModelId = 'a-new'; RollbackModelId = 'a-old'; ObservedModelId = 'a-old'; " +
        "SwitchedAt = [datetimeoffset]'2026-06-02T10:00:00Z'; RestoredAt = [datetimeoffset]'2026-06-02T10:00:05Z'; Restored = $true; Status = 'Passed'; Message = 'ok' }; ";

    private static string[] Strings(object value) => ((System.Collections.IEnumerable)(value is PSObject p ? p.BaseObject : value)).Cast<object>().Select(o => o.ToString()!).ToArray();

    [Fact]
    public void AChangedServiceWithoutItsOwnDryRunIsMissingByNameAndTheBundleIsNotComplete()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run(DryRunForAlpha +
            "Test-ModelLedger $after -SnapshotPath $snapshot | Export-RollbackEvidence -Path $out -LedgerPath $after -PreviousLedgerPath $before -SnapshotPath $snapshot -DryRun $dry -ApprovedBy owner -ContractReviewed",
            TwoChanged(dir));
        Assert.Empty(run.AllErrors);
        var bundle = run.Output.Single();
        Assert.Equal(false, bundle.Properties["Complete"].Value);
        var missing = Strings(bundle.Properties["Missing"].Value);
        Assert.Contains("Missing for beta: I verified the rollback action can be performed without a code redeploy, or I documented why a redeploy is required.", missing);
        Assert.Contains("Missing for beta: I confirmed the application config uses exact model ID strings.", missing);
        Assert.DoesNotContain(missing, m => m.Contains("alpha"));
        var summary = File.ReadAllText(Path.Combine(dir.File("evidence"), "summary.md"));
        Assert.Contains("No dry-run result for beta in the bundle", summary);
        Assert.Contains("7 proved, 0 partly, 0 failed, 2 missing: incomplete.", summary);
        Assert.Contains(run.Warnings, w => w.Message.Contains("2 Failed or Missing answer(s)"));
    }

    [Fact]
    public void AHandWrittenSnapshotIsNotProvedAsAnAuthenticatedCapture()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var vars = TwoChanged(dir);
        var handWritten = dir.Write("hand.json", "{ \"schemaVersion\": 1, \"capturedAt\": \"" + System.DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            + "\", \"source\": \"https://api.cometapi.com/v1/models\", \"credentialLabel\": \"production\", \"models\": [ { \"id\": \"a-new\" }, { \"id\": \"a-old\" }, { \"id\": \"b-new\" }, { \"id\": \"b-old\" } ] }");
        vars["snapshot"] = handWritten;
        var run = ps.Run(DryRunForAlpha +
            "$beta = [ModelLedger.DryRunResult]@{ Service = 'beta'; ForwardModelId = 'b-new'; RollbackModelId = 'b-old'; ObservedModelId = 'b-old'; Restored = $true; Status = 'Passed' }; " +
            "Test-ModelLedger $after -SnapshotPath $snapshot -Deployed @{ alpha = 'a-new'; beta = 'b-new' } -WarningAction SilentlyContinue | Export-RollbackEvidence -Path $out -LedgerPath $after -PreviousLedgerPath $before -SnapshotPath $snapshot -DryRun $dry, $beta -ApprovedBy owner -ContractReviewed",
            vars);
        Assert.Empty(run.AllErrors);
        var bundle = run.Output.Single();
        Assert.Equal(false, bundle.Properties["Complete"].Value);
        Assert.Equal(new[] { "Partly: I verified the endpoint path and auth scheme used by our validation script." }, Strings(bundle.Properties["Missing"].Value));
        Assert.Contains("record no response hash", File.ReadAllText(Path.Combine(dir.File("evidence"), "summary.md")));
    }

    [Fact]
    public void ADryRunAloneDoesNotProveWhatTheReleaseShips()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run(DryRunForAlpha +
            "$beta = [ModelLedger.DryRunResult]@{ Service = 'beta'; ForwardModelId = 'b-new'; RollbackModelId = 'b-old'; ObservedModelId = 'b-old'; Restored = $true; Status = 'Passed' }; " +
            "Test-ModelLedger $after -SnapshotPath $snapshot | Export-RollbackEvidence -Path $out -LedgerPath $after -PreviousLedgerPath $before -SnapshotPath $snapshot -DryRun $dry, $beta -ApprovedBy owner -ContractReviewed",
            TwoChanged(dir));
        Assert.Empty(run.AllErrors);
        var bundle = run.Output.Single();
        Assert.Equal(false, bundle.Properties["Complete"].Value);
        Assert.Equal(new[] { "Partly for alpha, beta: I confirmed the application config uses exact model ID strings." }, Strings(bundle.Properties["Missing"].Value));
        Assert.Contains("no gate run with -ConfigRoot or -Deployed read what the release ships for it", File.ReadAllText(Path.Combine(dir.File("evidence"), "summary.md")));
    }

    [Fact]
    public void EveryChangedServiceRehearsedAndTheContractReviewedMakesTheBundleComplete()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run(DryRunForAlpha +
            "$beta = [ModelLedger.DryRunResult]@{ Service = 'beta'; ForwardModelId = 'b-new'; RollbackModelId = 'b-old'; ObservedModelId = 'b-old'; Restored = $true; Status = 'Passed' }; " +
            "Test-ModelLedger $after -SnapshotPath $snapshot -Deployed @{ alpha = 'a-new'; beta = 'b-new' } | Export-RollbackEvidence -Path $out -LedgerPath $after -PreviousLedgerPath $before -SnapshotPath $snapshot -DryRun $dry, $beta -ApprovedBy owner -ContractReviewed",
            TwoChanged(dir));
        Assert.Empty(run.AllErrors);
        var bundle = run.Output.Single();
        Assert.Empty(Strings(bundle.Properties["Missing"].Value));
        Assert.Equal(true, bundle.Properties["Complete"].Value);
        Assert.Contains("9 proved, 0 partly, 0 failed, 0 missing: complete.", File.ReadAllText(Path.Combine(dir.File("evidence"), "summary.md")));
    }

    [Fact]
    public void AFailedDryRunIsCountedAsFailedForItsService()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run(
            "$bad = [ModelLedger.DryRunResult]@{ Service = 'alpha'; RollbackModelId = 'a-old'; ObservedModelId = 'a-new'; Restored = $true; Status = 'Failed'; Message = 'sent a-new' }; " +
            "Export-RollbackEvidence -Path $out -LedgerPath $after -PreviousLedgerPath $before -DryRun $bad -WarningAction SilentlyContinue",
            TwoChanged(dir));
        Assert.Empty(run.AllErrors);
        var missing = Strings(run.Output.Single().Properties["Missing"].Value);
        Assert.Contains("Failed for alpha: I verified the rollback action can be performed without a code redeploy, or I documented why a redeploy is required.", missing);
    }

    // Under real pwsh: results handed between steps through Export-Clixml/Import-Clixml are accepted like live ones,
    // and a tampered one is an EvidenceInputInvalid error naming the field, never a binding crash.
    [Fact]
    public void DeserializedFindingsAndDryRunsAreAcceptedAndABadOneIsAnError()
    {
        using var dir = new TempDir();
        var files = TwoChanged(dir);
        var script = DryRunForAlpha.Replace("$dry = ", "$live = ") +
            "$findings = Test-ModelLedger '" + files["after"] + "' -SnapshotPath '" + files["snapshot"] + "'\n" +
            "$findings | Export-Clixml '" + dir.File("findings.xml") + "'\n" +
            "$live | Export-Clixml '" + dir.File("dry.xml") + "'\n" +
            "$dry = Import-Clixml '" + dir.File("dry.xml") + "'\n" +
            "'type=' + $dry.pstypenames[0]\n" +
            "$b = Export-RollbackEvidence -Path '" + dir.File("ev1") + "' -LedgerPath '" + files["after"] + "' -PreviousLedgerPath '" + files["before"] + "' -SnapshotPath '" + files["snapshot"] +
            "' -Finding (Import-Clixml '" + dir.File("findings.xml") + "') -DryRun $dry -ApprovedBy owner -WarningAction SilentlyContinue\n" +
            "'missing=' + ($b.Missing -join '|')\n" +
            "$j = Get-Content -Raw '" + dir.File("ev1") + "/dryrun.json'\n" +
            "'switched=' + ($j -match '2026-06-02T10:00:00Z')\n" +
            "$dry.Status = 'Bogus'\n" +
            "$b2 = Export-RollbackEvidence -Path '" + dir.File("ev2") + "' -LedgerPath '" + files["after"] + "' -DryRun $dry -WarningAction SilentlyContinue -ErrorVariable bad -ErrorAction SilentlyContinue\n" +
            "'error=' + $bad[0].FullyQualifiedErrorId\n" +
            "'message=' + $bad[0].Exception.Message\n" +
            "'written=' + (Test-Path '" + dir.File("ev2") + "/dryrun.json')\n";
        var run = RealPwsh.RunCommand(script);
        Assert.True(run.Code == 0, run.ToString());
        var lines = run.PlainOut.Replace("\r", "").Split('\n');
        Assert.Contains("type=Deserialized.ModelLedger.DryRunResult", lines);
        var missing = lines.Single(l => l.StartsWith("missing=", System.StringComparison.Ordinal));
        Assert.Contains("Missing for beta: I verified the rollback action", missing);
        Assert.DoesNotContain("alpha: I verified the rollback", missing);
        Assert.Contains("switched=True", lines);
        Assert.Contains("error=EvidenceInputInvalid,ModelLedger.Commands.ExportRollbackEvidenceCommand", lines);
        Assert.Contains(lines, l => l.StartsWith("message=", System.StringComparison.Ordinal) && l.Contains("its Status 'Bogus' is not one of Passed, Failed, Skipped"));
        Assert.Contains("written=False", lines);
    }
}
