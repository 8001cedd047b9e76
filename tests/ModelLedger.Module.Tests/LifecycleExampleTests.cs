using System.IO;

namespace ModelLedger.Module.Tests
{
    /// <summary>examples/bootstrap-ledger.ps1 and examples/promote-model.ps1 under real pwsh, output redirected, offline.</summary>
    public class LifecycleExampleTests
    {
        [Fact]
        public void BootstrapBuildsALedgerFromTheExampleRepository()
        {
            using var dir = new TempDir();
            var ledger = dir.File("ledger.json");
            var (code, output, err) = RealPwsh.Example("examples/bootstrap-ledger.ps1", "-OutputPath", ledger);
            Assert.True(code == 0, output + err);
            Assert.Contains("Wrote 3 entries to", output);
            Assert.Contains("support-router: current gpt-5.4-mini-2026-03-17; refs: deploy/litellm/config.yaml#model_list.0.litellm_params.model#openai/{id}, deploy/support-router/appsettings.json#Llm.Model", output);
            Assert.Contains("search-summarizer: current gemini-2.5-flash; refs: deploy/search-summarizer/.env#SUMMARY_MODEL", output);
            Assert.Contains("src/router/client.py:4 gpt-4o", output);
            Assert.Contains("\"configRefs\": [\"deploy/search-summarizer/.env#SUMMARY_MODEL\"]", File.ReadAllText(ledger));
        }

        [Fact]
        public void PromotionRunsEndToEndAndRefusesASecondChangeInsideTheWindow()
        {
            using var dir = new TempDir();
            var (code, output, err) = RealPwsh.Example("examples/promote-model.ps1", "-WorkPath", dir.Path);
            Assert.True(code == 0, output + err);
            Assert.Contains("  currentModelId\n    gpt-5.4-mini-2026-03-17\n  becomes\n    claude-sonnet-4-5-20250929\n  rollbackModelId\n    gpt-4o-2024-08-06\n  becomes\n    gpt-5.4-mini-2026-03-17", output.Replace("\r", ""));
            Assert.Contains("Refused as expected:\n  RollbackWindowOpen,", output.Replace("\r", ""));
            Assert.Contains("  Pass RollbackWindowOpen", output);
            Assert.Contains("verified: True", output);
            // No dry run yet: the evidence says so by name, and the promotion does not claim readiness.
            Assert.Contains("Missing for support-router: I verified the rollback action", output);
            Assert.DoesNotContain("READY", output);
            Assert.Contains("PROMOTED: support-router now sends\n  claude-sonnet-4-5-20250929\nwith rollback, kept until 2026-12-08T09:00:00Z,\n  gpt-5.4-mini-2026-03-17", output.Replace("\r", ""));
            Assert.True(File.Exists(Path.Combine(dir.Path, "CHG-2001", "manifest.json")));
        }
    }
}
