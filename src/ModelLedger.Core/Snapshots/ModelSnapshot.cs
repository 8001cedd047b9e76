using System;
using System.Collections.Generic;

namespace ModelLedger.Snapshots;

/// <summary>
/// The release artifact of one models-endpoint call: which IDs were visible, when, from where and with which
/// class of credential. It never holds a key.
/// </summary>
internal sealed class ModelSnapshot
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public DateTimeOffset CapturedAt { get; set; }

    /// <summary>The endpoint URL without credentials or query.</summary>
    public string Source { get; set; } = "";

    /// <summary>Which credential class was used ("production", "personal"...): the runbook's failure mode "works with a personal key".</summary>
    public string? CredentialLabel { get; set; }

    /// <summary>Lower-case hex SHA-256 of the raw response body, so the snapshot can be tied to what the service sent.</summary>
    public string? ResponseSha256 { get; set; }

    public List<CometModel> Models { get; set; } = new();

    /// <summary>Gives every model one shared capture record holding this snapshot's facts, with <paramref name="modelSource"/> as where they came from.</summary>
    public void ShareCapture(string? modelSource)
    {
        var capture = new ModelCapture(modelSource, CapturedAt, CredentialLabel, ResponseSha256);
        foreach (var m in Models) m.Capture = capture;
    }

    /// <summary>The file this snapshot was read from, when it was read from one.</summary>
    public string? FilePath { get; set; }
}
