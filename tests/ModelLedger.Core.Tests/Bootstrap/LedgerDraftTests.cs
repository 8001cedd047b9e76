using System.IO;
using System.Linq;
using ModelLedger.Bootstrap;
using ModelLedger.Config;
using ModelLedger.References;

namespace ModelLedger.Core.Tests.Bootstrap;

/// <summary>Which ID a drafted service gets as its current one when its config holds several, and where the others go.</summary>
public class LedgerDraftTests
{
    private static readonly string[] Ids = { "gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "qwen3-max" };

    private static LedgerDraft Draft(TempFiles t, string json)
    {
        var folder = Path.Combine(t.Dir, "services", "svc");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), json);
        var files = RepositoryFiles.Under(t.Dir).ToList();
        var scanner = new ReferenceScanner(Ids, null);
        var references = files.SelectMany(f => scanner.Scan(f, t.Dir).ToList()).ToList();
        return LedgerDraft.Build(t.Dir, references, new ServiceNamer(t.Dir, files), owner: null);
    }

    [Theory]
    // A fallback key is named like a model key but is not the current one, even when it comes first.
    [InlineData("{ \"FallbackModel\": \"gpt-4o-mini-2024-07-18\", \"Model\": \"gpt-4o-2024-08-06\" }", "gpt-4o-mini-2024-07-18")]
    [InlineData("{ \"Previous\": \"gpt-4o-mini-2024-07-18\", \"ChatModel\": \"gpt-4o-2024-08-06\" }", "gpt-4o-mini-2024-07-18")]
    [InlineData("{ \"a\": { \"model_id\": \"gpt-4o-2024-08-06\" }, \"backup_model\": \"gpt-4o-mini-2024-07-18\" }", "gpt-4o-mini-2024-07-18")]
    // No model key at all: the ID most values hold, then the first found.
    [InlineData("{ \"x\": \"gpt-4o-mini-2024-07-18\", \"y\": \"gpt-4o-2024-08-06\", \"z\": \"gpt-4o-2024-08-06\" }", "gpt-4o-mini-2024-07-18")]
    public void TheCurrentIdIsTheOneTheModelKeysHoldAndTheOthersAreReported(string json, string other)
    {
        using var t = new TempFiles();
        var draft = Draft(t, json);
        var entry = Assert.Single(draft.Entries).Entry;
        Assert.Equal("svc", entry.Service);
        Assert.Equal("gpt-4o-2024-08-06", entry.CurrentModelId);
        Assert.All(entry.ConfigRefs!, r => Assert.StartsWith("services/svc/appsettings.json#", r));
        var unused = Assert.Single(draft.Unused);
        Assert.Equal(UnusedKind.OtherModelId, unused.Kind);
        Assert.Equal(other, unused.Reference.ModelId);
        Assert.Contains(other, entry.Notes);
    }

    [Theory]
    [InlineData("litellm_params.model", true)]
    [InlineData("Llm.Model", true)]
    [InlineData("env.SUMMARY_MODEL", true)]
    [InlineData("llm.modelId", true)]
    [InlineData("llm.fallbackModel", false)]
    [InlineData("env.TRIAGE_FALLBACK_MODEL", false)]
    [InlineData("rollback_model", false)]
    [InlineData("Llm.Fallback", false)]
    [InlineData("models.0", false)]
    public void ModelKeysAreNamedLikeAModelAndNotLikeAFallback(string key, bool expected) =>
        Assert.Equal(expected, LedgerDraft.IsModelKey(ConfigKeyPath.Parse(key)));

    [Fact]
    public void ValuesNamingTheSameServiceInAnyCaseBecomeOneEntry()
    {
        using var t = new TempFiles();
        Directory.CreateDirectory(Path.Combine(t.Dir, "gateway"));
        File.WriteAllText(Path.Combine(t.Dir, "gateway", "config.yaml"), "model_list:\n  - model_name: SVC\n    litellm_params:\n      model: openai/gpt-4o-2024-08-06\n");
        var draft = Draft(t, "{ \"Llm\": { \"Model\": \"gpt-4o-2024-08-06\" } }");
        var entry = Assert.Single(draft.Entries).Entry;
        Assert.Equal(2, entry.ConfigRefs!.Length);
        Assert.Empty(draft.Unused);
    }

    [Fact]
    public void ARefTheGateCannotReadBackIsNeverWrittenAndSaysWhy()
    {
        // The scan reads its refs back itself; the draft checks again with the gate's reader, so a ref from any
        // source (a scanner bug, a file changed between scan and draft) never reaches the ledger.
        using var t = new TempFiles();
        Draft(t, "{ \"Llm\": { \"Model\": \"gpt-4o-2024-08-06\" } }");
        var file = Path.Combine(t.Dir, "services", "svc", "appsettings.json");
        var stale = new ModelReference { Path = file, Line = 1, Column = 1, ModelId = "gpt-4o-2024-08-06", ConfigRef = "services/svc/appsettings.json#Llm.Chat" };
        var wrongId = new ModelReference { Path = file, Line = 1, Column = 1, ModelId = "qwen3-max", ConfigRef = "services/svc/appsettings.json#Llm.Model" };
        var draft = LedgerDraft.Build(t.Dir, new[] { stale, wrongId }, new ServiceNamer(t.Dir, RepositoryFiles.Under(t.Dir)), owner: null);
        Assert.Empty(draft.Entries);
        Assert.Equal(2, draft.Unused.Count);
        Assert.All(draft.Unused, u => Assert.Equal(UnusedKind.NotReadBack, u.Kind));
        Assert.Contains("has no 'Chat'", draft.Unused[0].Reason);
        Assert.Contains("'Llm.Model' holds 'gpt-4o-2024-08-06' but the ledger's current ID is 'qwen3-max'", draft.Unused[1].Reason);
    }
}
