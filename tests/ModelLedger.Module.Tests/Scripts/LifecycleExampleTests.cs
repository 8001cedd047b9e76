using System.IO;

namespace ModelLedger.Module.Tests;

/// <summary>examples/bootstrap-ledger.ps1 and examples/promote-model.ps1 under real pwsh, output redirected, offline.</summary>
public class LifecycleExampleTests
{
    [Fact]
    public void BootstrapIsAThinCallOfNewModelLedgerWithDocumentedExitCodes()
    {
        using var dir = new TempDir();
        var ledger = dir.File("ledger.json");
        var (code, output, err) = RealPwsh.Example("examples/bootstrap-ledger.ps1", "-OutputPath", ledger);
        Assert.True(code == 0, output + err);
        Assert.Contains("Wrote 6 draft entries to", output);
        Assert.Contains("ticket-triage: current gpt-4o-2024-08-06; refs: charts/ticket-triage/values.yaml#env.TRIAGE_MODEL", output);
        Assert.Contains("report-worker: current deepseek-v3.2; refs: config/report-worker.env#REPORT_MODEL", output);
        Assert.Contains("chat-assistant: current gpt-5.4-mini-2026-03-17; refs: deploy/litellm/config.yaml#model_list", output);
        // The cmdlet's summary warning reaches the log: nothing is dropped silently.
        Assert.Contains("2 config value(s) holding listed model IDs are not in the draft", output + err);
        Assert.Contains("\"configRefs\": [\"services/billing-bot/appsettings.json#Llm.Model\"]", File.ReadAllText(ledger));

        // An existing ledger is refused (exit 2) and left as it was; -Force replaces it.
        var before = File.ReadAllText(ledger);
        var refused = RealPwsh.Example("examples/bootstrap-ledger.ps1", "-OutputPath", ledger);
        Assert.True(refused.Code == 2, refused.Out + refused.Err);
        Assert.Contains("[LedgerExists]", refused.Out + refused.Err);
        Assert.Equal(before, File.ReadAllText(ledger));
        Assert.Equal(0, RealPwsh.Example("examples/bootstrap-ledger.ps1", "-OutputPath", ledger, "-Force").Code);

        // No service to draft (the snapshot lists no ID the tree holds as a config value): exit 1, nothing written.
        var empty = dir.File("empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "gpt-4o is mentioned in prose only\n");
        var none = RealPwsh.Example("examples/bootstrap-ledger.ps1", "-RepoPath", empty, "-OutputPath", dir.File("none.json"));
        Assert.True(none.Code == 1, none.Out + none.Err);
        Assert.False(File.Exists(dir.File("none.json")));
    }

    [Fact]
    public void PromotionRunsEndToEndAndRefusesASecondChangeInsideTheWindow()
    {
        using var dir = new TempDir();
        var (code, output, err) = RealPwsh.Example("examples/promote-model.ps1", "-WorkPath", dir.Path);
        Assert.True(code == 0, output + err);
        Assert.Contains("  currentModelId\n    gpt-5.4-mini-2026-03-17\n  becomes\n    claude-sonnet-4-5-20250929\n  rollbackModelId\n    gpt-4o-2024-08-06\n  becomes\n    gpt-5.4-mini-2026-03-17", output.Replace("\r", ""));
        Assert.Contains("Refused as expected:\n  RollbackWindowOpen\n", output.Replace("\r", ""));
        Assert.Contains("  Pass RollbackWindowOpen", output);
        Assert.Contains("verified: True", output);
        // No dry run yet: the evidence says so by name, and the promotion does not claim readiness.
        Assert.Contains("Missing for support-router: I verified the rollback action", output);
        Assert.DoesNotContain("READY", output);
        Assert.Contains("PROMOTED in the copy of your ledger: support-router now sends\n  claude-sonnet-4-5-20250929\nwith rollback, kept until 2026-12-08T09:00:00Z,\n  gpt-5.4-mini-2026-03-17", output.Replace("\r", ""));
        // The example gates a copy of its release whose config refs hold the new ID: read, not assumed.
        Assert.Contains("and the example release, its config refs changed to the new ID:\n  " + Path.Combine(dir.Path, "release"), output.Replace("\r", ""));
        Assert.Contains("  Pass DeployedMatchesLedger\n       claude-sonnet-4-5-20250929", output.Replace("\r", ""));
        Assert.Contains("\"Model\": \"claude-sonnet-4-5-20250929\"", File.ReadAllText(Path.Combine(dir.Path, "release", "services", "support-router", "appsettings.json")));
        Assert.Contains("The promoted ledger was written to:\n  " + Path.Combine(dir.Path, "ledger.json"), output.Replace("\r", ""));
        Assert.True(File.Exists(Path.Combine(dir.Path, "CHG-2001", "manifest.json")));
    }
}
