using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLedger.Gate;
using ModelLedger.Snapshots;
using static ModelLedger.Core.Tests.Config.RealConfigs;

namespace ModelLedger.Core.Tests.Config;

/// <summary>DeployedMatchesLedger and RollbackOwner judged from release files (GateEvaluator with a ReleaseCheckout).</summary>
public class ReleaseConfigGateTests
{
    private const string LiteLlmRef = "deploy/litellm/config.yaml#model_list[model_name=report-writer].litellm_params.model#openai/{id}";

    private static string Tree(TempFiles t, string folder, Dictionary<string, string> files)
    {
        var root = Path.Combine(t.Dir, folder);
        foreach (var kv in files)
        {
            var path = Path.Combine(root, kv.Key.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, kv.Value);
        }
        return root;
    }

    private static Dictionary<string, string> Release(string? liteLlm = null, string? env = null) => new()
    {
        ["deploy/litellm/config.yaml"] = liteLlm ?? LiteLlm,
        ["deploy/compose/.env"] = env ?? ComposeEnv,
        ["services/router/appsettings.json"] = AppSettings,
    };

    private static LedgerEntry Entry(string service, string current, string rollback, params string[] refs) => new()
    {
        Service = service, CurrentModelId = current, RollbackModelId = rollback, Owner = "o", UseCase = "u",
        ValidationMethod = "v", ChangeRef = "c", ConfigRefs = refs,
    };

    private static List<LedgerFinding> Gate(ReleaseCheckout config, params LedgerEntry[] entries)
    {
        var gate = new GateEvaluator(ModelSnapshot.FromModels(new[] { new CometModel { Id = "gpt-5.1-2025-11-13" } }, DateTimeOffset.UtcNow),
            new GateOptions { ReleaseCheckout = config });
        config.Register(entries);
        return entries.SelectMany(gate.Evaluate).ToList();
    }

    [Fact]
    public void EveryRefHoldingTheCurrentIdPassesNamingFilesAndLines()
    {
        using var t = new TempFiles();
        var root = Tree(t, "release", Release());
        var findings = Gate(new ReleaseCheckout(root), Entry("report-writer", "gpt-5.1-2025-11-13", "gpt-4.1-2025-04-14", LiteLlmRef, "deploy/compose/.env#REPORT_WRITER_MODEL"));
        var deployed = Assert.Single(findings, f => f.Check == CheckNames.DeployedMatchesLedger);
        Assert.Equal(FindingStatus.Pass, deployed.Status);
        Assert.Contains("deploy/litellm/config.yaml line 5, deploy/compose/.env line 4", deployed.Message);
        Assert.Equal(Path.Combine(root, "deploy", "litellm", "config.yaml") + ":5", deployed.Location);
    }

    [Fact]
    public void ANearMissInTheYamlFailsWithItsLocationAndHint()
    {
        using var t = new TempFiles();
        var root = Tree(t, "release", Release(liteLlm: LiteLlm.Replace("openai/gpt-5.1-2025-11-13", "openai/gpt-5.1")));
        var findings = Gate(new ReleaseCheckout(root), Entry("report-writer", "gpt-5.1-2025-11-13", "gpt-4.1-2025-04-14", LiteLlmRef, "deploy/compose/.env#REPORT_WRITER_MODEL"));
        var fail = Assert.Single(findings, f => f.Check == CheckNames.DeployedMatchesLedger);
        Assert.Equal(FindingStatus.Fail, fail.Status);
        Assert.Equal("gpt-5.1", fail.ModelId);
        Assert.EndsWith("config.yaml:5", fail.Location);
        Assert.Contains("near miss", fail.Message);
        Assert.Contains("'gpt-5.1'", fail.Message);
    }

    public static TheoryData<string, string, string> BrokenRefs => new()
    {
        { "deploy/litellm/missing.yaml#a", "has no file 'deploy/litellm/missing.yaml'", "missing.yaml" },
        { "deploy/litellm/config.yaml#model_list[model_name=nobody].litellm_params.model", "has no key", "config.yaml:2" },
        { "deploy/litellm/config.yaml#model_list[model_name=report-writer].litellm_params", "holds a mapping, not a model ID string", "config.yaml:4" },
        { "deploy/litellm/config.yaml#model_list[model_name=report-writer].litellm_params.model#azure/{id}", "does not fit the template 'azure/{id}'", "config.yaml:5" },
        { "deploy/compose/.env#TAGGER_MODEL", "but the ledger's current ID is", ".env:5" },
        { "services/router/appsettings.json#Llm.Chat.TimeoutSeconds", "holds a number", "appsettings.json:6" },
        { "app.toml#x", "is not valid", "" },
    };

    [Theory]
    [MemberData(nameof(BrokenRefs))]
    public void ABrokenRefIsAFailNamingWhereItLooked(string reference, string expected, string location)
    {
        using var t = new TempFiles();
        var root = Tree(t, "release", Release());
        var fail = Assert.Single(Gate(new ReleaseCheckout(root), Entry("report-writer", "gpt-5.1-2025-11-13", "gpt-4.1-2025-04-14", reference)),
            f => f.Check == CheckNames.DeployedMatchesLedger);
        Assert.Equal(FindingStatus.Fail, fail.Status);
        Assert.Contains(expected, fail.Message);
        if (location.Length > 0) Assert.EndsWith(location, fail.Location);
        else Assert.Null(fail.Location);
    }

    [Fact]
    public void AnEntryWithoutRefsWarnsThatTheGateCannotSeeTheRelease()
    {
        using var t = new TempFiles();
        var warn = Assert.Single(Gate(new ReleaseCheckout(Tree(t, "release", Release())), Entry("svc", "gpt-5.1-2025-11-13", "x")),
            f => f.Check == CheckNames.DeployedMatchesLedger);
        Assert.Equal(FindingStatus.Warn, warn.Status);
        Assert.Contains("no configRefs", warn.Message);
    }

    [Fact]
    public void AModelChangeWithOtherChangesInTheFileNeedsARollbackOwnerAndListsThem()
    {
        using var t = new TempFiles();
        var baseline = Tree(t, "baseline", Release(liteLlm: LiteLlm.Replace("openai/gpt-5.1-2025-11-13", "openai/gpt-4.1-2025-04-14").Replace("simple-shuffle", "least-busy")));
        var release = Tree(t, "release", Release());
        var entry = Entry("report-writer", "gpt-5.1-2025-11-13", "gpt-4.1-2025-04-14", LiteLlmRef);
        var other = Entry("search-summarizer", "gemini-2.5-flash", "gemini-2.0-flash-001", "deploy/litellm/config.yaml#model_list[model_name=search-summarizer].litellm_params.model#openai/{id}");
        var owner = Assert.Single(Gate(new ReleaseCheckout(release, baseline), entry, other), f => f.Service == "report-writer" && f.Check == CheckNames.RollbackOwner);
        Assert.Equal(FindingStatus.Fail, owner.Status);
        Assert.Contains("deploy/litellm/config.yaml: router_settings.routing_strategy", owner.Message);
        Assert.DoesNotContain("litellm_params.model", owner.Message);

        entry.RollbackOwner = "sre-oncall";
        var withOwner = Assert.Single(Gate(new ReleaseCheckout(release, baseline), entry, other), f => f.Service == "report-writer" && f.Check == CheckNames.RollbackOwner);
        Assert.Equal(FindingStatus.Pass, withOwner.Status);
        Assert.Contains("router_settings.routing_strategy", withOwner.Message);
    }

    [Fact]
    public void AModelChangeAloneOrAnotherServicesModelChangeIsNotARoutingChange()
    {
        using var t = new TempFiles();
        // Both services' IDs change in the shared LiteLLM file, nothing else does.
        var baseline = Tree(t, "baseline", Release(liteLlm: LiteLlm.Replace("openai/gpt-5.1-2025-11-13", "openai/gpt-4.1-2025-04-14").Replace("openai/gemini-2.5-flash", "openai/gemini-2.0-flash-001")));
        var release = Tree(t, "release", Release());
        var entry = Entry("report-writer", "gpt-5.1-2025-11-13", "gpt-4.1-2025-04-14", LiteLlmRef);
        var other = Entry("search-summarizer", "gemini-2.5-flash", "gemini-2.0-flash-001", "deploy/litellm/config.yaml#model_list[model_name=search-summarizer].litellm_params.model#openai/{id}");
        var owners = Gate(new ReleaseCheckout(release, baseline), entry, other).Where(f => f.Check == CheckNames.RollbackOwner).ToList();
        Assert.All(owners, f => Assert.Equal(FindingStatus.Pass, f.Status));
        Assert.All(owners, f => Assert.Contains("no rollback owner is required", f.Message));
    }

    [Fact]
    public void HostileConfigValuesStayDataInMessages()
    {
        using var t = new TempFiles();
        var root = Tree(t, "release", Release(env: "M=\"x\\n##vso[task.setvariable variable=secret]1 `whoami`\"\n"));
        var fail = Assert.Single(Gate(new ReleaseCheckout(root), Entry("svc", "gpt-5.1-2025-11-13", "x", "deploy/compose/.env#M")), f => f.Check == CheckNames.DeployedMatchesLedger);
        Assert.Equal(FindingStatus.Fail, fail.Status);
        Assert.DoesNotContain("\n", fail.Message);
        Assert.Contains("x\\n##vso[", fail.Message);
        var line = Assert.Single(FindingReport.AzureDevOpsIssues(new[] { fail }));
        Assert.StartsWith("##vso[task.logissue type=error;code=DeployedMatchesLedger;sourcepath=", line);
        Assert.Contains(";linenumber=1]", line);
        Assert.Equal(1, line.Split("##vso[").Length - 1 - (line.Split("x\\n##vso[").Length - 1));
    }

    [Fact]
    public void ALookAlikeIdInAConfigIsANamedNearMiss()
    {
        using var t = new TempFiles();
        // A zero-width space after the shipped ID: it prints exactly like the ledger's.
        var root = Tree(t, "release", Release(env: "M=gpt-5.1-2025-11-13\u200B\n"));
        var fail = Assert.Single(Gate(new ReleaseCheckout(root), Entry("svc", "gpt-5.1-2025-11-13", "x", "deploy/compose/.env#M")), f => f.Check == CheckNames.DeployedMatchesLedger);
        Assert.Equal(FindingStatus.Fail, fail.Status);
        Assert.Contains("A near miss of the ledger's current ID (case, whitespace, a version suffix or look-alike characters)", fail.Message);
        Assert.Contains(@"holds characters outside printable ASCII: \u200B ZERO WIDTH SPACE (character 19).", fail.Message);
    }

    // Issue 22 item 7: services sharing one LiteLLM config used to cost a scan of the whole model_list per selector
    // (and per baseline comparison). Each file is parsed once and each list indexed once, so the work is linear.
    [Fact]
    public void ServicesSharingOneFileParseItOnceAndIndexItsListOnce()
    {
        const int services = 2_000;
        using var t = new TempFiles();
        string Yaml(bool baseline)
        {
            var sb = new System.Text.StringBuilder("model_list:\n");
            for (var i = 0; i < services; i++)
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - model_name: svc-{i}\n    litellm_params:\n      model: openai/{(baseline && i % 10 == 0 ? "m-old" : "m-new")}\n      api_key: os.environ/KEY\n");
            return sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"router_settings:\n  routing_strategy: {(baseline ? "least-busy" : "simple-shuffle")}\n").ToString();
        }
        var root = Tree(t, "release", new() { ["config.yaml"] = Yaml(false) });
        var baselineRoot = Tree(t, "baseline", new() { ["config.yaml"] = Yaml(true) });
        var entries = Enumerable.Range(0, services)
            .Select(i => Entry($"svc-{i}", "m-new", "m-old", $"config.yaml#model_list[model_name=svc-{i}].litellm_params.model#openai/{{id}}")).ToArray();
        var config = new ReleaseCheckout(root, baselineRoot);
        var gate = new GateEvaluator(ModelSnapshot.FromModels(new[] { new CometModel { Id = "m-new" }, new CometModel { Id = "m-old" } }, DateTimeOffset.UtcNow),
            new GateOptions { ReleaseCheckout = config });
        config.Register(entries);
        var findings = entries.SelectMany(gate.Evaluate).ToList();

        Assert.Equal(services, findings.Count(f => f.Check == CheckNames.DeployedMatchesLedger && f.Status == FindingStatus.Pass));
        // Every 10th service changed its model beside a routing change in the same file: the baseline was compared.
        var routing = findings.Where(f => f.Check == CheckNames.RollbackOwner && f.Message.Contains("config.yaml: router_settings.routing_strategy")).ToList();
        Assert.Equal(services / 10, routing.Count);
        Assert.Equal(1, config.ReleaseFiles.Loads);
        Assert.Equal(1, config.BaselineFiles!.Loads);
        // Per file: the top level, the list, and each item's own two small mappings (about 6 per service);
        // a scan per selector would be services * services / 2 = 2,000,000.
        Assert.InRange(config.ReleaseFiles.IndexWork, services, 8 * services);
        Assert.InRange(config.BaselineFiles.IndexWork, services, 8 * services);
    }
}
