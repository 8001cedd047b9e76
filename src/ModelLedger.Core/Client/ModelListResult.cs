using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Snapshots;

namespace ModelLedger.Client
{
    /// <summary>One successful read of the models list (from the endpoint or the session cache).</summary>
    public sealed class ModelListResult
    {
        public ModelListResult(string source, DateTimeOffset capturedAt, string responseSha256, IReadOnlyList<CometModel> models, IReadOnlyList<KeyValuePair<string, int>> duplicates, int attempts)
        {
            Source = source;
            CapturedAt = capturedAt;
            ResponseSha256 = responseSha256;
            _models = models;
            Duplicates = duplicates;
            Attempts = attempts;
        }

        private readonly IReadOnlyList<CometModel> _models;

        /// <summary>The endpoint URL, without credentials or query.</summary>
        public string Source { get; }

        public DateTimeOffset CapturedAt { get; }

        /// <summary>Lower-case hex SHA-256 of the raw response body.</summary>
        public string ResponseSha256 { get; }

        public IReadOnlyList<KeyValuePair<string, int>> Duplicates { get; }

        /// <summary>HTTP attempts it took (1 when the first answer was good).</summary>
        public int Attempts { get; }

        /// <summary>True when this result came from the session cache instead of a request.</summary>
        public bool FromCache { get; init; }

        public int Count => _models.Count;

        /// <summary>Fresh copies of the models (so a caller's changes never reach the cache), in response order.</summary>
        public List<CometModel> CopyModels() => _models.Select(m => new CometModel
        {
            Id = m.Id,
            OwnedBy = m.OwnedBy,
            Created = m.Created,
            Object = m.Object,
            Source = Source,
            CapturedAt = CapturedAt,
        }).ToList();

        public IEnumerable<string> Ids => _models.Select(m => m.Id);

        public ModelListResult AsCached() => new(Source, CapturedAt, ResponseSha256, _models, Duplicates, Attempts) { FromCache = true };

        public ModelSnapshot ToSnapshot(string? credentialLabel)
        {
            var snapshot = new ModelSnapshot
            {
                CapturedAt = CapturedAt,
                Source = Source,
                CredentialLabel = credentialLabel,
                ResponseSha256 = ResponseSha256,
            };
            // The snapshot is serialized and dropped at once, so it can share the (never modified) cached instances.
            snapshot.Models.AddRange(_models);
            return snapshot;
        }
    }
}
