using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>Export-RollbackEvidence and Test-RollbackEvidence through the hosted engine.</summary>
[Collection("ProcessEnvironment")]
public class RollbackEvidenceTests
{
    private static readonly string Ledger = Repo.File("examples", "data", "ledger.json");
    private static readonly string Previous = Repo.File("examples", "data", "ledger-previous.json");
    private static readonly string Snapshot = Repo.File("examples", "data", "models-snapshot.json");

    // A real gate run and a real dry run on a working copy of the example staging config, then the export.
    private const string FullExport =
        "$findings = Test-ModelLedger $ledger -SnapshotPath $snapshot -ConfigRoot $root -AsOf '2026-11-24T09:00:00Z'; " +
        "$dry = Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.chat.model " +
        "  -ProbeScript { param($c) [regex]::Match([System.IO.File]::ReadAllText($c.ConfigPath), '\"model\": \"([^\"]*)\"').Groups[1].Value }; " +
        "$findings | Export-RollbackEvidence -Path $out -LedgerPath $ledger -PreviousLedgerPath $previous -SnapshotPath $snapshot -DryRun $dry -ApprovedBy 'j.doe (platform-ai)' -ApprovedAt '2026-11-24T10:15:00Z'";

    private static Dictionary<string, object?> Vars(TempDir dir, string outName = "CHG-1042")
    {
        var config = dir.File("staging.json");
        if (!File.Exists(config)) File.Copy(Repo.File("examples", "data", "staging", "support-router.config.json"), config);
        return new() { ["ledger"] = Ledger, ["root"] = Repo.File("examples", "data", "release"), ["previous"] = Previous, ["snapshot"] = Snapshot, ["config"] = config, ["out"] = dir.File(outName) };
    }

    private static string[] Strings(object value) => ((System.Collections.IEnumerable)(value is PSObject p ? p.BaseObject : value)).Cast<object>().Select(o => o.ToString()!).ToArray();

    [Fact]
    public void AFullBundleFromARealGateRunAndDryRunHoldsEveryArtifactAndVerifies()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run(FullExport, Vars(dir));
        Assert.Empty(run.AllErrors);
        Assert.Empty(run.Warnings);
        var bundle = Assert.Single(run.Output);
        Assert.Equal("ModelLedger.EvidenceBundle", bundle.TypeNames[0]);
        var folder = dir.File("CHG-1042");
        Assert.Equal(folder, bundle.Properties["Path"].Value);
        // Everything the tool can prove is Proved; reading the endpoint reference stays the operator's (Partly).
        Assert.Equal(new[] { "Partly: I opened the CometAPI models endpoint reference and confirmed the current contract." }, Strings(bundle.Properties["Missing"].Value));
        Assert.Equal(false, bundle.Properties["Complete"].Value);
        Assert.Empty(Strings(bundle.Properties["MissingArtifacts"].Value));
        var files = Strings(bundle.Properties["Files"].Value);
        Assert.Equal(new[] { "ledger-after.json", "ledger-before.json", "ledger-changes.json", "models-snapshot.json", "findings.json", "findings.md",
            "findings.junit.xml", "dryrun.json", "approval.json", "summary.md", "manifest.json" }, files);
        Assert.Equal(File.ReadAllBytes(Ledger), File.ReadAllBytes(Path.Combine(folder, "ledger-after.json")));
        Assert.Equal(File.ReadAllBytes(Previous), File.ReadAllBytes(Path.Combine(folder, "ledger-before.json")));

        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json"))))
        {
            var root = manifest.RootElement;
            Assert.Equal(Repo.ModuleVersion, root.GetProperty("moduleVersion").GetString());
            Assert.Equal("CHG-1042", root.GetProperty("changeRef").GetString());
            Assert.EndsWith("Z", root.GetProperty("createdAt").GetString());
            var listed = root.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(files.Length - 1, listed.Count);
            foreach (var f in listed)
            {
                var bytes = File.ReadAllBytes(Path.Combine(folder, f.GetProperty("path").GetString()!));
                Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant(), f.GetProperty("sha256").GetString());
                Assert.Equal(bytes.Length, f.GetProperty("size").GetInt64());
            }
        }

        using (var changes = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "ledger-changes.json"))))
        {
            var row = Assert.Single(changes.RootElement.EnumerateArray());
            Assert.Equal("support-router", row.GetProperty("service").GetString());
            Assert.Equal("Changed", row.GetProperty("change").GetString());
            var current = row.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "currentModelId");
            Assert.Equal("gpt-4o-2024-08-06", current.GetProperty("before").GetString());
            Assert.Equal("gpt-5.4-mini-2026-03-17", current.GetProperty("after").GetString());
        }

        using (var approval = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "approval.json"))))
        {
            Assert.Equal("j.doe (platform-ai)", approval.RootElement.GetProperty("approvedBy").GetString());
            Assert.Equal("2026-11-24T10:15:00Z", approval.RootElement.GetProperty("approvedAt").GetString());
            Assert.False(string.IsNullOrEmpty(approval.RootElement.GetProperty("recordedBy").GetString()));
            var ids = Assert.Single(approval.RootElement.GetProperty("identifiers").EnumerateArray());
            Assert.Equal("gpt-5.4-mini-2026-03-17", ids.GetProperty("forwardModelId").GetString());
            Assert.Equal("gpt-4o-2024-08-06", ids.GetProperty("rollbackModelId").GetString());
        }

        var summary = File.ReadAllText(Path.Combine(folder, "summary.md"));
        Assert.Contains("# Rollback evidence: CHG-1042", summary);
        Assert.Contains("Nothing: every artifact the runbook's step 6 lists is here.", summary);
        Assert.Contains("| currentModelId | `gpt-4o-2024-08-06` | `gpt-5.4-mini-2026-03-17` |", summary);
        Assert.Contains("| I verified the rollback action can be performed without a code redeploy, or I documented why a redeploy is required. | Proved |", summary);
        Assert.Contains("| I confirmed the rollback model ID is approved for this service. | Proved |", summary);
        Assert.Contains("| I confirmed the application config uses exact model ID strings. | Proved |", summary);
        Assert.Contains("FAILED: 1 failed", summary);   // the gate's verdict over the whole ledger is kept as it was

        var verify = ps.Run("Test-RollbackEvidence $out", Vars(dir));
        Assert.Empty(verify.AllErrors);
        Assert.Equal(10, verify.Output.Count);
        Assert.All(verify.Output, o => Assert.Equal("Pass", o.Properties["Status"].Value.ToString()));
        Assert.Equal(true, ps.Run("Test-RollbackEvidence -Path $out -Quiet", Vars(dir)).Output.Single().BaseObject);
    }

    [Fact]
    public void APartialBundleIsWrittenAndNamesWhatIsMissing()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger", Vars(dir));
        Assert.Empty(run.AllErrors);
        var missing = Strings(Assert.Single(run.Output).Properties["MissingArtifacts"].Value);
        Assert.Equal(new[] { "ledger before the change (-PreviousLedgerPath)", "models snapshot (-SnapshotPath)", "deploy gate result (findings from Test-ModelLedger)",
            "rollback dry-run result (Invoke-RollbackDryRun)", "owner approval (-ApprovedBy)" }, missing);
        Assert.Equal(6, run.Warnings.Count);
        Assert.Contains("Failed or Missing answer(s)", run.Warnings[5].Message);
        var summary = File.ReadAllText(Path.Combine(dir.File("CHG-1042"), "summary.md"));
        foreach (var m in missing) Assert.Contains("- " + m, summary);
        Assert.Contains("| I captured a fresh model identifier snapshot. | Missing |", summary);
        Assert.Equal(new[] { "ledger-after.json", "manifest.json", "summary.md" }, Directory.GetFiles(dir.File("CHG-1042")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(true, ps.Run("Test-RollbackEvidence $out -Quiet", Vars(dir)).Output.Single().BaseObject);
    }

    [Fact]
    public void AnExistingFolderIsNeverOverwrittenWithoutForce()
    {
        using var dir = new TempDir();
        var folder = dir.File("CHG-1042");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "keep me");
        using var ps = new PowerShellHarness();

        var refused = ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger", Vars(dir));
        var error = ErrorAssert.Single(refused, "EvidenceFolderNotEmpty", ErrorCategory.ResourceExists);
        Assert.Contains("-Force", error.Exception.Message);
        Assert.Equal(new[] { "notes.txt" }, Directory.GetFiles(folder).Select(Path.GetFileName));

        var whatIf = ps.Render("Export-RollbackEvidence -Path $out -LedgerPath $ledger -Force -WhatIf", Vars(dir));
        Assert.Contains("What if:", whatIf.HostText);
        Assert.Equal(new[] { "notes.txt" }, Directory.GetFiles(folder).Select(Path.GetFileName));

        // -Force replaces only an earlier evidence bundle: a folder of notes is not one, so it is kept.
        var notABundle = ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger -Force", Vars(dir));
        ErrorAssert.Single(notABundle, "EvidenceFolderNotBundle", ErrorCategory.ResourceExists);
        Assert.Equal(new[] { "notes.txt" }, Directory.GetFiles(folder).Select(Path.GetFileName));

        File.Delete(Path.Combine(folder, "notes.txt"));
        Assert.Empty(ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger", Vars(dir)).AllErrors);
        var forced = ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger -Force", Vars(dir));
        Assert.Empty(forced.AllErrors);
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
        Assert.Single(Directory.GetDirectories(dir.Path));   // no temporary or replaced folder left beside it

        var empty = dir.File("empty");
        Directory.CreateDirectory(empty);
        Assert.Empty(ps.Run("Export-RollbackEvidence -Path $e -LedgerPath $ledger", new() { ["e"] = empty, ["ledger"] = Ledger }).AllErrors);
    }

    [Fact]
    public void AChangedByteARemovedFileAndAnAddedFileAreEachDetected()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        Assert.Empty(ps.Run(FullExport, Vars(dir)).AllErrors);
        var folder = dir.File("CHG-1042");
        var findings = Path.Combine(folder, "findings.json");
        var bytes = File.ReadAllBytes(findings);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(findings, bytes);
        File.Delete(Path.Combine(folder, "dryrun.json"));
        File.WriteAllText(Path.Combine(folder, "late-note.txt"), "added after export");

        var run = ps.Run("Test-RollbackEvidence $out", Vars(dir));
        var failed = run.Output.Where(o => o.Properties["Status"].Value.ToString() == "Fail")
            .ToDictionary(o => (string)o.Properties["File"].Value, o => (string)o.Properties["Message"].Value);
        Assert.Equal(3, failed.Count);
        Assert.StartsWith("Changed since export", failed["findings.json"]);
        Assert.StartsWith("Missing", failed["dryrun.json"]);
        Assert.StartsWith("Extra", failed["late-note.txt"]);
        Assert.Equal(false, ps.Run("Test-RollbackEvidence $out -Quiet", Vars(dir)).Output.Single().BaseObject);
    }

    [Fact]
    public void AMissingFolderOrManifestIsAClearError()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        ErrorAssert.Single(ps.Run("Test-RollbackEvidence $out", Vars(dir, "nope")), "EvidenceNotFound", ErrorCategory.ObjectNotFound);
        Assert.Empty(ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger", Vars(dir)).AllErrors);
        File.Delete(Path.Combine(dir.File("CHG-1042"), "manifest.json"));
        var run = ps.Run("Test-RollbackEvidence $out -Quiet", Vars(dir));
        ErrorAssert.Single(run, "EvidenceManifestInvalid", ErrorCategory.InvalidData);
        Assert.Equal(false, run.Output.Single().BaseObject);
    }

    [Fact]
    public void PipedObjectsThatAreNotFindingsOrDryRunsAreReportedAndLeftOut()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $ledger -SnapshotPath $snapshot -Quiet | Export-RollbackEvidence -Path $out -LedgerPath $ledger", Vars(dir));
        ErrorAssert.Single(run, "EvidenceInputInvalid", ErrorCategory.InvalidArgument);
        Assert.Single(run.Output);
        Assert.Contains("deploy gate result", string.Join(";", Strings(run.Output.Single().Properties["MissingArtifacts"].Value)));
    }

    [Fact]
    public void AccountSpecificSnapshotMetadataIsRedactedAndVendorOwnersKept()
    {
        using var dir = new TempDir();
        var snapshot = dir.Write("snap.json", "{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T06:00:00Z\",\"source\":\"https://api.cometapi.com/v1/models\",\"credentialLabel\":\"production\"," +
            "\"models\":[{\"id\":\"gpt-5.4-mini-2026-03-17\",\"ownedBy\":\"openai\"},{\"id\":\"ft:gpt-4o:acme\",\"ownedBy\":\"org-8f2k1acme\"},{\"id\":\"x\",\"ownedBy\":\"ops@acme.example\"}]}");
        using var ps = new PowerShellHarness();
        var vars = Vars(dir);
        vars["snapshot"] = snapshot;
        Assert.Empty(ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger -SnapshotPath $snapshot", vars).AllErrors);
        var copy = File.ReadAllText(Path.Combine(dir.File("CHG-1042"), "models-snapshot.json"));
        Assert.Contains("\"ownedBy\":\"openai\"", copy);
        Assert.DoesNotContain("org-8f2k1acme", copy);
        Assert.DoesNotContain("ops@acme.example", copy);
        Assert.Contains("ft:gpt-4o:acme", copy);   // identifiers are the evidence; they stay exact
        Assert.Contains("2 account-specific value(s) redacted", File.ReadAllText(Path.Combine(dir.File("CHG-1042"), "summary.md")));
    }

    [Fact]
    public void NoFileInTheBundleHoldsTheKeyEvenWhenItWasPastedIntoTheLedger()
    {
        using var dir = new TempDir();
        var key = NewKey();
        var ledger = dir.Write("ledger.json", File.ReadAllText(Ledger).Replace("Rollback ID stays enabled until the release window closes.", "temp key " + key));
        var before = Environment.GetEnvironmentVariable("COMETAPI_API_KEY");
        try
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", key);
            using var ps = new PowerShellHarness();
            var vars = Vars(dir);
            vars["ledger"] = ledger;
            var run = RunWithKey(ps, FullExport + " -Verbose", null, key, vars);
            Assert.Empty(run.AllErrors);
            AssertFolderHasNoKey(dir.File("CHG-1042"), key);
            Assert.Contains("The API key in use appeared in ledger-after.json", File.ReadAllText(Path.Combine(dir.File("CHG-1042"), "summary.md")));
            Assert.True((bool)ps.Run("Test-RollbackEvidence $out -Quiet", vars).Output.Single().BaseObject);
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", before);
        }
    }

    [Fact]
    public void DefaultViewsReadWell()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var export = ps.Render(FullExport, Vars(dir));
        Assert.Contains("  Proved  I verified the rollback action", export.HostText);
        var verify = ps.Render("Test-RollbackEvidence $out", Vars(dir));
        Assert.Contains("Pass  summary.md", verify.HostText);
        Assert.DoesNotContain("ExpectedSha256", verify.HostText);
    }
}
