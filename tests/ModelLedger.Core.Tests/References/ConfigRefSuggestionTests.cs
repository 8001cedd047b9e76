using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLedger.Config;
using ModelLedger.Gate;
using ModelLedger.References;
using ModelLedger.Snapshots;

namespace ModelLedger.Core.Tests.References;

/// <summary>
/// The refs Find-ModelReference suggests (ModelReference.ConfigRef) come from Config/'s reading of the file and
/// read back through the gate: one per item of issue 21's "what a user hits", and a round trip over a tree shaped
/// like real repositories.
/// </summary>
public class ConfigRefSuggestionTests
{
    private static readonly string[] Ids =
    {
        "gpt-4o", "gpt-4o-mini", "gpt-5", "gpt-5.4-mini", "claude-sonnet-4", "gemini-2.5-flash", "o3", "text-embedding-3-small",
    };

    // Every hit in the file: (line, ID, ref).
    private static List<(int Line, string Id, string? Ref)> Scan(string name, string content)
    {
        using var t = new TempFiles();
        var path = Path.Combine(t.Dir, name.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return new ReferenceScanner(Ids, null).Scan(path, t.Dir).Select(r => (r.Line, r.ModelId, r.ConfigRef)).ToList();
    }

    private static string?[] Refs(string name, string content) => Scan(name, content).Select(h => h.Ref).ToArray();

    [Fact]
    public void LiteLlmItemsAreSelectedByModelNameNotPosition()
    {
        // Shaped like LiteLLM's proxy config (BerriAI/litellm proxy/example_config_yaml): entries added later must not move a ref.
        var refs = Refs("proxy/config.yaml",
            "model_list:\n" +
            "  - model_name: writer\n" +
            "    litellm_params:\n" +
            "      model: openai/gpt-4o\n" +
            "  - model_name: summarizer\n" +
            "    litellm_params:\n" +
            "      model: \"anthropic/claude-sonnet-4\"\n");
        Assert.Equal(new[]
        {
            "proxy/config.yaml#model_list[model_name=writer].litellm_params.model#openai/{id}",
            "proxy/config.yaml#model_list[model_name=summarizer].litellm_params.model#anthropic/{id}",
        }, refs);
    }

    [Fact]
    public void TheSelectorIsTheFirstUniqueFieldAndNeverTheValueItself()
    {
        var refs = Refs("m.yaml",
            "models:\n" +
            "  - model_name: shared\n    name: first\n    model: gpt-4o\n" +      // model_name not unique: name
            "  - model_name: shared\n    name: second\n    model: gpt-5\n" +
            "  - model_name: o3\n    model: gpt-4o-mini\n" +                     // the ID is the model_name: no selector by itself
            "  - title: t\n    model: gemini-2.5-flash\n" +                    // title is unique
            "  - model: claude-sonnet-4\n");                                   // nothing names it: its position
        Assert.Equal(new[]
        {
            "m.yaml#models[name=first].model",
            "m.yaml#models[name=second].model",
            "m.yaml#models.2.model_name",
            "m.yaml#models[model_name=o3].model",
            "m.yaml#models[title=t].model",
            "m.yaml#models.4.model",
        }, refs);
    }

    [Fact]
    public void BareScalarListItemsGetTheirIndex()
    {
        // Shaped like LibreChat's librechat.yaml endpoints (danny-avila/LibreChat librechat.example.yaml) and aider's settings.
        var refs = Refs("librechat.yaml",
            "endpoints:\n  custom:\n    - name: comet\n      models:\n        default:\n          - gpt-4o\n          - \"gpt-5\"\n        fetch: false\n" +
            "flow: [o3, 'gpt-4o-mini']\n");
        Assert.Equal(new[]
        {
            "librechat.yaml#endpoints.custom[name=comet].models.default.0",
            "librechat.yaml#endpoints.custom[name=comet].models.default.1",
            "librechat.yaml#flow.0",
            "librechat.yaml#flow.1",
        }, refs);
    }

    [Fact]
    public void KeysThatNeedQuotesAreWrittenSoTheyReadBack()
    {
        Assert.Equal(new[] { "m.yaml#models.\"a=b\"", "m.yaml#models.\"7\"" }, Refs("m.yaml", "models:\n  a=b: gpt-4o\n  \"7\": gpt-5\n"));
        Assert.Equal(new[] { "m.json#models.\"a\\\\b.c\"", "m.json#models.\"7\"", "m.json#models.\"x#y\"" },
            Refs("m.json", "{ \"models\": { \"a\\\\b.c\": \"gpt-4o\", \"7\": \"gpt-5\", \"x#y\": \"o3\" } }"));
    }

    [Fact]
    public void NoRefIsMadeFromInsideABlockScalarOrMultiLineString()
    {
        // A ConfigMap holding a whole LiteLLM config as a folded scalar (shaped like a Helm chart's configmap values):
        // nothing inside is a key of this file.
        var hits = Scan("values.yaml",
            "envVars: >\n  { \"id\": \"gpt-4o\",\n    \"model\": \"gpt-5\" }\n" +
            "note: uses o3\n  for everything\n" +
            "exact: |-\n  gpt-4o-mini\n" +
            "kept: |\n  gemini-2.5-flash\n");
        Assert.Equal(new (int, string, string?)[]
        {
            (2, "gpt-4o", null), (3, "gpt-5", null), (4, "o3", null),
            (7, "gpt-4o-mini", "values.yaml#exact"),   // the whole value is the ID
            (9, "gemini-2.5-flash", null),              // the value is the ID and a line break
        }, hits);
    }

    [Fact]
    public void AnchorsAliasesMergeKeysAndDuplicatesGetRefsOnlyWhereTheValueIsWritten()
    {
        var refs = Refs("values.yaml",
            "defaults: &d\n  model: gpt-4o\nsvc:\n  <<: *d\n  other: *d\none: &m gpt-5\ntwo: *m\n" +
            "dup: o3\ndup: gpt-4o-mini\n");
        Assert.Equal(new string?[] { "values.yaml#defaults.model", "values.yaml#one", null, null }, refs);
    }

    [Fact]
    public void JsonWithCommentsEscapesAndArraysReadsBack()
    {
        var refs = Refs("appsettings.json",
            "{\n  // ASP.NET\n  \"Llm\": { \"Model\": \"openai\\/gpt-4o\", \"Note\": \"use gpt-5 here\", \"Items\": [ { \"id\": \"a\", \"m\": \"o3\" }, \"gpt-4o-mini\" ], },\n}\n");
        Assert.Equal(new string?[] { "appsettings.json#Llm.Model#openai/{id}", null, "appsettings.json#Llm.Items[id=a].m", "appsettings.json#Llm.Items.1" }, refs);
    }

    [Fact]
    public void ItemsOfNestedAndMixedListsAreCountedAsTheResolverCountsThem()
    {
        // The line-based reader miscounted items after an object or a nested array (m.json#models.7, m.yaml#models.0 "holds a mapping").
        Assert.Equal(new[] { "m.json#models[id=a].m", "m.json#models.1.1", "m.json#models.2" },
            Refs("m.json", "{\"models\": [ {\"id\": \"a\", \"m\": \"o3\"}, [ \"x\", \"gpt-5\" ], \"gpt-4o\" ]}"));
        Assert.Equal(new[] { "m.yaml#models[name=a].model", "m.yaml#models.1.0", "m.yaml#models.2" },
            Refs("m.yaml", "models:\n  - { name: a, model: gpt-4o }\n  - - gpt-5\n  - o3\n"));
    }

    [Fact]
    public void HitsAfterABomAndMultiByteTextMapToTheirScalar()
    {
        // The scan counts characters, Config/ counts bytes: a BOM, accents and a surrogate pair before the hit must not shift it.
        const string bom = "\uFEFF";
        Assert.Equal(new[] { "m.yaml#café 😀.model", "m.yaml#café 😀.ünï#openai/{id}" },
            Refs("m.yaml", bom + "# ünïcödé 😀\n\"café 😀\":\n  model: gpt-4o\n  ünï: \"openai/gpt-5\"\n"));
        Assert.Equal(new[] { "m.json#ключ", "m.json#list.0" },
            Refs("m.json", bom + "{ \"ключ\": \"o3\", /* 😀 */ \"list\": [\"gpt-4o-mini\"] }"));
    }

    [Fact]
    public void DotEnvRefsNameTheVariableAndSkipOnesDefinedTwice()
    {
        Assert.Equal(new string?[] { "deploy/.env#MODEL", null, null, "deploy/.env#Q" },
            Refs("deploy/.env", "export MODEL=gpt-4o\nTWICE=gpt-5\nTWICE=gpt-5\nQ='gpt-4o-mini' # quoted\n"));
    }

    [Fact]
    public void SeveralDocumentsAreIndexed()
    {
        Assert.Equal(new[] { "k8s.yaml@0#data.MODEL", "k8s.yaml@1#spec.model" },
            Refs("k8s.yaml", "kind: ConfigMap\ndata:\n  MODEL: gpt-4o\n---\nkind: X\nspec:\n  model: gpt-5\n"));
    }

    [Fact]
    public void ARootLevelListIsSelectedWhenTheGrammarReadsARootSelector()
    {
        // Shaped like aider's model-settings.yml (Aider-AI/aider aider/resources/model-settings.yml): a list at the root.
        var refs = Refs("model-settings.yml", "- name: gpt-4o\n  weak_model_name: gpt-4o-mini\n- name: o3\n  editor_model_name: gpt-5\n");
        var rootSelector = ReadsRootSelector();
        Assert.Equal(new[]
        {
            "model-settings.yml#0.name",
            rootSelector ? "model-settings.yml#[name=gpt-4o].weak_model_name" : "model-settings.yml#0.weak_model_name",
            "model-settings.yml#1.name",
            rootSelector ? "model-settings.yml#[name=o3].editor_model_name" : "model-settings.yml#1.editor_model_name",
        }, refs);
    }

    private static bool ReadsRootSelector()
    {
        try { ConfigKeyPath.Parse("[name=x].y"); return true; }
        catch (ModelLedgerException) { return false; }
    }

    [Fact]
    public void EverySuggestedRefPassesTheGateOnTheIdItWasFoundFor()
    {
        using var t = new TempFiles();
        var root = Path.Combine(t.Dir, "repo");
        foreach (var (name, content) in RealisticTree)
        {
            var path = Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
        var scanner = new ReferenceScanner(Ids, null);
        var hits = RepositoryFiles.Under(root).SelectMany(f => scanner.Scan(f, root)).ToList();
        var suggested = hits.Where(h => h.ConfigRef != null).ToList();
        // Not vacuous: most config hits get a ref, and every format gives some.
        Assert.True(suggested.Count >= 30, $"only {suggested.Count} refs of {hits.Count} hits");
        foreach (var ext in new[] { ".yaml#", ".yml#", ".yaml@", ".json#", ".jsonc#", ".env#" })
            Assert.Contains(suggested, h => h.ConfigRef!.Contains(ext));
        // Without a ref: prose inside block scalars, and code.
        Assert.Equal(new[] { "charts/ticket-triage/values.yaml:7", "charts/ticket-triage/values.yaml:7", "deploy/litellm/config.yaml:18", "src/app.py:1" },
            hits.Where(h => h.ConfigRef == null).Select(h => Path.GetRelativePath(root, h.Path).Replace('\\', '/') + ":" + h.Line).OrderBy(s => s, StringComparer.Ordinal));

        var entries = suggested.Select((h, i) => new LedgerEntry
        {
            Service = "svc" + i, CurrentModelId = h.ModelId, RollbackModelId = "rollback", Owner = "o", UseCase = "u",
            ValidationMethod = "v", ChangeRef = "c", ConfigRefs = new[] { h.ConfigRef! },
        }).ToArray();
        var config = new ReleaseCheckout(root);
        var gate = new GateEvaluator(ModelSnapshot.FromModels(Ids.Select(id => new CometModel { Id = id }).ToList(), DateTimeOffset.UtcNow),
            new GateOptions { ReleaseCheckout = config });
        config.Register(entries);
        var failed = entries.SelectMany(gate.Evaluate)
            .Where(f => f.Check == CheckNames.DeployedMatchesLedger && f.Status != FindingStatus.Pass)
            .Select(f => $"{f.Service}: {f.Message}").ToList();
        Assert.Empty(failed);
    }

    // Small files in the shape of real ones (written for this test; origins noted).
    private static readonly (string Name, string Content)[] RealisticTree =
    {
        // BerriAI/litellm proxy config: model_list with provider prefixes, anchors for shared params.
        ("deploy/litellm/config.yaml",
            "x-params: &params\n  api_base: https://api.example.invalid/v1\n  rpm: 60\n" +
            "model_list:\n" +
            "  - model_name: chat-assistant\n    litellm_params:\n      <<: *params\n      model: openai/gpt-4o\n" +
            "  - model_name: doc-summarizer\n    litellm_params: { model: 'openai/gpt-4o-mini', <<: *params }\n" +
            "  - model_name: embeddings\n    litellm_params:\n      model: \"openai/text-embedding-3-small\"\n" +
            "router_settings:\n  fallbacks: [{ chat-assistant: [doc-summarizer] }]\n" +
            "general_settings:\n  note: >\n    route gpt-5 through\n    the writer\n"),
        // A Helm chart's values.yaml (bitnami-style): nested maps, a block scalar, flow lists, comments.
        ("charts/ticket-triage/values.yaml",
            "image:\n  tag: \"1.2.3\"\nllm:\n  model: gpt-5   # pinned\n  fallbacks: [gpt-4o, \"o3\"]\n" +
            "  systemPrompt: |\n    You are gpt-5. Never mention o3.\n  exact: |-\n    claude-sonnet-4\n" +
            "env:\n  - name: MODEL\n    value: gemini-2.5-flash\n  - name: EMBEDDINGS\n    value: text-embedding-3-small\n"),
        // A rendered manifest (kubectl apply -f): several documents.
        ("deploy/k8s/app.yaml",
            "apiVersion: v1\nkind: ConfigMap\ndata:\n  MODEL: gpt-4o\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n" +
            "      containers:\n        - name: app\n          env:\n            - name: LLM_MODEL\n              value: gpt-5.4-mini\n"),
        // ASP.NET appsettings.json and a .jsonc with comments and trailing commas.
        ("services/billing-bot/appsettings.json",
            "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"OpenAI\": { \"Model\": \"gpt-4o-mini\", \"Deployments\": { \"chat.v2\": \"gpt-5\" } },\n" +
            "  \"Models\": [ \"o3\", \"claude-sonnet-4\" ]\n}\n"),
        ("services/billing-bot/appsettings.Development.jsonc",
            "{\n  // local override\n  \"OpenAI\": {\n    \"Model\": \"openai/gpt-4o\", /* dev */\n    \"Fallback\": \"gemini-2.5-flash\",\n  },\n}\n"),
        // compose .env files.
        ("deploy/compose/.env", "# compose\nCHAT_MODEL=gpt-4o\nexport SUMMARY_MODEL=\"gpt-4o-mini\"\nEMBED='text-embedding-3-small'\n"),
        ("deploy/compose/prod.env", "CHAT_MODEL=gpt-5 # prod\n"),
        // aider's model-settings.yml: a list at the root.
        ("config/model-settings.yml", "- name: gpt-4o\n  weak_model_name: gpt-4o-mini\n- name: o3\n  editor_model_name: gpt-5\n"),
        // LibreChat's librechat.yaml: a bare list of model IDs.
        ("librechat.yaml", "endpoints:\n  custom:\n    - name: comet\n      models:\n        default: [gpt-4o, gpt-5]\n        extra:\n          - claude-sonnet-4\n"),
        // Keys that need quoting.
        ("deploy/odd.yaml", "models:\n  a=b: gpt-4o\n  \"7\": o3\n  'x.y': gpt-5\n  \"q\\\"k\": gemini-2.5-flash\n"),
        ("deploy/odd.json", "{ \"models\": { \"a\\\\b.c\": \"gpt-4o\", \"7\": \"o3\", \"[x]\": \"gpt-5\", \"\": \"claude-sonnet-4\" } }"),
        // Code is scanned, never given a ref.
        ("src/app.py", "MODEL = \"gpt-4o\"\n"),
    };
}
