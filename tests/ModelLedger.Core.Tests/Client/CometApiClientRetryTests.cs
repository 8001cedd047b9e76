using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelLedger.Client;

namespace ModelLedger.Core.Tests.Client;

/// <summary>The retry loop through the client's seams (handler, Delay, Clock, Random): exact waits, no sleeping.</summary>
public class CometApiClientRetryTests
{
    private const string Key = "sk-test-0123456789abcdef";

    private static (CometApiClient Client, FakeClock Clock, List<string> Verbose) Client(ScriptedHandler handler, double jitter = 0.5)
    {
        var clock = new FakeClock();
        var verbose = new List<string>();
        var client = new CometApiClient(handler) { Clock = () => clock.Now, Delay = clock.Delay, Random = new FixedRandom(jitter), Verbose = verbose.Add };
        return (client, clock, verbose);
    }

    private static CometApiRequestOptions Options(int retries = 3, double intervalSec = 1, double timeoutSec = 30) => new()
    {
        BaseUri = "https://api.example.invalid",
        ApiKey = Key,
        MaximumRetryCount = retries,
        RetryInterval = TimeSpan.FromSeconds(intervalSec),
        Timeout = TimeSpan.FromSeconds(timeoutSec),
        UseCache = false,
    };

    private static HttpResponseMessage RateLimited(Action<HttpResponseMessage>? headers = null)
    {
        var r = ScriptedHandler.Error(429, "rate_limit");
        headers?.Invoke(r);
        return r;
    }

    [Fact]
    public async Task RetryAfterSecondsIsWaitedExactlyThenTheListIsReturned()
    {
        var handler = new ScriptedHandler()
            .Then(() => RateLimited(r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5))))
            .Then(() => ScriptedHandler.Models("m"));
        var (client, clock, verbose) = Client(handler);
        var watch = Stopwatch.StartNew();
        var result = await client.GetModelsAsync(Options(), CancellationToken.None);
        Assert.Equal(new[] { "m" }, result.Ids);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(new[] { TimeSpan.FromSeconds(5) }, clock.Waits);
        Assert.Contains(verbose, v => v.Contains("retrying in 5 s (Retry-After)"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), "the test slept for real");
    }

    [Fact]
    public async Task RetryAfterAsAnHttpDateIsMeasuredWithTheClientsClock()
    {
        var clock = new FakeClock();
        var handler = new ScriptedHandler()
            .Then(() => RateLimited(r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(clock.Now.AddSeconds(42))))
            .Then(() => ScriptedHandler.Models("m"));
        var client = new CometApiClient(handler) { Clock = () => clock.Now, Delay = clock.Delay, Random = new FixedRandom(0.5) };
        await client.GetModelsAsync(Options(timeoutSec: 120), CancellationToken.None);
        Assert.Equal(new[] { TimeSpan.FromSeconds(42) }, clock.Waits);
    }

    [Fact]
    public async Task ServerErrorsBackOffExponentiallyThenSucceed()
    {
        var handler = new ScriptedHandler()
            .Then(() => ScriptedHandler.Error(503, "model_not_found"))
            .Then(() => ScriptedHandler.Error(502))
            .Then(() => ScriptedHandler.Error(524))
            .Then(() => ScriptedHandler.Models("a", "b"));
        var (client, clock, verbose) = Client(handler);
        var result = await client.GetModelsAsync(Options(retries: 3, intervalSec: 2), CancellationToken.None);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8) }, clock.Waits);
        Assert.Contains(verbose, v => v.Contains("attempt 4 of 4"));
    }

    [Fact]
    public async Task AttemptsAreBoundedAndTheErrorCountsThem()
    {
        var handler = new ScriptedHandler();
        for (var i = 0; i < 3; i++) handler.Then(() => RateLimited());
        var (client, clock, _) = Client(handler);
        var ex = await Assert.ThrowsAsync<ModelLedgerException>(() => client.GetModelsAsync(Options(retries: 2), CancellationToken.None));
        Assert.Equal(ErrorIds.CometApiRateLimited, ex.ErrorId);
        Assert.Equal(FailureCategory.LimitsExceeded, ex.Category);
        Assert.Contains("(3 attempts)", ex.Message);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, clock.Waits.Count);
    }

    [Fact]
    public async Task AWaitThatWouldPassTheTimeLimitIsNotStarted()
    {
        var handler = new ScriptedHandler()
            .Then(() => RateLimited(r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3600))));
        var (client, clock, verbose) = Client(handler);
        var ex = await Assert.ThrowsAsync<ModelLedgerException>(() => client.GetModelsAsync(Options(timeoutSec: 30), CancellationToken.None));
        Assert.Equal(ErrorIds.CometApiRateLimited, ex.ErrorId);
        Assert.Contains("-TimeoutSec", ex.Message);
        Assert.Empty(clock.Waits);
        Assert.Single(handler.Requests);
        Assert.Contains(verbose, v => v.StartsWith("Not retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTimeLimitCountsTheWaitsAlreadyMade()
    {
        var handler = new ScriptedHandler();
        for (var i = 0; i < 5; i++) handler.Then(() => ScriptedHandler.Error(503));
        var (client, clock, _) = Client(handler);
        // Waits of 4 s then 8 s: after the first wait 4 s are spent, and 4 + 8 passes the 10 s limit.
        var ex = await Assert.ThrowsAsync<ModelLedgerException>(() => client.GetModelsAsync(Options(retries: 4, intervalSec: 4, timeoutSec: 10), CancellationToken.None));
        Assert.Equal(ErrorIds.CometApiUnavailable, ex.ErrorId);
        Assert.Equal(FailureCategory.ResourceUnavailable, ex.Category);
        Assert.Equal(new[] { TimeSpan.FromSeconds(4) }, clock.Waits);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("(2 attempts)", ex.Message);
    }

    [Theory]
    [InlineData(401, "CometApiAuthFailed", FailureCategory.AuthenticationError)]
    [InlineData(403, "CometApiAuthFailed", FailureCategory.PermissionDenied)]
    [InlineData(404, "CometApiRequestRejected", FailureCategory.ObjectNotFound)]
    [InlineData(400, "CometApiRequestRejected", FailureCategory.InvalidOperation)]
    public async Task ClientErrorsAreNeverRetried(int status, string id, FailureCategory category)
    {
        var handler = new ScriptedHandler().Then(() => ScriptedHandler.Error(status));
        var (client, clock, _) = Client(handler);
        var ex = await Assert.ThrowsAsync<ModelLedgerException>(() => client.GetModelsAsync(Options(), CancellationToken.None));
        Assert.Equal(id, ex.ErrorId);
        Assert.Equal(category, ex.Category);
        Assert.Single(handler.Requests);
        Assert.Empty(clock.Waits);
    }

    [Fact]
    public async Task A500WithInvalidRequestIsNotRetried()
    {
        var handler = new ScriptedHandler().Then(() => ScriptedHandler.Error(500, "invalid_request"));
        var (client, clock, _) = Client(handler);
        var ex = await Assert.ThrowsAsync<ModelLedgerException>(() => client.GetModelsAsync(Options(), CancellationToken.None));
        Assert.Equal(ErrorIds.CometApiUnavailable, ex.ErrorId);
        Assert.Equal(500, ex.HttpStatus);
        Assert.Empty(clock.Waits);
    }

    [Fact]
    public async Task EveryModelOfACaptureSharesOneRecordStampedWithTheClientsClock()
    {
        var handler = new ScriptedHandler().Then(() => ScriptedHandler.Models("a", "b", "c"));
        var (client, clock, _) = Client(handler);
        var result = await client.GetModelsAsync(Options(), CancellationToken.None);
        var models = result.CopyModels("production");
        Assert.All(models, m => Assert.Same(models[0].Capture, m.Capture));
        Assert.Equal(clock.Now, models[0].CapturedAt);
        Assert.Equal("production", models[0].CredentialLabel);
        Assert.Equal("https://api.example.invalid/v1/models", models[0].Source);
        Assert.Equal(result.ResponseSha256, models[0].Capture!.ResponseSha256);
        // Labelling one call's copies never labels the list itself (the session cache may serve another label).
        Assert.Null(result.CopyModels()[0].CredentialLabel);
    }
}
