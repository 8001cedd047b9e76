using System;
using System.Collections.Generic;
using System.Linq;

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

    /// <summary>
    /// A snapshot view of CometModel objects (from Get-CometModel or a pipeline), built from their captures: captured
    /// at the oldest capture time among them (the conservative choice for freshness), labelled when they all share
    /// one label, from the first source named.
    /// </summary>
    public static ModelSnapshot FromModels(IReadOnlyCollection<CometModel> models, DateTimeOffset fallbackCapturedAt)
    {
        var captures = models.Select(m => m.Capture ?? ModelCapture.Unknown).Distinct().ToList();
        var captured = captures.Where(c => c.CapturedAt != null).Select(c => c.CapturedAt!.Value).DefaultIfEmpty(fallbackCapturedAt).Min();
        var labels = captures.Select(c => c.CredentialLabel).Distinct().ToList();
        var hashes = captures.Select(c => c.ResponseSha256).Distinct().ToList();
        return new ModelSnapshot
        {
            CapturedAt = captured,
            Source = captures.Select(c => c.Source).FirstOrDefault(s => s != null) ?? "-Model objects",
            CredentialLabel = labels.Count == 1 ? labels[0] : null,
            ResponseSha256 = hashes.Count == 1 ? hashes[0] : null,
            Models = models.ToList(),
        };
    }
}
