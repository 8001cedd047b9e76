using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.DryRun;

/// <summary>
/// The record a dry run leaves next to the config before it changes anything: the original bytes and what the
/// switched file looks like. While it exists the config may be switched; the next run (or -Recover) uses it to put
/// the original bytes back, even after the process was killed.
/// </summary>
internal sealed class DryRunJournal
{
    public const string Suffix = ".dryrun-journal.json";
    private const int SchemaVersion = 1;

    public string ConfigPath { get; set; } = "";
    public string? Service { get; set; }
    public string? ConfigKey { get; set; }
    public string? ForwardModelId { get; set; }
    public string? RollbackModelId { get; set; }
    public byte[] OriginalBytes { get; set; } = Array.Empty<byte>();
    public string OriginalSha256 { get; set; } = "";
    public string SwitchedSha256 { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public int ProcessId { get; set; }
    public string? MachineName { get; set; }

    public static string PathFor(string configPath) => configPath + Suffix;

    public void Write()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("purpose", "Invoke-RollbackDryRun journal: the config's original bytes. Delete only after the config holds them again.");
            json.WriteString("configPath", ConfigPath);
            json.WriteString("service", Service);
            json.WriteString("configKey", ConfigKey);
            json.WriteString("forwardModelId", ForwardModelId);
            json.WriteString("rollbackModelId", RollbackModelId);
            json.WriteString("startedAt", StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("processId", ProcessId);
            json.WriteString("machineName", MachineName);
            json.WriteString("originalSha256", OriginalSha256);
            json.WriteString("switchedSha256", SwitchedSha256);
            json.WriteBase64String("originalBytes", OriginalBytes);
            json.WriteEndObject();
        }
        // It holds the config's bytes: readable by its writer only, never more readable than the config.
        AtomicFile.WriteAllBytes(PathFor(ConfigPath), buffer.ToArray(), UnixPermissions.OwnerOnly);
    }

    /// <summary>The journal for <paramref name="configPath"/>, or null when there is none.</summary>
    public static DryRunJournal? TryRead(string configPath)
    {
        var path = PathFor(configPath);
        byte[] raw;
        try
        {
            if (!File.Exists(path)) return null;
            raw = InputFile.ReadAllBytes(path, InputLimits.Journal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw JournalInvalid(path, configPath, $"could not be read: {ex.Message}", ex);
        }
        try
        {
            using var doc = JsonDocument.Parse(raw);
            var root = doc.RootElement;
            var journal = new DryRunJournal
            {
                ConfigPath = configPath,
                Service = Text(root, "service"),
                ConfigKey = Text(root, "configKey"),
                ForwardModelId = Text(root, "forwardModelId"),
                RollbackModelId = Text(root, "rollbackModelId"),
                OriginalSha256 = Text(root, "originalSha256") ?? "",
                SwitchedSha256 = Text(root, "switchedSha256") ?? "",
                OriginalBytes = root.GetProperty("originalBytes").GetBytesFromBase64(),
                StartedAt = DateTimeOffset.Parse(Text(root, "startedAt") ?? "", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
                ProcessId = root.TryGetProperty("processId", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : 0,
                MachineName = Text(root, "machineName"),
            };
            if (Sha256Hex.Of(journal.OriginalBytes) != journal.OriginalSha256)
                throw JournalInvalid(path, configPath, "holds original bytes whose SHA-256 does not match its own record", null);
            return journal;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw JournalInvalid(path, configPath, "is not a readable dry-run journal", ex);
        }
    }

    public void Delete() => AtomicFile.TryDelete(PathFor(ConfigPath));

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static ModelLedgerException JournalInvalid(string journalPath, string configPath, string problem, Exception? inner) =>
        DryRunErrors.JournalInvalid(journalPath, configPath, problem, inner);
}
