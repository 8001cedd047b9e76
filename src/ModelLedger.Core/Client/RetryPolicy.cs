using System;
using System.Net.Http.Headers;

namespace ModelLedger.Client;

/// <summary>What the retry loop does after a failed attempt: retry after <see cref="Wait"/>, or stop (and why).</summary>
internal sealed class RetryDecision
{
    public bool Retry { get; init; }

    public TimeSpan Wait { get; init; }

    /// <summary>When stopping early because of the time limit: the sentence that says so; otherwise null.</summary>
    public string? StopNote { get; init; }
}

/// <summary>
/// Which failures are retried and how long to wait: never 400/401/403/404 or other 4xx; 429 with backoff and
/// jitter, honouring Retry-After; 500/502/503/504/524 with backoff, except a 500 whose code is
/// <c>invalid_request</c>; connection failures (refused, reset) like a 5xx. DNS failures are not retried.
/// Attempts are bounded by -MaximumRetryCount and, with the waits, by the total time limit (-TimeoutSec).
/// </summary>
internal sealed class RetryPolicy
{
    /// <summary>The longest single backoff wait (Retry-After may ask for more, within the total time budget).</summary>
    public static readonly TimeSpan MaximumBackoff = TimeSpan.FromSeconds(30);

    public RetryPolicy(int maximumRetryCount, TimeSpan retryInterval, Random? random = null, TimeSpan? timeLimit = null)
    {
        if (maximumRetryCount < 0) throw new ArgumentOutOfRangeException(nameof(maximumRetryCount));
        if (retryInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(retryInterval));
        MaximumRetryCount = maximumRetryCount;
        RetryInterval = retryInterval;
        TimeLimit = timeLimit is { } t && t > TimeSpan.Zero ? t : null;
        _random = random ?? new Random();
    }

    private readonly Random _random;

    /// <summary>Retries after the first attempt (as Invoke-RestMethod's -MaximumRetryCount).</summary>
    public int MaximumRetryCount { get; }

    public int MaximumAttempts => MaximumRetryCount + 1;

    /// <summary>Base of the exponential backoff (as Invoke-RestMethod's -RetryIntervalSec).</summary>
    public TimeSpan RetryInterval { get; }

    /// <summary>Total time for all attempts and waits; null: no limit.</summary>
    public TimeSpan? TimeLimit { get; }

    public static bool IsRetryableStatus(int status, string? apiErrorCode) => status switch
    {
        429 => true,
        500 => !string.Equals(apiErrorCode, "invalid_request", StringComparison.Ordinal),
        502 or 503 or 504 or 524 => true,
        _ => false,
    };

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1-based): RetryInterval * 2^(retry-1), with
    /// ±25 % jitter, capped at <see cref="MaximumBackoff"/>; never shorter than the server's Retry-After.
    /// </summary>
    public TimeSpan Backoff(int retry, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(retry - 1, 0), 16);
        double seconds = RetryInterval.TotalSeconds * Math.Pow(2, exponent);
        double jitter;
        lock (_random) jitter = 0.75 + _random.NextDouble() * 0.5;
        seconds = Math.Min(seconds * jitter, MaximumBackoff.TotalSeconds);
        var wait = TimeSpan.FromSeconds(seconds);
        if (retryAfter is { } ra && ra > wait) wait = ra;
        return wait;
    }

    /// <summary>
    /// After attempt <paramref name="attempt"/> failed: retry (after how long) or stop. Stops when the failure is
    /// not retryable, when the attempts are used up, or when the wait would end past the time limit
    /// (<paramref name="elapsed"/> is the time since the first attempt started).
    /// </summary>
    public RetryDecision Decide(int attempt, bool retryable, TimeSpan? retryAfter, TimeSpan elapsed)
    {
        if (!retryable || attempt >= MaximumAttempts) return new RetryDecision { Retry = false };
        var wait = Backoff(attempt, retryAfter);
        if (TimeLimit is { } limit && elapsed + wait >= limit)
            return new RetryDecision
            {
                Retry = false,
                Wait = wait,
                StopNote = $"Waiting {wait.TotalSeconds:0.#} s for another attempt would pass the {limit.TotalSeconds:0.#} s limit (-TimeoutSec).",
            };
        return new RetryDecision { Retry = true, Wait = wait };
    }

    /// <summary>The server's Retry-After as a wait from <paramref name="now"/> (seconds or an HTTP date; never negative).</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header == null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
