using System;
using System.IO;
using System.Text.Json;

namespace ModelLedger.Benchmarks;

/// <summary>
/// Deterministic, realistic inputs: ledgers of N services and CometAPI-shaped model lists of M models, with the
/// lookalikes real catalogues have (aliases beside dated IDs, case variants, version suffixes). The same
/// (size, seed) always gives the same bytes, so runs compare.
/// </summary>
public static class DataGenerator
{
    private static readonly string[] Families =
    {
        "gpt-5.4-mini", "gpt-5.1", "gpt-4.1", "gpt-4o", "gpt-4o-mini", "claude-haiku-4-5", "claude-sonnet-4-5",
        "gemini-2.5-flash", "gemini-2.0-flash", "deepseek-v3.2", "qwen3-max", "grok-4", "llama-4-maverick",
    };

    private static readonly string[] Owners = { "openai", "anthropic", "google", "deepseek", "alibaba", "xai", "meta", "custom" };

    /// <summary>The i-th model ID of the catalogue: "family-vN-yyyy-mm-dd" style, unique per i.</summary>
    public static string ModelId(int i)
    {
        var family = Families[i % Families.Length];
        var variant = i / Families.Length;
        var date = new DateTime(2024, 1, 1).AddDays(variant % 900);
        return $"{family}-v{variant}-{date:yyyy-MM-dd}";
    }

    /// <summary>A models-endpoint body of <paramref name="models"/> records in CometAPI's shape.</summary>
    public static byte[] ModelListResponse(int models, int seed = 1)
    {
        var random = new Random(seed);
        using var buffer = new MemoryStream(models * 160);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteStartArray("data");
            for (var i = 0; i < models; i++)
            {
                w.WriteStartObject();
                // Every 10th record is the undated alias of a dated ID, and every 97th a case variant: lookalikes a gate must not confuse.
                var id = i % 10 == 9 ? AliasOf(ModelId(i - 1)) : i % 97 == 96 ? ModelId(i - 1).ToUpperInvariant() : ModelId(i);
                w.WriteString("id", id);
                w.WriteString("object", "model");
                w.WriteNumber("created", 1626777600); // CometAPI sends one placeholder for every model
                w.WriteString("owned_by", Owners[random.Next(Owners.Length)]);
                w.WriteStartArray("supported_endpoint_types");
                w.WriteStringValue("openai");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("object", "list");
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A ledger of <paramref name="services"/> entries whose IDs are drawn from a catalogue of <paramref name="catalogueSize"/> models; about 2% reference an ID the catalogue lacks.</summary>
    public static byte[] Ledger(int services, int catalogueSize, int seed = 2)
    {
        var random = new Random(seed);
        using var buffer = new MemoryStream(services * 400);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteStartArray("entries");
            for (var s = 0; s < services; s++)
            {
                w.WriteStartObject();
                w.WriteString("service", $"service-{s:D6}");
                w.WriteString("useCase", "Generated workload " + s % 17);
                w.WriteString("currentModelId", PickPresent(random, catalogueSize));
                w.WriteString("rollbackModelId", random.Next(50) == 0 ? "retired-" + ModelId(random.Next(catalogueSize)) : PickPresent(random, catalogueSize));
                if (random.Next(3) == 0) w.WriteNull("emergencyAlternative"); else w.WriteString("emergencyAlternative", PickPresent(random, catalogueSize));
                w.WriteString("owner", "team-" + s % 40);
                w.WriteString("rollbackOwner", "sre-" + s % 7);
                w.WriteString("lastValidated", "2026-11-20T10:00:00Z");
                w.WriteString("validationMethod", "models snapshot");
                w.WriteString("changeRef", "CHG-" + (10000 + s));
                w.WriteString("notes", "generated");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string PickPresent(Random random, int catalogueSize)
    {
        // Only indexes whose record is the plain dated ID (not an alias or case variant slot).
        while (true)
        {
            var i = random.Next(catalogueSize);
            if (i % 10 != 9 && i % 97 != 96) return ModelId(i);
        }
    }

    private static string AliasOf(string datedId) => datedId.Substring(0, datedId.Length - 11);

    public static string WriteTemp(string folder, string name, byte[] content)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
