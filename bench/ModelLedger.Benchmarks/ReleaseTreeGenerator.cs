using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ModelLedger.Ledger;

namespace ModelLedger.Benchmarks;

/// <summary>
/// A release tree for the -ConfigRoot benchmark: every service has two config refs, 2,000 refs for 1,000 services.
/// The first ref is a LiteLLM proxy config (10 services per config.yaml, selected by model_name, template
/// openai/{id}); the second is an ASP.NET appsettings.json (even services, one file each) or a compose .env
/// (odd services, 10 variables per file). Deterministic: it derives from DataGenerator's ledger.
/// </summary>
public static class ReleaseTreeGenerator
{
    /// <summary>Writes the ledger with configRefs and the release tree; with a change interval above 0 a baseline tree where every Nth service still ships its rollback ID and its LiteLLM file routes differently.</summary>
    public static (string Ledger, string Root, string Baseline) Write(string work, int services, int catalogueSize)
    {
        var source = DataGenerator.WriteTemp(work, "release-ledger-source.json", DataGenerator.Ledger(services, catalogueSize));
        var entries = LedgerReader.ReadFile(source).ToList();
        var root = Path.Combine(work, "release");
        var baseline = Path.Combine(work, "release-baseline");
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var group = i / 10;
            var second = i % 2 == 0
                ? $"services/{e.Service}/appsettings.json#Llm.Chat.Model"
                : $"deploy/compose-{i / 20:D3}/.env#{Variable(e.Service!)}";
            e.ConfigRefs = new[] { $"deploy/litellm-{group:D3}/config.yaml#model_list[model_name={e.Service}].litellm_params.model#openai/{{id}}", second };
        }
        WriteTree(root, entries, changeEvery: 0);
        WriteTree(baseline, entries, changeEvery: 10);
        return (WriteLedger(work, entries), root, baseline);
    }

    private static void WriteTree(string root, IReadOnlyList<LedgerEntry> entries, int changeEvery)
    {
        string Id(int i) => changeEvery > 0 && i % changeEvery == 0 ? entries[i].RollbackModelId! : entries[i].CurrentModelId!;
        for (var group = 0; group * 10 < entries.Count; group++)
        {
            var yaml = new StringBuilder("# LiteLLM proxy, generated\nmodel_list:\n");
            for (var i = group * 10; i < Math.Min(entries.Count, group * 10 + 10); i++)
                yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - model_name: {entries[i].Service}\n    litellm_params:\n      model: openai/{Id(i)}\n      api_base: https://api.cometapi.com/v1\n      api_key: os.environ/COMETAPI_API_KEY\n");
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"router_settings:\n  routing_strategy: {(changeEvery > 0 ? "least-busy" : "simple-shuffle")}\n  num_retries: 2\n");
            Write(root, $"deploy/litellm-{group:D3}/config.yaml", yaml.ToString());
        }
        for (var i = 0; i < entries.Count; i += 2)
            Write(root, $"services/{entries[i].Service}/appsettings.json",
                "{\n  // generated\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", } },\n  \"Llm\": { \"Chat\": { \"Model\": \"" + Id(i) + "\", \"TimeoutSeconds\": 30, }, },\n}\n");
        for (var file = 0; file * 20 < entries.Count; file++)
        {
            var env = new StringBuilder("# compose, generated\nCOMPOSE_PROJECT_NAME=batch\n");
            for (var i = file * 20 + 1; i < Math.Min(entries.Count, file * 20 + 20); i += 2)
                env.Append(System.Globalization.CultureInfo.InvariantCulture, $"export {Variable(entries[i].Service!)}=\"{Id(i)}\"\n");
            Write(root, $"deploy/compose-{file:D3}/.env", env.ToString());
        }
    }

    private static string Variable(string service) => service.Replace('-', '_').ToUpperInvariant() + "_MODEL";

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string WriteLedger(string work, IReadOnlyList<LedgerEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteStartArray("entries");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("service", e.Service);
                w.WriteString("useCase", e.UseCase);
                w.WriteString("currentModelId", e.CurrentModelId);
                w.WriteString("rollbackModelId", e.RollbackModelId);
                w.WriteString("emergencyAlternative", e.EmergencyAlternative);
                w.WriteString("owner", e.Owner);
                w.WriteString("rollbackOwner", e.RollbackOwner);
                w.WriteString("lastValidated", "2026-11-20T10:00:00Z");
                w.WriteString("validationMethod", e.ValidationMethod);
                w.WriteString("changeRef", e.ChangeRef);
                w.WriteStartArray("configRefs");
                foreach (var r in e.ConfigRefs!) w.WriteStringValue(r);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return DataGenerator.WriteTemp(work, "release-ledger.json", buffer.ToArray());
    }
}
