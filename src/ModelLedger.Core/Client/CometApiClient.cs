using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ModelLedger.Secrets;

namespace ModelLedger.Client;

/// <summary>
/// The client for <c>GET {BaseUri}/v1/models</c>. It sends only <c>Authorization: Bearer</c> and
/// <c>Accept: application/json</c> (plus a User-Agent); follows redirects as <see cref="RedirectChain"/> allows;
/// reads the body as a stream with a size cap (<see cref="ResponseBody"/>); retries as <see cref="RetryPolicy"/>
/// decides within one total time budget; and turns every failure into one fixed error ID
/// (<see cref="CometApiErrors"/>). Every message, error and model it hands back has passed a
/// <see cref="SecretScrubber"/> that knows the key; a list that names the key is refused.
/// </summary>
internal sealed class CometApiClient
{
    private const int ErrorBodyLimit = 64 * 1024;

    internal static readonly string UserAgent = "ModelLedger/" + (typeof(CometApiClient).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly HttpMessageHandler? _handler;

    /// <param name="handler">For tests; by default an <see cref="HttpClientHandler"/> that uses the platform proxy and does not follow redirects.</param>
    public CometApiClient(HttpMessageHandler? handler = null) => _handler = handler;

    /// <summary>How the client waits between attempts (injectable so tests do not sleep).</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = DefaultDelay;

#if MODELLEDGER_TEST_HOOKS
    /// <summary>
    /// The test build's stand-in for the waits of a client that a cmdlet creates (tests reach the cmdlet, not the
    /// client). An AsyncLocal: it reaches only the calls made from the test that set it. Absent from Release builds.
    /// </summary>
    internal static readonly AsyncLocal<Func<TimeSpan, CancellationToken, Task>?> TestDelay = new();

    private static Task DefaultDelay(TimeSpan wait, CancellationToken cancel) => TestDelay.Value?.Invoke(wait, cancel) ?? Task.Delay(wait, cancel);
#else
    private static Task DefaultDelay(TimeSpan wait, CancellationToken cancel) => Task.Delay(wait, cancel);
#endif

    /// <summary>The time, for capture stamps, Retry-After dates and the time budget of the retry loop.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>The jitter source of the backoff.</summary>
    public Random? Random { get; init; }

    /// <summary>Step messages (each attempt, redirects, cache hits). Never holds the key.</summary>
    public Action<string>? Verbose { get; init; }

    /// <summary>Called before each retry wait.</summary>
    public Action<RetryWait>? Waiting { get; init; }

    /// <summary>Lists the models, from the session cache when allowed and fresh.</summary>
    public async Task<ModelListResult> GetModelsAsync(CometApiRequestOptions options, CancellationToken cancellationToken)
    {
        var scrubber = SecretScrubber.For(options.ApiKey);
        try
        {
            return await ListAsync(options, new Call(options, scrubber, Verbose), cancellationToken).ConfigureAwait(false);
        }
        catch (ModelLedgerException ex)
        {
            throw ScrubbedError.Of(ex, scrubber);
        }
    }

    /// <summary>What one call carries through its attempts.</summary>
    private sealed class Call
    {
        public Call(CometApiRequestOptions options, SecretScrubber scrubber, Action<string>? verbose)
        {
            Options = options;
            Scrubber = scrubber;
            _verbose = verbose;
        }

        private readonly Action<string>? _verbose;
        public CometApiRequestOptions Options { get; }
        public SecretScrubber Scrubber { get; }
        public string Key { get; set; } = "";
        public Uri Endpoint { get; set; } = null!;

        /// <summary>The endpoint as messages and snapshots show it (a key pasted into the path is masked).</summary>
        public string Source { get; set; } = "";

        public void Say(string message) => _verbose?.Invoke(Scrubber.Scrub(message));
    }

    private async Task<ModelListResult> ListAsync(CometApiRequestOptions options, Call call, CancellationToken ct)
    {
        call.Endpoint = ModelsEndpoint.Resolve(options.BaseUri);
        call.Key = ApiKeyRules.Require(options.ApiKey);
        ModelsEndpoint.EnsureSecure(call.Endpoint, call.Endpoint);
        call.Source = call.Scrubber.Scrub(ModelsEndpoint.Display(call.Endpoint));

        var cacheKey = ModelListCache.KeyFor(call.Source, call.Key);
        if (options.UseCache && ModelListCache.TryGet(cacheKey, Clock(), options.CacheLifetime, out var cached))
        {
            call.Say($"Using the models list from {call.Source} captured at {cached.CapturedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} (session cache, {options.CacheLifetime.TotalSeconds:0} s lifetime); no request sent. Use -NoCache for a fresh call.");
            return cached.AsCached();
        }

        var result = await ListWithRetriesAsync(call, ct).ConfigureAwait(false);
        if (options.UseCache) ModelListCache.Store(cacheKey, result);
        return result;
    }

    // The loop the README describes: an attempt; on a retryable failure, a wait the policy chooses (backoff with
    // jitter, at least Retry-After), each step on the Verbose stream, until an answer, the last attempt, or the
    // total time limit.
    private async Task<ModelListResult> ListWithRetriesAsync(Call call, CancellationToken userToken)
    {
        var options = call.Options;
        var policy = new RetryPolicy(options.MaximumRetryCount, options.RetryInterval, Random, options.Timeout);
        var started = Clock();
        using var deadline = new CancellationTokenSource();
        if (policy.TimeLimit is { } limit) deadline.CancelAfter(limit);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(userToken, deadline.Token);
        using var http = CreateHttpClient();

        AttemptFailure? last = null;
        for (var attempt = 1; ; attempt++)
        {
            call.Say($"GET {call.Source} (attempt {attempt} of {policy.MaximumAttempts}).");
            try
            {
                var result = await AttemptAsync(http, call, attempt, linked.Token).ConfigureAwait(false);
                call.Say($"{call.Source} listed {result.Count} model(s) (response SHA-256 {result.ResponseSha256}).");
                return result;
            }
            catch (AttemptFailedException failed)
            {
                last = failed.Failure;
            }
            catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !userToken.IsCancellationRequested)
            {
                throw CometApiErrors.Timeout(call.Source, policy.TimeLimit!.Value, attempt, last, ex);
            }

            var decision = policy.Decide(attempt, last.Retryable, last.RetryAfter, Clock() - started);
            if (!decision.Retry)
            {
                if (decision.StopNote != null) call.Say("Not retrying: " + decision.StopNote);
                throw CometApiErrors.AfterAttempts(last, attempt, decision.StopNote);
            }
            call.Say($"Attempt {attempt} failed ({last.ShortReason}); retrying in {decision.Wait.TotalSeconds:0.##} s{(last.RetryAfter != null ? " (Retry-After)" : "")}.");
            Waiting?.Invoke(new RetryWait { NextAttempt = attempt + 1, MaximumAttempts = policy.MaximumAttempts, Wait = decision.Wait, Reason = last.ShortReason });
            try
            {
                if (decision.Wait > TimeSpan.Zero) await Delay(decision.Wait, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !userToken.IsCancellationRequested)
            {
                throw CometApiErrors.Timeout(call.Source, policy.TimeLimit!.Value, attempt, last, ex);
            }
        }
    }

    private HttpClient CreateHttpClient()
    {
        var handler = _handler ?? new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        return new HttpClient(handler, disposeHandler: _handler == null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>One attempt, following redirects: the list, or <see cref="AttemptFailedException"/> (may be retried), or a <see cref="ModelLedgerException"/> (final).</summary>
    private async Task<ModelListResult> AttemptAsync(HttpClient http, Call call, int attempt, CancellationToken ct)
    {
        var redirects = new RedirectChain(call.Endpoint, call.Source, call.Say);
        while (true)
        {
            using var response = await SendAsync(http, redirects.Current, redirects.SendKey ? call.Key : null, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (RedirectChain.IsRedirect(status))
            {
                redirects.Follow(status, response.Headers.Location);
                continue;
            }
            if (status >= 200 && status < 300)
            {
                if (redirects.LeftOriginFor != null) throw CometApiErrors.ListWithoutCredential(call.Source, redirects.LeftOriginFor);
                return await ReadListAsync(response, status, call, attempt, ct).ConfigureAwait(false);
            }
            var body = await ResponseBody.ReadErrorAsync(response, ErrorBodyLimit, call.Source, ct).ConfigureAwait(false);
            var info = ErrorBody.Parse(body, response, call.Scrubber);
            var retryAfter = RetryPolicy.RetryAfter(response.Headers.RetryAfter, Clock());
            throw new AttemptFailedException(AttemptFailure.FromStatus(status, call.Source, info, retryAfter, redirects.LeftOriginFor));
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri target, string? key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (key != null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.IO.IOException)
        {
            throw new AttemptFailedException(AttemptFailure.FromTransport(target, ex));
        }
    }

    private async Task<ModelListResult> ReadListAsync(HttpResponseMessage response, int status, Call call, int attempt, CancellationToken ct)
    {
        var (body, sha) = await ResponseBody.ReadListAsync(response, call.Options.MaximumResponseBytes, call.Source, ct).ConfigureAwait(false);
        ResponseBodyCheck.EnsureJsonText(response, status, body, call.Source);
        var parsed = ModelListParser.Parse(body, call.Source);
        if (parsed.Models.Any(m => call.Scrubber.Contains(m.Id) || call.Scrubber.Contains(m.OwnedBy) || call.Scrubber.Contains(m.Object)))
            throw CometApiErrors.ListHoldsKey(call.Source);
        var capture = new ModelCapture(call.Source, Clock(), credentialLabel: null, responseSha256: sha);
        foreach (var m in parsed.Models) m.Capture = capture;
        return new ModelListResult(capture, parsed.Models, parsed.Duplicates, attempt);
    }
}
