using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Snapshots;

namespace ModelLedger.Client;

/// <summary>One successful read of the models list (from the endpoint or the session cache).</summary>
internal sealed class ModelListResult
{
    public ModelListResult(ModelCapture capture, IReadOnlyList<CometModel> models, IReadOnlyList<KeyValuePair<string, int>> duplicates, int attempts)
    {
        Capture = capture;
        _models = models;
        Duplicates = duplicates;
        Attempts = attempts;
    }

    private readonly IReadOnlyList<CometModel> _models;

    /// <summary>Where, when and (unlabelled here: the caller labels it) with what the list was captured.</summary>
    public ModelCapture Capture { get; }

    /// <summary>The endpoint URL, without credentials or query.</summary>
    public string Source => Capture.Source ?? "";

    public DateTimeOffset CapturedAt => Capture.CapturedAt ?? default;

    /// <summary>Lower-case hex SHA-256 of the raw response body.</summary>
    public string ResponseSha256 => Capture.ResponseSha256 ?? "";

    public IReadOnlyList<KeyValuePair<string, int>> Duplicates { get; }

    /// <summary>HTTP attempts it took (1 when the first answer was good).</summary>
    public int Attempts { get; }

    /// <summary>True when this result came from the session cache instead of a request.</summary>
    public bool FromCache { get; init; }

    public int Count => _models.Count;

    /// <summary>
    /// Fresh copies of the models (so a caller's changes never reach the cache), in response order, all sharing one
    /// capture record labelled with <paramref name="credentialLabel"/>.
    /// </summary>
    public List<CometModel> CopyModels(string? credentialLabel = null)
    {
        var capture = Capture.WithCredentialLabel(credentialLabel);
        return _models.Select(m => m.CopyWith(capture)).ToList();
    }

    public IEnumerable<string> Ids => _models.Select(m => m.Id);

    public ModelListResult AsCached() => new(Capture, _models, Duplicates, Attempts) { FromCache = true };

    public ModelSnapshot ToSnapshot(string? credentialLabel)
    {
        var snapshot = new ModelSnapshot
        {
            CapturedAt = CapturedAt,
            Source = Source,
            CredentialLabel = credentialLabel,
            ResponseSha256 = Capture.ResponseSha256,
        };
        // The snapshot is serialized and dropped at once, so it can share the (never modified) cached instances.
        snapshot.Models.AddRange(_models);
        return snapshot;
    }
}
