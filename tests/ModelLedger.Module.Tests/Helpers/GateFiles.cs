using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModelLedger.Module.Tests;

/// <summary>Writes small ledgers and snapshots for gate tests.</summary>
public static class GateFiles
{
    public static Dictionary<string, object?> Entry(string service, string? current, string? rollback, string? emergency = null,
        string? owner = "team", string? rollbackOwner = "sre", string? useCase = "use", string? method = "snapshot", string? changeRef = "CHG-1") => new()
    {
        ["service"] = service, ["currentModelId"] = current, ["rollbackModelId"] = rollback, ["emergencyAlternative"] = emergency,
        ["owner"] = owner, ["rollbackOwner"] = rollbackOwner, ["useCase"] = useCase, ["validationMethod"] = method, ["changeRef"] = changeRef,
    };

    public static string Ledger(TempDir dir, params Dictionary<string, object?>[] entries) =>
        dir.Write("ledger-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".json",
            JsonSerializer.Serialize(new Dictionary<string, object> { ["schemaVersion"] = 1, ["entries"] = entries }));

    public static string Snapshot(TempDir dir, IEnumerable<string> ids, DateTimeOffset? capturedAt = null, string? label = "production", bool metadata = true) =>
        dir.Write("snapshot-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".json", JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["schemaVersion"] = 1,
            ["capturedAt"] = (capturedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["source"] = "https://api.cometapi.com/v1/models",
            ["credentialLabel"] = label,
            ["responseSha256"] = new string('0', 64),
            ["models"] = ids.Select(id => metadata
                ? new Dictionary<string, object?> { ["id"] = id, ["ownedBy"] = "openai", ["created"] = 1626777600, ["object"] = "model" }
                : new Dictionary<string, object?> { ["id"] = id }).ToList(),
        }));
}
