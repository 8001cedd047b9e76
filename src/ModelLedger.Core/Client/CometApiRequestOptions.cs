using System;

namespace ModelLedger.Client;

/// <summary>What one Get-CometModel call asks of the client.</summary>
internal sealed class CometApiRequestOptions
{
    /// <summary>The API root (the client adds /v1/models). Null or empty: <see cref="ModelsEndpoint.DefaultBaseUri"/>.</summary>
    public string? BaseUri { get; set; }

    /// <summary>The key. Only the request-building code reads it; every message passes through a scrubber that knows it.</summary>
    public string? ApiKey { get; set; }

    public int MaximumRetryCount { get; set; } = 3;

    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Total time for all attempts and waits; null or zero: no limit.</summary>
    public TimeSpan? Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body read; a bigger one fails clearly instead of filling memory.</summary>
    public long MaximumResponseBytes { get; set; } = DefaultMaximumResponseBytes;

    /// <summary>64 MiB: a 100,000-model list is about 12 MB, so this leaves room without letting a wrong URL fill memory.</summary>
    public const long DefaultMaximumResponseBytes = 64L * 1024 * 1024;

    public bool UseCache { get; set; } = true;

    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>A retry the client is about to wait for (for progress display).</summary>
internal sealed class RetryWait
{
    public int NextAttempt { get; init; }
    public int MaximumAttempts { get; init; }
    public TimeSpan Wait { get; init; }
    public string Reason { get; init; } = "";
}
