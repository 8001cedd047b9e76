using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Module.Tests;

/// <summary>
/// New-ModelLedger in the hosted engine, on examples/data/platform (a LiteLLM config with two model_name services,
/// a Helm chart charts/ticket-triage, an ASP.NET service services/billing-bot, a compose file with an env_file):
/// the names it gives, what it reports, what it refuses, and the contract that the reviewed draft gates clean.
/// Refs are asserted by what the gate reads back, not by their exact selector text.
/// </summary>
public class NewModelLedgerTests
{
    private static readonly string Snapshot = Repo.File("examples", "data", "models-snapshot.json");

    private static readonly string[] Services = { "billing-bot", "chat-assistant", "doc-summarizer", "report-worker", "search-api", "ticket-triage" };

    private static ScriptRun New(PowerShellHarness ps, string ledger, string repo, string extra = "") =>
        ps.Run($"New-ModelLedger -Path $ledger -RepositoryPath $repo -SnapshotPath $snapshot {extra}",
            new Dictionary<string, object?> { ["ledger"] = ledger, ["repo"] = repo, ["snapshot"] = Snapshot });

    private static string RefPath(string configRef) => configRef.Substring(0, configRef.IndexOf('#'));

    /// <summary>A LedgerEntry read through its properties (this project does not reference the core assembly).</summary>
    private sealed record Entry(string? Service, string? CurrentModelId, string[]? ConfigRefs, string? Owner, string? RollbackModelId, string? UseCase, string? Notes, string? SourcePath)
    {
        public static List<Entry> From(ScriptRun run) => run.Output.Select(o =>
        {
            Assert.Equal("ModelLedger.LedgerEntry", o.BaseObject.GetType().FullName);
            string? P(string name) => o.Properties[name].Value as string;
            return new Entry(P("Service"), P("CurrentModelId"), o.Properties["ConfigRefs"].Value as string[], P("Owner"), P("RollbackModelId"), P("UseCase"), P("Notes"), P("SourcePath"));
        }).ToList();
    }

    [Fact]
    public void NamesEachServiceAsTheRepositoryDoesWithItsCurrentIdAndRefs()
    {
        using var dir = new TempDir();
        var repo = ReleaseTree.Copy(dir, "platform", "repo");
        var ledger = dir.File("ledger.json");
        using var ps = new PowerShellHarness();
        var run = New(ps, ledger, repo, "-PassThru");
        Assert.Empty(run.AllErrors);
        var entries = Entry.From(run);
        Assert.Equal(Services, entries.Select(e => e.Service).ToArray());
        Entry E(string s) => entries.Single(e => e.Service == s);

        // LiteLLM: one service per model_list item, named by model_name, the provider prefix kept as the template.
        Assert.Equal("gpt-5.4-mini-2026-03-17", E("chat-assistant").CurrentModelId);
        Assert.Equal("claude-sonnet-4-5-20250929", E("doc-summarizer").CurrentModelId);
        foreach (var s in new[] { "chat-assistant", "doc-summarizer" })
        {
            var r = Assert.Single(E(s).ConfigRefs!);
            Assert.Equal("deploy/litellm/config.yaml", RefPath(r));
            Assert.EndsWith("#openai/{id}", r);
        }
        Assert.NotEqual(E("chat-assistant").ConfigRefs![0], E("doc-summarizer").ConfigRefs![0]);
        // Helm chart folder, service folder, compose service, compose env_file.
        Assert.Equal(new[] { "charts/ticket-triage/values.yaml#env.TRIAGE_MODEL" }, E("ticket-triage").ConfigRefs);
        Assert.Equal("gpt-4o-2024-08-06", E("ticket-triage").CurrentModelId);
        Assert.Equal(new[] { "services/billing-bot/appsettings.json#Llm.Model" }, E("billing-bot").ConfigRefs);
        Assert.Equal(new[] { "docker-compose.yml#services.search-api.environment.SEARCH_MODEL" }, E("search-api").ConfigRefs);
        Assert.Equal(new[] { "config/report-worker.env#REPORT_MODEL" }, E("report-worker").ConfigRefs);
        Assert.Equal("deepseek-v3.2", E("report-worker").CurrentModelId);

        // The fallback is not the current ID: it goes to the notes for review. Review-only fields stay empty.
        Assert.Contains("gpt-4o-mini-2024-07-18 at charts/ticket-triage/values.yaml#env.TRIAGE_FALLBACK_MODEL", E("ticket-triage").Notes);
        Assert.All(entries, e =>
        {
            Assert.Null(e.Owner);
            Assert.Null(e.RollbackModelId);
            Assert.Null(e.UseCase);
            Assert.Equal(ledger, e.SourcePath);
        });
        // Nothing is named after deploy/ or its folders (the old script's "helm", "litellm", "shared").
        Assert.DoesNotContain(entries, e => e.Service is "deploy" or "litellm" or "shared" or "helm" or "config");
    }

    [Fact]
    public void LedgersAndSnapshotsKeptInTheRepositoryAreNotConfig()
    {
        using var dir = new TempDir();
        var repo = ReleaseTree.Copy(dir, "platform", "repo");
        using var ps = new PowerShellHarness();
        var baseline = New(ps, dir.File("baseline.json"), repo);
        // The reviewed ledger at the root, as the README suggests, and a snapshot saved beside it: both list IDs by design.
        File.Copy(Repo.File("examples", "data", "ledger.json"), Path.Combine(repo, "ledger.json"));
        Directory.CreateDirectory(Path.Combine(repo, "snapshots"));
        File.Copy(Snapshot, Path.Combine(repo, "snapshots", "models-production-20261201-000000.json"));
        File.WriteAllText(Path.Combine(repo, "ledger.csv"), "service,currentModelId,rollbackModelId,owner\nsupport-router,gpt-5.4-mini-2026-03-17,gpt-4o-2024-08-06,platform-ai\n");

        var run = New(ps, dir.File("draft.json"), repo, "-Verbose");
        Assert.Empty(run.AllErrors);
        Assert.Equal(baseline.Warnings.Select(w => w.Message), run.Warnings.Select(w => w.Message));
        Assert.Contains(run.Verbose, v => v.Message.Contains("ledger.json': a ModelLedger ledger, not config."));
        Assert.Contains(run.Verbose, v => v.Message.Contains("ledger.csv': a ModelLedger ledger, not config."));
        Assert.Contains(run.Verbose, v => v.Message.Contains("models-production-20261201-000000.json': a models snapshot, not config."));
        Assert.Equal(File.ReadAllText(dir.File("baseline.json")), File.ReadAllText(dir.File("draft.json")));
    }

    [Fact]
    public void EveryConfigValueNotUsedIsOnVerboseWithItsReasonAndCountedInOneWarning()
    {
        using var dir = new TempDir();
        var repo = ReleaseTree.Copy(dir, "platform", "repo");
        using var ps = new PowerShellHarness();
        var run = New(ps, dir.File("ledger.json"), repo, "-Verbose");
        Assert.Empty(run.AllErrors);
        var warning = Assert.Single(run.Warnings).Message;
        Assert.StartsWith("2 config value(s) holding listed model IDs are not in the draft: 1 other ID(s) of a drafted service", warning);
        Assert.Contains("1 with no service name in the repository", warning);

        var notUsed = run.Verbose.Select(v => v.Message).Where(m => m.StartsWith("Not used: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, notUsed.Count);
        Assert.Contains(notUsed, m => m.Contains(Path.Combine("deploy", "shared", "defaults.json") + ":2 'qwen3-max' (deploy/shared/defaults.json#defaultModel): nothing in the repository names its service"));
        Assert.Contains(notUsed, m => m.Contains("values.yaml:13 'gpt-4o-mini-2024-07-18'") && m.Contains("rollback ID or emergency alternative"));
        // Hits outside config values are listed for review too.
        Assert.Contains(run.Verbose, v => v.Message.StartsWith("Not a config value (review by hand): ", StringComparison.Ordinal) && v.Message.Contains("README.md:4 'gpt-5.1-2025-11-13'"));
        Assert.Contains(run.Verbose, v => v.Message.StartsWith("Drafted 'ticket-triage' (named by Helm chart folder charts/ticket-triage)", StringComparison.Ordinal));
    }

    [Fact]
    public void OtherLayoutsNameServicesFromChartYamlAppsFolderComposeEnvFileAndLiteLlmModelName()
    {
        using var dir = new TempDir();
        var repo = dir.File("repo");
        void Write(string relative, string text)
        {
            var path = Path.Combine(repo, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        // A chart outside charts/ (as deploy/helm/<chart>/ in sofatutor/llm-proxy): the name in Chart.yaml.
        Write("deploy/helm/llm-proxy/Chart.yaml", "apiVersion: v2\nname: llm-proxy\nversion: 1.0.0\n");
        Write("deploy/helm/llm-proxy/values.yaml", "env:\n  PROXY_MODEL: gpt-4.1\n");
        Write("apps/web/src/config/llm.json", "{ \"chatModel\": \"gpt-4o\" }");
        Write("src/services/notifier/settings.yaml", "llm:\n  model: gemini-2.0-flash\n");
        // env_file as one string; a second file named by two services is not guessed.
        Write("compose.yaml", "services:\n  mailer:\n    env_file: env/mailer.env\n  a:\n    env_file: [env/shared.env]\n  b:\n    env_file:\n      - path: env/shared.env\n");
        Write("env/mailer.env", "MAILER_MODEL=qwen3-max\n");
        Write("env/shared.env", "SHARED_MODEL=deepseek-v3.2\n");
        // A LiteLLM model_name that is itself a model ID names the service; it is not sent upstream.
        // A LiteLLM config inside a chart's values (as the LiteLLM Helm chart's proxy_config): the item's model_name wins over the chart.
        Write("charts/litellm/values.yaml", "proxy_config:\n  model_list:\n    - model_name: summarizer\n      litellm_params:\n        model: openai/claude-haiku-4-5-20251001\n");
        Write("gateway/litellm.yaml", "model_list:\n  - model_name: gpt-5.1\n    litellm_params:\n      model: openai/gpt-5.1-2025-11-13\n");

        using var ps = new PowerShellHarness();
        var run = New(ps, dir.File("ledger.csv"), repo, "-PassThru -Verbose -Owner platform-ai");
        Assert.Empty(run.AllErrors);
        var entries = Entry.From(run).ToDictionary(e => e.Service!, e => e);
        Assert.Equal(new[] { "gpt-5.1", "llm-proxy", "mailer", "notifier", "summarizer", "web" }, entries.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal("gpt-4.1", entries["llm-proxy"].CurrentModelId);
        Assert.Equal("gpt-4o", entries["web"].CurrentModelId);
        Assert.Equal("gemini-2.0-flash", entries["notifier"].CurrentModelId);
        Assert.Equal(new[] { "env/mailer.env#MAILER_MODEL" }, entries["mailer"].ConfigRefs);
        Assert.Equal("gpt-5.1-2025-11-13", entries["gpt-5.1"].CurrentModelId);
        Assert.Equal("claude-haiku-4-5-20251001", entries["summarizer"].CurrentModelId);
        Assert.StartsWith("charts/litellm/values.yaml#proxy_config.model_list", Assert.Single(entries["summarizer"].ConfigRefs!));
        Assert.All(entries.Values, e => Assert.Equal("platform-ai", e.Owner));
        Assert.EndsWith(".csv", entries["web"].SourcePath);

        var notUsed = run.Verbose.Select(v => v.Message).Where(m => m.StartsWith("Not used: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(notUsed, m => m.Contains("'deepseek-v3.2'") && m.Contains("the env_file of several compose services (a, b)"));
        Assert.Contains(notUsed, m => m.Contains("'gpt-5.1' (gateway/litellm.yaml#") && m.Contains("the LiteLLM model_name that names service 'gpt-5.1'"));
        Assert.Equal(2, notUsed.Count);
        Assert.Contains("1 LiteLLM model_name(s) used as the service name", Assert.Single(run.Warnings).Message);
    }

    [Fact]
    public void AValueWhoseRefTheGateCannotReadIsNeverWrittenAndIsReported()
    {
        using var dir = new TempDir();
        var repo = dir.File("repo");
        Directory.CreateDirectory(Path.Combine(repo, "services", "dup"));
        Directory.CreateDirectory(Path.Combine(repo, "services", "ok"));
        // "Llm" twice: readers disagree about which one wins, so the gate refuses any key under it.
        File.WriteAllText(Path.Combine(repo, "services", "dup", "appsettings.json"), "{\n  \"Llm\": { \"Model\": \"gpt-4o\" },\n  \"Llm\": { \"TimeoutSeconds\": 30 }\n}\n");
        File.WriteAllText(Path.Combine(repo, "services", "ok", "appsettings.json"), "{ \"Llm\": { \"Model\": \"qwen3-max\" } }\n");
        using var ps = new PowerShellHarness();
        var run = New(ps, dir.File("ledger.json"), repo, "-PassThru -Verbose");
        Assert.Empty(run.AllErrors);
        Assert.Equal(new[] { "ok" }, Entry.From(run).Select(e => e.Service).ToArray());
        // Reported, whichever way the scan sees it: a ref the gate cannot read back, or no ref at all.
        var line = Assert.Single(run.Verbose, v => v.Message.Contains(Path.Combine("dup", "appsettings.json") + ":2 'gpt-4o'")).Message;
        if (line.StartsWith("Not used: ", StringComparison.Ordinal))
        {
            Assert.Contains("the gate cannot read the suggested ref back", line);
            Assert.Contains("sets 'Llm' 2 times", line);
            Assert.Contains("1 whose suggested ref the gate cannot read back", Assert.Single(run.Warnings).Message);
        }
        else
        {
            Assert.StartsWith("Not a config value (review by hand): ", line);
        }
    }

    [Fact]
    public void HostileServiceNamesAreKeptExactInTheLedgerShownEscapedAndMergedAsTheLedgerComparesThem()
    {
        using var dir = new TempDir();
        var repo = dir.File("repo");
        Directory.CreateDirectory(Path.Combine(repo, "gw"));
        Directory.CreateDirectory(Path.Combine(repo, "apps", "web"));
        // A model_name that would start an Azure DevOps logging command if printed raw, and " WEB " beside apps/web/.
        File.WriteAllText(Path.Combine(repo, "gw", "config.yaml"),
            "model_list:\n  - model_name: \"evil\\n##vso[task.setvariable variable=x]1\"\n    litellm_params:\n      model: openai/qwen3-max\n"
            + "  - model_name: \" WEB \"\n    litellm_params:\n      model: openai/gpt-4o\n");
        File.WriteAllText(Path.Combine(repo, "apps", "web", "settings.json"), "{ \"model\": \"gpt-4o\" }");
        using var ps = new PowerShellHarness();
        var ledger = dir.File("ledger.json");
        var run = New(ps, ledger, repo, "-PassThru -Verbose");
        Assert.Empty(run.AllErrors);
        var entries = Entry.From(run);
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.Service == "evil\n##vso[task.setvariable variable=x]1" && e.CurrentModelId == "qwen3-max");
        var web = Assert.Single(entries, e => string.Equals(e.Service, "WEB", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, web.ConfigRefs!.Length);
        var text = run.EverythingAsText();
        Assert.DoesNotContain("\n##vso[", text);
        Assert.Contains(run.Verbose, v => v.Message.Contains("evil\\n#\\u0023vso[task.setvariable"));
        Assert.Equal(2, ps.Run("@(Get-ModelLedger $p).Count", new() { ["p"] = ledger }).Output.Single().BaseObject);
    }

    [Fact]
    public void WhatIfWritesNothingNotEvenTheFolderOrLock()
    {
        using var dir = new TempDir();
        var repo = ReleaseTree.Copy(dir, "platform", "repo");
        var ledger = Path.Combine(dir.Path, "out", "ledger.json");
        using var ps = new PowerShellHarness();
        var run = ps.Render("New-ModelLedger -Path $ledger -RepositoryPath $repo -SnapshotPath $snapshot -WhatIf -PassThru",
            new() { ["ledger"] = ledger, ["repo"] = repo, ["snapshot"] = Snapshot });
        Assert.Empty(run.AllErrors);
        Assert.Contains("What if: Performing the operation \"Create a draft ledger of 6 entries: billing-bot, chat-assistant, doc-summarizer, report-worker, search-api, ticket-triage\"", run.HostText);
        Assert.Empty(run.Output);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void AnExistingLedgerIsRefusedWithoutForceAndReplacedWithIt()
    {
        using var dir = new TempDir();
        var repo = ReleaseTree.Copy(dir, "platform", "repo");
        var reviewed = File.ReadAllText(Repo.File("examples", "data", "ledger.json"));
        var ledger = dir.Write("ledger.json", reviewed);
        using var ps = new PowerShellHarness();

        var refused = ErrorAssert.Single(New(ps, ledger, repo), "LedgerExists", ErrorCategory.ResourceExists);
        Assert.Contains("already exists; nothing was written", refused.Exception.Message);
        Assert.Contains("-Force", refused.Exception.Message);
        Assert.Equal(reviewed, File.ReadAllText(ledger));
        // -WhatIf says so too, before any scan.
        ErrorAssert.Single(New(ps, ledger, repo, "-WhatIf"), "LedgerExists", ErrorCategory.ResourceExists);
        ErrorAssert.Single(New(ps, dir.Path, repo), "LedgerExists", ErrorCategory.ResourceExists);

        var replaced = New(ps, ledger, repo, "-Force -PassThru");
        Assert.Empty(replaced.AllErrors);
        Assert.Equal(Services, Entry.From(replaced).Select(e => e.Service).ToArray());
        Assert.Equal(Services, ps.Run("Get-ModelLedger $p | ForEach-Object Service", new() { ["p"] = ledger }).Output.Select(o => o.ToString()).ToArray());
    }

    [Fact]
    public void TheSnapshotAndTheLedgerSavedInTheRepositoryAreNotTakenForConfig()
    {
        using var dir = new TempDir();
        var repo = ReleaseTree.Copy(dir, "platform", "repo");
        using var ps = new PowerShellHarness();
        var baseline = New(ps, dir.File("outside.json"), repo, "-Verbose -WarningVariable w");
        Assert.Empty(baseline.AllErrors);
        // As the README has it: the snapshot saved at the repository's root, the ledger written there, then a re-run.
        var snapshot = Path.Combine(repo, "models.json");
        File.Copy(Snapshot, snapshot);
        var ledger = Path.Combine(repo, "ledger.json");
        var vars = new Dictionary<string, object?> { ["ledger"] = ledger, ["repo"] = repo, ["snapshot"] = snapshot };
        var first = ps.Run("New-ModelLedger -Path $ledger -RepositoryPath $repo -SnapshotPath $snapshot -Verbose", vars);
        var again = ps.Run("New-ModelLedger -Path $ledger -RepositoryPath $repo -SnapshotPath $snapshot -Verbose -Force", vars);
        foreach (var run in new[] { first, again })
        {
            Assert.Empty(run.AllErrors);
            Assert.Equal(baseline.Warnings.Select(w => w.Message), run.Warnings.Select(w => w.Message));
            Assert.DoesNotContain(run.Verbose, v => v.Message.StartsWith("Not used: ", StringComparison.Ordinal) && (v.Message.Contains("models.json:") || v.Message.Contains("ledger.json:")));
            Assert.Contains(run.Verbose, v => v.Message.EndsWith("models.json': the snapshot this command reads.", StringComparison.Ordinal));
        }
        Assert.Contains(again.Verbose, v => v.Message.EndsWith("ledger.json': the ledger this command writes.", StringComparison.Ordinal));
    }

    [Fact]
    public void PassThruWritesLedgerEntriesAndWithoutItNothing()
    {
        using var dir = new TempDir();
        var repo = ReleaseTree.Copy(dir, "platform", "repo");
        using var ps = new PowerShellHarness();
        var quiet = New(ps, dir.File("a.json"), repo);
        Assert.Empty(quiet.AllErrors);
        Assert.Empty(quiet.Output);
        var types = ps.Run("New-ModelLedger $ledger $repo -Model (Get-CometModel -SnapshotPath $snapshot) -PassThru | ForEach-Object { $_.PSObject.TypeNames[0] }",
            new() { ["ledger"] = dir.File("b.json"), ["repo"] = repo, ["snapshot"] = Snapshot });
        Assert.Empty(types.AllErrors);
        Assert.Equal(Enumerable.Repeat("ModelLedger.LedgerEntry", 6), types.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void ARepositoryPathThatIsAFileOrMissingIsScanPathNotFound()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var file = ErrorAssert.Single(New(ps, dir.File("l.json"), Snapshot), "ScanPathNotFound", ErrorCategory.InvalidArgument);
        Assert.Contains("is a file, not a folder", file.Exception.Message);
        ErrorAssert.Single(New(ps, dir.File("l.json"), dir.File("no-such-repo")), "ScanPathNotFound", ErrorCategory.ObjectNotFound);
        Assert.False(File.Exists(dir.File("l.json")));
    }

    [Fact]
    public void TheDraftGatesCleanWithConfigRootOnTheSameTreeOnceTheReviewFieldsAreFilled()
    {
        using var dir = new TempDir();
        var repo = ReleaseTree.Copy(dir, "platform", "repo");
        var ledger = dir.File("ledger.json");
        using var ps = new PowerShellHarness();
        Assert.Empty(New(ps, ledger, repo).AllErrors);
        var vars = new Dictionary<string, object?> { ["ledger"] = ledger, ["repo"] = repo, ["snapshot"] = Snapshot };
        const string gate = "Test-ModelLedger -Path $ledger -SnapshotPath $snapshot -ConfigRoot $repo -AsOf '2026-11-24T09:00:00Z'";

        // The bare draft: every ref already reads back; the gate names what a human must still decide.
        var draft = ps.Run(gate, vars);
        Assert.Empty(draft.AllErrors);
        var fails = draft.Output.Where(f => f.Properties["Status"].Value.ToString() == "Fail").ToList();
        Assert.Equal(Services.SelectMany(s => new[] { s + " LedgerEntryComplete", s + " RollbackModelAvailable", s + " RollbackModelDefined" }).OrderBy(x => x, StringComparer.Ordinal),
            fails.Select(f => $"{f.Properties["Service"].Value} {f.Properties["Check"].Value}").OrderBy(x => x, StringComparer.Ordinal));
        Assert.All(fails.Where(f => f.Properties["Check"].Value.ToString() == "LedgerEntryComplete"), f => Assert.Contains("owner", f.Properties["Message"].Value.ToString()));

        var fill = ps.Run("""
            foreach ($e in Get-ModelLedger $ledger) {
                $rollback = if ($e.CurrentModelId -eq 'gpt-4o-2024-08-06') { 'gpt-4o-mini-2024-07-18' } else { 'gpt-4o-2024-08-06' }
                Set-ModelLedgerEntry $ledger -Service $e.Service -Owner platform-ai -RollbackModelId $rollback -UseCase 'reviewed' -ValidationMethod 'models snapshot' -ChangeRef CHG-1 -SnapshotPath $snapshot
            }
            """, vars);
        Assert.Empty(fill.AllErrors);

        var reviewed = ps.Run(gate, vars);
        Assert.Empty(reviewed.AllErrors);
        Assert.DoesNotContain(reviewed.Output, f => f.Properties["Status"].Value.ToString() == "Fail");
        var deployed = reviewed.Output.Where(f => f.Properties["Check"].Value.ToString() == "DeployedMatchesLedger").ToList();
        Assert.Equal(Services, deployed.Select(f => f.Properties["Service"].Value.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray());
        Assert.All(deployed, f =>
        {
            Assert.Equal("Pass", f.Properties["Status"].Value.ToString());
            Assert.StartsWith(repo, f.Properties["Location"].Value.ToString());
        });
        Assert.True((bool)ps.Run(gate + " -Quiet", vars).Output.Single().BaseObject);
    }
}
