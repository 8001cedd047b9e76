using System;
using System.Net.Http.Headers;
using ModelLedger.Client;

namespace ModelLedger.Core.Tests.Client;

public class RetryPolicyTests
{
    [Theory]
    [InlineData(0.0, 0.75)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.999999, 1.25)]
    public void BackoffDoublesFromTheRetryIntervalWithAQuarterJitterEitherWay(double random, double factor)
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(2), new FixedRandom(random));
        for (var retry = 1; retry <= 3; retry++)
        {
            var expected = 2 * Math.Pow(2, retry - 1) * factor;
            Assert.Equal(expected, policy.Backoff(retry, null).TotalSeconds, 3);
        }
    }

    [Fact]
    public void BackoffIsCappedButRetryAfterMayAskForMore()
    {
        var policy = new RetryPolicy(20, TimeSpan.FromSeconds(10), new FixedRandom(0.999999));
        Assert.Equal(RetryPolicy.MaximumBackoff, policy.Backoff(10, null));
        Assert.Equal(TimeSpan.FromSeconds(90), policy.Backoff(10, TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public void RetryAfterIsAFloorNeverACeiling()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1), new FixedRandom(0.5));
        Assert.Equal(TimeSpan.FromSeconds(7), policy.Backoff(1, TimeSpan.FromSeconds(7)));   // longer than the 1 s backoff: Retry-After wins
        Assert.Equal(TimeSpan.FromSeconds(4), policy.Backoff(3, TimeSpan.FromSeconds(1)));   // shorter: the 4 s backoff stays
    }

    [Fact]
    public void RetryAfterReadsSecondsAndHttpDatesAgainstTheGivenClock()
    {
        var now = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(12), RetryPolicy.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(12)), now));
        Assert.Equal(TimeSpan.FromSeconds(42), RetryPolicy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(42)), now));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-5)), now));
        Assert.Null(RetryPolicy.RetryAfter(null, now));
    }

    [Theory]
    [InlineData(400, null, false)]
    [InlineData(401, null, false)]
    [InlineData(403, null, false)]
    [InlineData(404, null, false)]
    [InlineData(429, null, true)]
    [InlineData(500, null, true)]
    [InlineData(500, "invalid_request", false)]
    [InlineData(502, null, true)]
    [InlineData(503, "model_not_found", true)]
    [InlineData(504, null, true)]
    [InlineData(524, null, true)]
    [InlineData(501, null, false)]
    public void OnlyTheDocumentedStatusesAreRetried(int status, string? code, bool retried) =>
        Assert.Equal(retried, RetryPolicy.IsRetryableStatus(status, code));

    [Fact]
    public void DecideStopsWhenNotRetryableWhenAttemptsAreUsedUpAndBeforeTheTimeLimit()
    {
        var policy = new RetryPolicy(2, TimeSpan.FromSeconds(4), new FixedRandom(0.5), TimeSpan.FromSeconds(10));
        Assert.Equal(3, policy.MaximumAttempts);
        Assert.False(policy.Decide(1, retryable: false, null, TimeSpan.Zero).Retry);

        var first = policy.Decide(1, retryable: true, null, TimeSpan.Zero);
        Assert.True(first.Retry);
        Assert.Equal(TimeSpan.FromSeconds(4), first.Wait);

        // 4 s spent; the next wait (8 s) would end at 12 s, past the 10 s limit.
        var second = policy.Decide(2, retryable: true, null, TimeSpan.FromSeconds(4));
        Assert.False(second.Retry);
        Assert.Contains("-TimeoutSec", second.StopNote);

        Assert.False(new RetryPolicy(2, TimeSpan.Zero).Decide(3, retryable: true, null, TimeSpan.Zero).Retry);
    }
}
