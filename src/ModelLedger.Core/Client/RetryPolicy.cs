using System;

namespace ModelLedger.Client
{
    /// <summary>
    /// Which responses are retried and how long to wait (DESIGN.md): never 400/401/403/404 or other 4xx; 429 with
    /// backoff and jitter, honouring Retry-After; 500/502/503/504/524 with backoff, except a 500 whose code is
    /// <c>invalid_request</c>; connection failures (refused, reset) like a 5xx. DNS failures are not retried.
    /// </summary>
    public sealed class RetryPolicy
    {
        /// <summary>The longest single backoff wait (Retry-After may ask for more, within the total time budget).</summary>
        public static readonly TimeSpan MaximumBackoff = TimeSpan.FromSeconds(30);

        public RetryPolicy(int maximumRetryCount, TimeSpan retryInterval, Random? random = null)
        {
            if (maximumRetryCount < 0) throw new ArgumentOutOfRangeException(nameof(maximumRetryCount));
            if (retryInterval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(retryInterval));
            MaximumRetryCount = maximumRetryCount;
            RetryInterval = retryInterval;
            _random = random ?? new Random();
        }

        private readonly Random _random;

        /// <summary>Retries after the first attempt (as Invoke-RestMethod's -MaximumRetryCount).</summary>
        public int MaximumRetryCount { get; }

        /// <summary>Base of the exponential backoff (as Invoke-RestMethod's -RetryIntervalSec).</summary>
        public TimeSpan RetryInterval { get; }

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
    }
}
