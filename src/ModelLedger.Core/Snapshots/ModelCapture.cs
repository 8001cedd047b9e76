using System;

namespace ModelLedger;

/// <summary>
/// The facts about one capture of the models list (where from, when, with which class of credential, the hash of
/// what the service sent), held once and shared by every model of that capture, so they travel with the models
/// whichever way the models arrive: a live call, the session cache or a snapshot file.
/// </summary>
public sealed class ModelCapture
{
    public ModelCapture(string? source, DateTimeOffset? capturedAt, string? credentialLabel = null, string? responseSha256 = null)
    {
        Source = source;
        CapturedAt = capturedAt;
        CredentialLabel = credentialLabel;
        ResponseSha256 = responseSha256;
    }

    /// <summary>Where the models came from: the endpoint URL (no credentials) or the snapshot file.</summary>
    public string? Source { get; }

    /// <summary>When the list was captured (UTC).</summary>
    public DateTimeOffset? CapturedAt { get; }

    /// <summary>Which credential class listed the models ("production", "personal"...), when the capture was labelled.</summary>
    public string? CredentialLabel { get; }

    /// <summary>Lower-case hex SHA-256 of the raw response body, when known.</summary>
    public string? ResponseSha256 { get; }

    public ModelCapture WithSource(string? source) => new(source, CapturedAt, CredentialLabel, ResponseSha256);

    public ModelCapture WithCapturedAt(DateTimeOffset? capturedAt) => new(Source, capturedAt, CredentialLabel, ResponseSha256);

    public ModelCapture WithCredentialLabel(string? label) => new(Source, CapturedAt, label, ResponseSha256);

    public static readonly ModelCapture Unknown = new(null, null);

    public override string ToString() =>
        $"{Source ?? "unknown source"}{(CapturedAt is { } at ? " at " + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : "")}{(CredentialLabel != null ? $" ({CredentialLabel})" : "")}";
}
