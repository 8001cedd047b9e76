using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The check table (ModelLedger.Gate.GateChecks) against what a user sees: -Check's literal ValidateSet (Windows
/// PowerShell 5.1 has no dynamic sets) and the check paragraphs of Test-ModelLedger's help and about_ModelLedger.
/// And several snapshots, one per credential, through the cmdlet.
/// </summary>
public class GateChecksSurfaceTests
{
    private static string[] Table(PowerShellHarness ps, string property) =>
        ps.Run($"[ModelLedger.ErrorIds].Assembly.GetType('ModelLedger.Gate.GateChecks', $true).GetField('All').GetValue($null) | ForEach-Object {{ $_.GetType().GetProperty('{property}').GetValue($_) }}").Output.Select(o => (string)o.BaseObject).ToArray();

    private static string Flat(string text) => Regex.Replace(text.Replace("`", ""), @"\s+", " ");

    [Fact]
    public void CheckValidateSetHoldsEveryCheckOfTheTable()
    {
        using var ps = new PowerShellHarness();
        var set = ps.Run("(Get-Command Test-ModelLedger).Parameters['Check'].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object { $_.ValidValues }")
            .Output.Select(o => (string)o.BaseObject).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(Table(ps, "Name").OrderBy(n => n, StringComparer.Ordinal), set);
    }

    [Theory]
    [InlineData("docs", "help", "Test-ModelLedger.md")]
    [InlineData("module", "en-US", "about_ModelLedger.help.txt")]
    public void TheDocsCheckTablesAreTheTable(params string[] file)
    {
        using var ps = new PowerShellHarness();
        var doc = File.ReadAllText(Repo.File(file));
        var flat = Flat(doc);
        foreach (var help in Table(ps, "HelpText")) Assert.Contains(help, flat);
        // No check paragraph for a check the table lacks, and the table's order.
        var listed = Regex.Matches(doc, @"^\s*([A-Z][A-Za-z]+)(?: \((?:[^()]|\([^()]*\))*\))?\s+-\s+Fail:", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(Table(ps, "Name"), listed);
    }

    [Fact]
    public void AnIdMissingFromOneOfTwoCredentialsFailsNamingIt()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var eu = Snapshot(dir, new[] { "gpt-4o-2024-08-06", "gpt-4o-2024-05-13" }, label: "production-eu");
        var us = Snapshot(dir, new[] { "gpt-4o-2024-08-06" }, label: "production-us");
        var run = ps.Run("Test-ModelLedger -Path $l -SnapshotPath $eu, $us -CredentialLabel production-eu, production-us",
            new() { ["l"] = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13")), ["eu"] = eu, ["us"] = us });
        Assert.Empty(run.AllErrors);
        string P(PSObject f, string name) => f.Properties[name].Value?.ToString() ?? "";
        var findings = run.Output.ToList();
        var rollback = Assert.Single(findings, f => P(f, "Check") == "RollbackModelAvailable");
        Assert.Equal("Fail", P(rollback, "Status"));
        Assert.Contains("not visible to the 'production-us' credential", P(rollback, "Message"));
        Assert.Equal(2, findings.Count(f => P(f, "Check") == "SnapshotFresh"));
        var labels = findings.Where(f => P(f, "Check") == "CredentialLabelMatches").ToList();
        Assert.Equal(2, labels.Count);
        Assert.All(labels, f => Assert.Equal("Pass", P(f, "Status")));
        Assert.False((bool)ps.Run("Test-ModelLedger -Path $l -SnapshotPath $eu, $us -Quiet", new() { ["l"] = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13")), ["eu"] = eu, ["us"] = us }).Output.Single().BaseObject);
    }

    [Fact]
    public void TheSameLabelTwiceIsSnapshotInvalid()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var first = Snapshot(dir, new[] { "m" }, label: "production");
        var second = Snapshot(dir, new[] { "m" }, label: "Production");
        var run = ps.Run("Test-ModelLedger -Path $l -SnapshotPath $a, $b", new() { ["l"] = Ledger(dir, Entry("a", "m", "m")), ["a"] = first, ["b"] = second });
        var error = ErrorAssert.Single(run, "SnapshotInvalid", ErrorCategory.InvalidArgument);
        Assert.Contains("'Production' credential", error.Exception.Message);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void EvidenceRecordsEachSnapshotWithItsLabelAndTheSummaryNamesTheCredentials()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var eu = Snapshot(dir, new[] { "gpt-4o-2024-08-06", "gpt-4o-2024-05-13" }, label: "production-eu");
        var us = Snapshot(dir, new[] { "gpt-4o-2024-08-06", "gpt-4o-2024-05-13" }, label: "production-us");
        var ledger = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13"));
        var vars = new System.Collections.Generic.Dictionary<string, object?> { ["l"] = ledger, ["eu"] = eu, ["us"] = us, ["out"] = System.IO.Path.Combine(dir.Path, "bundle") };
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $eu, $us | Export-RollbackEvidence -Path $out -LedgerPath $l -SnapshotPath $eu, $us -WarningAction SilentlyContinue", vars);
        Assert.Empty(run.AllErrors);
        var bundle = (string)vars["out"]!;
        Assert.Contains("\"credentialLabel\": \"production-eu\"", File.ReadAllText(Path.Combine(bundle, "models-snapshot-1.json")));
        Assert.Contains("\"credentialLabel\": \"production-us\"", File.ReadAllText(Path.Combine(bundle, "models-snapshot-2.json")));
        Assert.False(File.Exists(Path.Combine(bundle, "models-snapshot.json")));
        var summary = File.ReadAllText(Path.Combine(bundle, "summary.md"));
        Assert.Contains("Validated with 2 credentials: 'production-eu', 'production-us'.", summary);
        Assert.Contains("- models-snapshot-2.json: 2 models", summary);

        var same = ps.Run("Export-RollbackEvidence -Path $out2 -LedgerPath $l -SnapshotPath $eu, $eu", new() { ["l"] = ledger, ["eu"] = eu, ["out2"] = System.IO.Path.Combine(dir.Path, "bundle2") });
        ErrorAssert.Single(same, "SnapshotInvalid", ErrorCategory.InvalidArgument);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "bundle2")));
    }
}
