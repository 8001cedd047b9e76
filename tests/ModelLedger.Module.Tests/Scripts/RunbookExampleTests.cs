using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>The example runbooks as the README runs them: under real pwsh, checking exit codes and output.</summary>
public class RunbookExampleTests
{
    [Fact]
    public void ReleaseGateOnTheEmbeddedExampleBlocksTheReleaseWithExitOne()
    {
        using var dir = new TempDir();
        var junit = dir.File("gate.xml");
        var (code, output, _) = RealPwsh.Example("examples/release-gate.ps1", "-JUnitPath", junit);
        Assert.Equal(1, code);
        Assert.Contains("No input given: gating the embedded example data (examples/data)\nas of its release time", output.Replace("\r", ""));
        Assert.Contains("Pass", output);
        Assert.Contains("Warn", output);
        Assert.Contains("Fail", output);
        Assert.Contains("Gate: 1 failed, 2 warnings, 28 passed.", output);
        Assert.Contains("RELEASE BLOCKED by these checks (service, check, model ID):\n  report-writer\n    RollbackModelAvailable\n      gpt-4.1-2025-04-14", output.Replace("\r", ""));
        Assert.Equal(31, XDocument.Load(junit).Root!.Element("testsuite")!.Elements("testcase").Count());
    }

    [Fact]
    public void ReleaseGateExitsZeroWhenNothingFailsAndTwoWhenTheGateCannotRun()
    {
        using var dir = new TempDir();
        var snapshot = Snapshot(dir, new[] { "m1", "m0" });
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var ok = RealPwsh.Example("examples/release-gate.ps1", "-LedgerPath", ledger, "-SnapshotPath", snapshot, "-JUnitPath", dir.File("ok.xml"));
        Assert.Equal(0, ok.Code);
        Assert.Contains("Release may proceed.", ok.Out);

        var broken = RealPwsh.Example("examples/release-gate.ps1", "-LedgerPath", ledger, "-SnapshotPath", dir.Write("bad.json", "<html/>"), "-JUnitPath", dir.File("bad.xml"));
        Assert.Equal(2, broken.Code);
        Assert.Contains("SnapshotInvalid", broken.Err);
    }

    [Fact]
    public void ReleaseGateExitsTwoWhenServiceSelectsNoEntry()
    {
        using var dir = new TempDir();
        var snapshot = Snapshot(dir, new[] { "m1", "m0" });
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var none = RealPwsh.Example("examples/release-gate.ps1", "-LedgerPath", ledger, "-SnapshotPath", snapshot, "-Service", "billing-*", "-JUnitPath", dir.File("none.xml"));
        Assert.Equal(2, none.Code);
        Assert.Contains("[LedgerServiceNotFound] No ledger service matches the pattern 'billing-*'", System.Text.RegularExpressions.Regex.Replace(none.Err, @"\s+", " "));
        Assert.All(none.Err.Replace("\r", "").Split('\n'), line => Assert.True(line.Length <= 80, line));
        Assert.DoesNotContain("Release may proceed.", none.Out);
    }

    [Fact]
    public void DriftCheckExitsThreeWhenAnApprovedIdIsAtRiskZeroWhenNotTwoOnError()
    {
        var atRisk = RealPwsh.Example("examples/drift-check.ps1");
        Assert.Equal(3, atRisk.Code);
        Assert.Contains("APPROVED IDS AT RISK (page the owner):\n  gpt-4.1-2025-04-14\n    report-writer rollback", atRisk.Out.Replace("\r", ""));

        using var dir = new TempDir();
        var same = Snapshot(dir, new[] { "m1", "m0", "extra" });
        var newer = Snapshot(dir, new[] { "m1", "m0", "brand-new" });
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var calm = RealPwsh.Example("examples/drift-check.ps1", "-ReferencePath", same, "-DifferencePath", newer, "-LedgerPath", ledger);
        Assert.Equal(0, calm.Code);
        Assert.Contains("No approved model ID is at risk (2 unapproved changes).", calm.Out);

        var error = RealPwsh.Example("examples/drift-check.ps1", "-ReferencePath", dir.File("missing.json"), "-DifferencePath", newer, "-LedgerPath", ledger);
        Assert.Equal(2, error.Code);
        Assert.Contains("SnapshotNotFound", error.Err);
    }

    [Fact]
    public void LedgerReviewListsGapsAndExitsZeroWhenEveryServiceHasARollback()
    {
        var (code, output, _) = RealPwsh.Example("examples/ledger-review.ps1");
        Assert.Equal(0, code);
        Assert.Contains("Services without an emergency alternative: 1\n  report-writer", output.Replace("\r", ""));
        Assert.Contains("Services without a rollback owner: 1\n  search-summarizer", output.Replace("\r", ""));
    }

    [Fact]
    public void RollbackDryRunExampleRehearsesOnAWorkingCopyAndLeavesTheRepositoryAlone()
    {
        var example = Repo.File("examples", "data", "staging", "support-router.config.json");
        var before = File.ReadAllBytes(example);
        var (code, output, _) = RealPwsh.Example("examples/rollback-dry-run.ps1");
        Assert.Equal(0, code);
        Assert.Contains("ROLLBACK REHEARSED: support-router sends, when switched:\n  gpt-4o-2024-08-06", output.Replace("\r", ""));
        Assert.Contains("Config restored byte for byte: True", output);
        Assert.Equal(before, File.ReadAllBytes(example));

        // report-writer's current ID is not what this staging config holds: refused, nothing changed, exit 2.
        var refused = RealPwsh.Example("examples/rollback-dry-run.ps1", "-LedgerPath", Repo.File("examples", "data", "ledger.json"), "-Service", "report-writer", "-ConfigPath", Repo.File("examples", "data", "staging", "support-router.config.json"), "-ConfigKey", "llm.chat.model");
        Assert.Equal(2, refused.Code);
        Assert.Contains("DryRunConfigMismatch", refused.Err);

        using var dir = new TempDir();
        var config = dir.File("c.json");
        File.Copy(example, config);
        var onCopy = RealPwsh.Example("examples/rollback-dry-run.ps1", "-LedgerPath", Repo.File("examples", "data", "ledger.json"), "-Service", "support-router", "-ConfigPath", config, "-TimeoutSec", "60", "-ConfigKey", "llm.chat.model");
        Assert.Equal(0, onCopy.Code);
        Assert.Equal(before, File.ReadAllBytes(config));
    }

    [Fact]
    public void ReleaseEvidenceExampleWritesAVerifiedCompleteBundle()
    {
        using var dir = new TempDir();
        var folder = dir.File("CHG-1042");
        var (code, output, err) = RealPwsh.Example("examples/release-evidence.ps1", "-OutputPath", folder);
        Assert.True(code == 0, output + err);
        Assert.Contains("Evidence verified: 11 files match manifest.json.", output);
        var manifestHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "manifest.json")))).ToLowerInvariant();
        Assert.Contains("Manifest SHA-256 (record it in the change ticket):\n  " + manifestHash, output.Replace("\r", ""));
        Assert.Contains("Proved   I verified the rollback action can be performed without a code\n           redeploy", output.Replace("\r", ""));
        Assert.Contains("Checklist: 8 proved, 1 partly, 0 failed, 0 missing: incomplete.", output);
        Assert.Contains("To confirm by hand (Partly):", output);
        Assert.True(File.Exists(Path.Combine(folder, "dryrun.json")));

        // Without an approval the bundle is still written, but the script says it is incomplete and exits 1.
        // On the operator's data without a dry run, the changed service is Missing by name and the script exits 1.
        var refused = RealPwsh.Example("examples/release-evidence.ps1", "-OutputPath", folder, "-LedgerPath", Repo.File("examples", "data", "ledger.json"),
            "-PreviousLedgerPath", Repo.File("examples", "data", "ledger-previous.json"), "-SnapshotPath", Repo.File("examples", "data", "models-snapshot.json"), "-AsOf", "2026-11-24T09:00:00Z");
        // An earlier bundle is never replaced without -Force: its manifest hash may already be in the ticket.
        Assert.True(refused.Code == 2, refused.Out + refused.Err);
        Assert.Contains("EvidenceFolderNotEmpty", refused.Err);
        Assert.Equal(manifestHash, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "manifest.json")))).ToLowerInvariant());
        var partial = RealPwsh.Example("examples/release-evidence.ps1", "-Force", "-OutputPath", folder, "-LedgerPath", Repo.File("examples", "data", "ledger.json"),
            "-PreviousLedgerPath", Repo.File("examples", "data", "ledger-previous.json"), "-SnapshotPath", Repo.File("examples", "data", "models-snapshot.json"), "-AsOf", "2026-11-24T09:00:00Z");
        Assert.True(partial.Code == 1, partial.Out + partial.Err);
        Assert.Contains("EVIDENCE INCOMPLETE:", partial.Out);
        Assert.Contains("Missing for support-router: I verified the rollback action", partial.Out);
    }
}
