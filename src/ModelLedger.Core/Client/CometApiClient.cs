using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ModelLedger.IO;

namespace ModelLedger.Client
{
    /// <summary>What one Get-CometModel call asks of the client.</summary>
    public sealed class CometApiRequestOptions
    {
        /// <summary>The API root (the client adds /v1/models). Null or empty: <see cref="CometApiClient.DefaultBaseUri"/>.</summary>
        public string? BaseUri { get; set; }

        /// <summary>The key. Only the request-building code reads it; no message ever contains it.</summary>
        public string? ApiKey { get; set; }

        public int MaximumRetryCount { get; set; } = 3;

        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Total time for all attempts and waits; null or zero: no limit.</summary>
        public TimeSpan? Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Largest response body read; a bigger one fails clearly instead of filling memory.</summary>
        public long MaximumResponseBytes { get; set; } = DefaultMaximumResponseBytes;

        public const long DefaultMaximumResponseBytes = 64L * 1024 * 1024;

        public bool UseCache { get; set; } = true;

        public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(5);
    }

    /// <summary>A retry the client is about to wait for (for progress display).</summary>
    public sealed class RetryWait
    {
        public int NextAttempt { get; init; }
        public int MaximumAttempts { get; init; }
        public TimeSpan Wait { get; init; }
        public string Reason { get; init; } = "";
    }

    /// <summary>
    /// The client for <c>GET {BaseUri}/v1/models</c>. It sends only <c>Authorization: Bearer</c> and
    /// <c>Accept: application/json</c> (plus a User-Agent), follows redirects itself (at most
    /// <see cref="MaximumRedirects"/>, never carrying the key to another host, never to a page that is not the models
    /// endpoint), reads the body as a stream with a size cap, retries as <see cref="RetryPolicy"/> says within one
    /// total time budget, and classifies every failure into one fixed error ID. The key is never formatted into any
    /// message; server text is scrubbed of it before it is quoted.
    /// </summary>
    public sealed class CometApiClient
    {
        public const string DefaultBaseUri = "https://api.cometapi.com";
        public const string ModelsPath = "v1/models";
        public const int MaximumRedirects = 5;
        private const int ErrorBodyLimit = 64 * 1024;

        private readonly HttpMessageHandler? _handler;

        /// <param name="handler">For tests; by default an <see cref="HttpClientHandler"/> that uses the platform proxy and does not follow redirects.</param>
        public CometApiClient(HttpMessageHandler? handler = null) => _handler = handler;

        /// <summary>How the client waits between attempts (injectable so tests do not sleep).</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = (t, ct) => Task.Delay(t, ct);

        public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

        public Random? Random { get; init; }

        /// <summary>Step messages (each attempt, redirects, cache hits). Never holds the key.</summary>
        public Action<string>? Verbose { get; init; }

        /// <summary>Called before each retry wait.</summary>
        public Action<RetryWait>? Waiting { get; init; }

        /// <summary>
        /// The models URL for a base URI: <c>{BaseUri}/v1/models</c> (a base that already ends in <c>/v1</c>, as OpenAI
        /// SDK settings do, gets <c>/models</c>). Credentials, query and fragment are refused.
        /// </summary>
        public static Uri ResolveModelsUri(string? baseUri)
        {
            var text = string.IsNullOrWhiteSpace(baseUri) ? DefaultBaseUri : baseUri!.Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw BaseUriError(text, "is not an absolute http(s) URL.");
            if (uri.UserInfo.Length > 0)
                throw BaseUriError(uri.GetLeftPart(UriPartial.Scheme) + uri.Host, "holds credentials (user:password@); pass the key with -ApiKey or COMETAPI_API_KEY instead.");
            if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
                throw BaseUriError(uri.GetLeftPart(UriPartial.Path), "has a query or fragment; pass only the API root.");
            var path = uri.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/v1/models", StringComparison.Ordinal)) path = path.Substring(0, path.Length - "/v1/models".Length);
            var suffix = path.EndsWith("/v1", StringComparison.Ordinal) ? "/models" : "/" + ModelsPath;
            var builder = new UriBuilder(uri) { Path = path + suffix, Query = "", Fragment = "" };
            return builder.Uri;
        }

        private static ModelLedgerException BaseUriError(string shown, string problem)
        {
            const string fix = "Pass the API root, for example -BaseUri https://api.cometapi.com (or set COMETAPI_BASE_URL); the client adds /v1/models.";
            return new ModelLedgerException(ErrorIds.CometApiBaseUriInvalid, FailureCategory.InvalidArgument, $"The base URI '{shown}' {problem} {fix}")
            {
                RecommendedAction = fix,
                Target = shown,
            };
        }

        /// <summary>The URL as it may appear in messages and snapshots: scheme, host, port, path.</summary>
        public static string Display(Uri uri) => uri.GetLeftPart(UriPartial.Path);

        public static ModelLedgerException KeyMissing() => new(ErrorIds.CometApiKeyMissing, FailureCategory.InvalidArgument,
            "No CometAPI key was given. Pass -ApiKey (a SecureString, e.g. from Get-Secret or Read-Host -AsSecureString) or set the COMETAPI_API_KEY environment variable, using the production-equivalent key the release will use; or read a saved snapshot with -SnapshotPath.")
        {
            RecommendedAction = "Pass -ApiKey or set COMETAPI_API_KEY, or use -SnapshotPath.",
        };

        /// <summary>Rejects keys that cannot go into a header unchanged (never quoting them).</summary>
        public static void ValidateKey(string key)
        {
            foreach (var c in key)
            {
                if (c <= ' ' || c > '~')
                    throw new ModelLedgerException(ErrorIds.CometApiKeyInvalid, FailureCategory.InvalidArgument,
                        $"The API key ({key.Length} characters) contains whitespace, a line break or a non-ASCII character, so it cannot be sent as given (often a trailing newline from a file or a copy-paste). Set the key again without surrounding whitespace.")
                    {
                        RecommendedAction = "Set the key again without surrounding whitespace.",
                    };
            }
        }

        /// <summary>Lists the models, from the session cache when allowed and fresh.</summary>
        public async Task<ModelListResult> GetModelsAsync(CometApiRequestOptions options, CancellationToken cancellationToken)
        {
            var uri = ResolveModelsUri(options.BaseUri);
            var key = options.ApiKey;
            if (string.IsNullOrEmpty(key)) throw KeyMissing();
            ValidateKey(key!);
            EnsureSecureTransport(uri, uri);

            var source = Display(uri);
            var cacheKey = ModelListCache.KeyFor(source, key!);
            if (options.UseCache && ModelListCache.TryGet(cacheKey, Clock(), options.CacheLifetime, out var cached))
            {
                Verbose?.Invoke($"Using the models list from {source} captured at {cached.CapturedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} (session cache, {options.CacheLifetime.TotalSeconds:0} s lifetime); no request sent. Use -NoCache for a fresh call.");
                return cached.AsCached();
            }

            var result = await FetchAsync(uri, key!, options, cancellationToken).ConfigureAwait(false);
            if (options.UseCache) ModelListCache.Store(cacheKey, result);
            return result;
        }

        private static void EnsureSecureTransport(Uri target, Uri requested)
        {
            if (target.Scheme == Uri.UriSchemeHttps || target.IsLoopback) return;
            const string fix = "Use an https:// base URI (https://api.cometapi.com); plain http is only allowed to this machine (localhost, 127.0.0.0/8, ::1).";
            var redirected = target == requested ? "" : $" (redirected from {Display(requested)})";
            throw new ModelLedgerException(ErrorIds.CometApiInsecureTransport, FailureCategory.SecurityError,
                $"Refusing to send the API key over plain http to {Display(target)}{redirected}: anyone on the path could read it. Nothing was sent. {fix}")
            {
                RecommendedAction = fix,
                Target = Display(target),
            };
        }

        private sealed class Failure
        {
            public ModelLedgerException Error = null!;
            public bool Retryable;
            public TimeSpan? RetryAfter;
        }

        private async Task<ModelListResult> FetchAsync(Uri uri, string key, CometApiRequestOptions options, CancellationToken userToken)
        {
            var policy = new RetryPolicy(options.MaximumRetryCount, options.RetryInterval, Random);
            var maxAttempts = options.MaximumRetryCount + 1;
            var source = Display(uri);
            var started = Clock();
            var budget = options.Timeout is { } t && t > TimeSpan.Zero ? t : (TimeSpan?)null;

            using var timeoutCts = new CancellationTokenSource();
            if (budget is { } b) timeoutCts.CancelAfter(b);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(userToken, timeoutCts.Token);
            var ct = linked.Token;

            var handler = _handler ?? new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
            using var http = new HttpClient(handler, disposeHandler: _handler == null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

            Failure? last = null;
            for (var attempt = 1; attempt <= maxAttempts; attempt++)
            {
                Verbose?.Invoke($"GET {source} (attempt {attempt} of {maxAttempts}).");
                Failure failure;
                try
                {
                    var ok = await AttemptAsync(http, uri, key, options, attempt, ct).ConfigureAwait(false);
                    if (ok is ModelListResult result)
                    {
                        Verbose?.Invoke($"{source} listed {result.Count} model(s) (response SHA-256 {result.ResponseSha256}).");
                        return result;
                    }
                    throw new InvalidOperationException("unreachable");
                }
                catch (AttemptFailed af)
                {
                    failure = af.Failure;
                }
                catch (OperationCanceledException) when (userToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException ex) when (timeoutCts.IsCancellationRequested)
                {
                    throw Timeout(source, budget!.Value, attempt, last, ex);
                }

                last = failure;
                if (!failure.Retryable || attempt == maxAttempts) throw Final(failure, attempt);

                var wait = policy.Backoff(attempt, failure.RetryAfter);
                if (budget is { } limit && Clock() - started + wait >= limit)
                {
                    Verbose?.Invoke($"Not retrying: waiting {wait.TotalSeconds:0.#} s would pass the {limit.TotalSeconds:0.#} s time limit (-TimeoutSec).");
                    throw Final(failure, attempt, $" Waiting {wait.TotalSeconds:0.#} s for another attempt would pass the {limit.TotalSeconds:0.#} s limit (-TimeoutSec).");
                }
                Verbose?.Invoke($"Attempt {attempt} failed ({failure.Error.HttpStatus?.ToString() ?? failure.Error.Category.ToString()}); retrying in {wait.TotalSeconds:0.##} s{(failure.RetryAfter != null ? " (Retry-After)" : "")}.");
                Waiting?.Invoke(new RetryWait { NextAttempt = attempt + 1, MaximumAttempts = maxAttempts, Wait = wait, Reason = ShortReason(failure.Error) });
                try
                {
                    if (wait > TimeSpan.Zero) await Delay(wait, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (userToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException ex) when (timeoutCts.IsCancellationRequested)
                {
                    throw Timeout(source, budget!.Value, attempt, last, ex);
                }
            }
            throw Final(last!, maxAttempts);
        }

        private static string ShortReason(ModelLedgerException e) => e.HttpStatus is int s ? $"HTTP {s}" : e.Category.ToString();

        private sealed class AttemptFailed : Exception
        {
            public AttemptFailed(Failure f) : base(f.Error.Message, f.Error) => Failure = f;
            public Failure Failure { get; }
        }

        private ModelLedgerException Final(Failure f, int attempts, string extra = "")
        {
            var e = f.Error;
            if (attempts <= 1 && extra.Length == 0) return e;
            var note = attempts > 1 ? $" ({attempts} attempts)" : "";
            return new ModelLedgerException(e.ErrorId, e.Category, Insert(e.Message, note + extra.TrimEnd('.') + (extra.Length > 0 ? "." : "")), e.InnerException)
            {
                RecommendedAction = e.RecommendedAction,
                Target = e.Target,
                HttpStatus = e.HttpStatus,
                ApiErrorCode = e.ApiErrorCode,
                RequestId = e.RequestId,
                Field = e.Field,
            };
        }

        /// <summary>Inserts a note after the first sentence ("what happened"), before "what to do".</summary>
        private static string Insert(string message, string note)
        {
            var i = message.IndexOf(". ", StringComparison.Ordinal);
            return i < 0 ? message + note : message.Substring(0, i) + note + message.Substring(i);
        }

        private static ModelLedgerException Timeout(string source, TimeSpan budget, int attempt, Failure? last, Exception inner)
        {
            const string fix = "Check the network path and proxy (HTTPS_PROXY) to the API, then run again, or raise -TimeoutSec. This says nothing about whether your model IDs exist.";
            var lastNote = last == null ? "" : $" The previous attempt failed with: {ShortReason(last.Error)}.";
            return new ModelLedgerException(ErrorIds.CometApiUnavailable, FailureCategory.OperationTimeout,
                $"The models endpoint {source} gave no complete answer within {budget.TotalSeconds:0.#} s (-TimeoutSec; attempt {attempt}).{lastNote} {fix}", inner)
            {
                RecommendedAction = fix,
                Target = source,
                HttpStatus = last?.Error.HttpStatus,
                ApiErrorCode = last?.Error.ApiErrorCode,
                RequestId = last?.Error.RequestId,
            };
        }

        /// <summary>One attempt, following redirects. Returns a result or throws <see cref="AttemptFailed"/>/<see cref="ModelLedgerException"/>.</summary>
        private async Task<ModelListResult> AttemptAsync(HttpClient http, Uri uri, string key, CometApiRequestOptions options, int attempt, CancellationToken ct)
        {
            var source = Display(uri);
            var current = uri;
            var sendKey = true;
            string? crossHost = null;
            for (var hop = 0; ; hop++)
            {
                if (sendKey) EnsureSecureTransport(current, uri);
                HttpResponseMessage response;
                using (var request = new HttpRequestMessage(HttpMethod.Get, current))
                {
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                    if (sendKey) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
                    try
                    {
                        response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                    }
                    catch (HttpRequestException ex)
                    {
                        throw new AttemptFailed(Transport(current, ex));
                    }
                    catch (IOException ex)
                    {
                        throw new AttemptFailed(Transport(current, ex));
                    }
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    if (status is 301 or 302 or 303 or 307 or 308)
                    {
                        var location = response.Headers.Location;
                        if (location == null)
                            throw ModelListParser.Mismatch(source, $"HTTP {status} redirect without a Location header.");
                        var target = location.IsAbsoluteUri ? location : new Uri(current, location);
                        if (hop + 1 > MaximumRedirects)
                            throw ModelListParser.Mismatch(source, $"more than {MaximumRedirects} redirects.");
                        if ((target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp) ||
                            !target.AbsolutePath.TrimEnd('/').EndsWith("/" + ModelsPath, StringComparison.Ordinal) ||
                            (target.Query.Length > 0 && target.Host != current.Host))
                            throw new ModelLedgerException(ErrorIds.CometApiSchemaMismatch, FailureCategory.InvalidData,
                                $"The models endpoint {source} answered HTTP {status}, a redirect to {Display(target)}, which is not a models endpoint (a login page, a dashboard or a wrong path). It was not followed. {ModelListParser.MismatchFix}")
                            {
                                RecommendedAction = ModelListParser.MismatchFix,
                                Target = source,
                                HttpStatus = status,
                            };
                        if (!SameOrigin(current, target) && sendKey)
                        {
                            sendKey = false;
                            crossHost = Display(target);
                            Verbose?.Invoke($"HTTP {status}: redirected to another host, {Display(target)}; following without the Authorization header.");
                        }
                        else
                        {
                            Verbose?.Invoke($"HTTP {status}: redirected to {Display(target)}.");
                        }
                        if (sendKey) EnsureSecureTransport(target, uri);
                        current = target;
                        continue;
                    }

                    if (status >= 200 && status < 300)
                    {
                        var (body, sha) = await ReadBodyAsync(response, options.MaximumResponseBytes, source, capped: true, ct).ConfigureAwait(false);
                        if (status != 200)
                            throw ModelListParser.Mismatch(source, $"HTTP {status} instead of 200.");
                        var media = response.Content.Headers.ContentType?.MediaType;
                        if (media != null && media.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
                            throw ModelListParser.Mismatch(source, $"the response is an HTML page ({media}), not JSON (a login page, a proxy page or a wrong path).");
                        var parsed = ModelListParser.Parse(body, source);
                        var now = Clock();
                        foreach (var m in parsed.Models) { m.Source = source; m.CapturedAt = now; }
                        return new ModelListResult(source, now, sha, parsed.Models, parsed.Duplicates, attempt);
                    }

                    byte[] errorBody;
                    try
                    {
                        (errorBody, _) = await ReadBodyAsync(response, ErrorBodyLimit, source, capped: false, ct).ConfigureAwait(false);
                    }
                    catch (IOException) { errorBody = Array.Empty<byte>(); }
                    catch (HttpRequestException) { errorBody = Array.Empty<byte>(); }
                    var info = ErrorBody.Parse(errorBody, response, key);
                    throw new AttemptFailed(Classify(status, source, info, response, crossHost));
                }
            }
        }

        internal static readonly string UserAgent = "ModelLedger/" + (typeof(CometApiClient).Assembly.GetName().Version?.ToString(3) ?? "0");

        private static bool SameOrigin(Uri a, Uri b) =>
            string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port && (a.Scheme == b.Scheme || b.Scheme == Uri.UriSchemeHttps);

        /// <summary>Reads the body as a stream, hashing as it goes, failing clearly past the cap (or truncating when not <paramref name="capped"/>).</summary>
        private static async Task<(byte[] Body, string Sha256)> ReadBodyAsync(HttpResponseMessage response, long limit, string source, bool capped, CancellationToken ct)
        {
            var declared = response.Content.Headers.ContentLength;
            if (capped && declared is long d && d > limit) throw TooLarge(source, limit);
            using var sha = SHA256.Create();
            using var buffer = new MemoryStream(declared is long len && len > 0 && len <= limit ? (int)len : 16 * 1024);
            using (ct.Register(response.Dispose))
            {
                Stream stream;
                try { stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false); }
                catch (ObjectDisposedException) when (ct.IsCancellationRequested) { throw new OperationCanceledException(ct); }
                using (stream)
                {
                    var chunk = new byte[128 * 1024];
                    while (true)
                    {
                        int n;
                        try
                        {
                            n = await stream.ReadAsync(chunk, 0, chunk.Length, ct).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ct.IsCancellationRequested && ex is ObjectDisposedException or IOException or HttpRequestException)
                        {
                            throw new OperationCanceledException(ct);
                        }
                        catch (Exception ex) when (capped && ex is IOException or HttpRequestException)
                        {
                            throw new AttemptFailed(new Failure
                            {
                                Retryable = true,
                                Error = Unavailable(source, FailureCategory.ConnectionError,
                                    $"the connection broke while the response body was being read, after {buffer.Length} bytes ({Clean(ex.Message)}).", null, ex),
                            });
                        }
                        if (n == 0) break;
                        if (buffer.Length + n > limit)
                        {
                            if (capped) throw TooLarge(source, limit);
                            buffer.Write(chunk, 0, (int)(limit - buffer.Length));
                            break;
                        }
                        buffer.Write(chunk, 0, n);
                        sha.TransformBlock(chunk, 0, n, null, 0);
                    }
                }
            }
            sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            return (buffer.ToArray(), Sha256Hex.Format(sha.Hash!));
        }

        private static ModelLedgerException TooLarge(string source, long limit)
        {
            var fix = $"Check -BaseUri (a models list is normally well under 1 MB); if the list really is that large, raise -MaximumResponseBytes above {limit}.";
            return new ModelLedgerException(ErrorIds.CometApiSchemaMismatch, FailureCategory.LimitsExceeded,
                $"The models endpoint {source} sent a response larger than {limit} bytes; it was not read further. {fix}")
            {
                RecommendedAction = fix,
                Target = source,
            };
        }

        private static Failure Transport(Uri target, Exception ex)
        {
            var source = Display(target);
            var socket = Find<SocketException>(ex);
            if (socket != null)
            {
                switch (socket.SocketErrorCode)
                {
                    case SocketError.HostNotFound:
                    case SocketError.NoData:
                    case SocketError.TryAgain:
                        return new Failure
                        {
                            Retryable = false,
                            Error = Unavailable(source, FailureCategory.ConnectionError,
                                $"the host name '{target.Host}' could not be resolved (DNS: {Clean(socket.Message)}).",
                                "Check -BaseUri / COMETAPI_BASE_URL for a typo, and this machine's DNS and proxy settings (HTTPS_PROXY).", ex),
                        };
                    case SocketError.ConnectionRefused:
                        return new Failure
                        {
                            Retryable = true,
                            Error = Unavailable(source, FailureCategory.ConnectionError,
                                $"the connection to {target.Host}:{target.Port} was refused (nothing is listening there, or a firewall rejects it).",
                                "Check -BaseUri / COMETAPI_BASE_URL (host and port) and the proxy settings (HTTPS_PROXY), then run again.", ex),
                        };
                }
            }
            if (Find<System.Security.Authentication.AuthenticationException>(ex) is { } tls)
                return new Failure
                {
                    Retryable = false,
                    Error = Unavailable(source, FailureCategory.SecurityError,
                        $"the TLS handshake with {target.Host} failed ({Clean(tls.Message)}).",
                        "Check that -BaseUri names the real API host and that a TLS-inspecting proxy's certificate is trusted on this machine.", ex),
                };
            return new Failure
            {
                Retryable = true,
                Error = Unavailable(source, FailureCategory.ConnectionError,
                    $"the connection failed ({Clean(Innermost(ex).Message)}).",
                    "Check -BaseUri / COMETAPI_BASE_URL, the network path and the proxy settings (HTTPS_PROXY), then run again.", ex),
            };
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }

        private static T? Find<T>(Exception? ex) where T : Exception
        {
            for (; ex != null; ex = ex.InnerException) if (ex is T t) return t;
            return null;
        }

        private const string UnavailableTail = "This says nothing about whether your model IDs exist: do not treat it as 'model missing'.";

        private static ModelLedgerException Unavailable(string source, FailureCategory category, string problem, string? fix, Exception? inner, int? status = null, ErrorBody? info = null)
        {
            fix ??= "Run again later; until then a gate can use the last good snapshot (-SnapshotPath) if your policy allows.";
            return new ModelLedgerException(ErrorIds.CometApiUnavailable, category,
                $"The models endpoint {source} is unavailable: {problem}{info?.Suffix} {fix} {UnavailableTail}", inner)
            {
                RecommendedAction = fix,
                Target = source,
                HttpStatus = status,
                ApiErrorCode = info?.Code,
                RequestId = info?.RequestId,
            };
        }

        private static Failure Classify(int status, string source, ErrorBody info, HttpResponseMessage response, string? crossHost)
        {
            string fix;
            var redirectNote = crossHost == null ? "" : $" The request was redirected to another host ({crossHost}), where the key is never sent.";
            switch (status)
            {
                case 401:
                case 403:
                    fix = status == 401
                        ? "Check that -ApiKey / COMETAPI_API_KEY holds a current CometAPI key for this account (not revoked, not a key for another service)."
                        : "Use a production-equivalent key that may list models; a personal key and the production key can see different models (record which with -CredentialLabel).";
                    return new Failure
                    {
                        Error = new ModelLedgerException(ErrorIds.CometApiAuthFailed, status == 401 ? FailureCategory.AuthenticationError : FailureCategory.PermissionDenied,
                            $"The models endpoint {source} rejected the credentials: HTTP {status}{info.Suffix}.{redirectNote} {fix}")
                        {
                            RecommendedAction = fix, Target = source, HttpStatus = status, ApiErrorCode = info.Code, RequestId = info.RequestId,
                        },
                    };
                case 429:
                    var retryAfter = RetryAfter(response);
                    fix = "Wait" + (retryAfter is { } ra ? $" at least {Math.Ceiling(ra.TotalSeconds)} s (Retry-After)" : " a few minutes") +
                          " and run again; reuse a snapshot (-SnapshotPath) or the session cache instead of probing more often, and ask CometAPI before raising the probe frequency.";
                    return new Failure
                    {
                        Retryable = true,
                        RetryAfter = retryAfter,
                        Error = new ModelLedgerException(ErrorIds.CometApiRateLimited, FailureCategory.LimitsExceeded,
                            $"The models endpoint {source} is rate limiting this key: HTTP 429{info.Suffix}. {fix}")
                        {
                            RecommendedAction = fix, Target = source, HttpStatus = status, ApiErrorCode = info.Code, RequestId = info.RequestId,
                        },
                    };
            }
            if (status >= 500)
            {
                var retryable = RetryPolicy.IsRetryableStatus(status, info.Code);
                var fix5 = retryable ? null : "The service called the request invalid; check -BaseUri and report the request id to CometAPI support if it persists.";
                return new Failure
                {
                    Retryable = retryable,
                    RetryAfter = RetryAfter(response),
                    Error = Unavailable(source, FailureCategory.ResourceUnavailable, $"HTTP {status}", fix5, null, status, info),
                };
            }
            fix = status == 404
                ? "Check -BaseUri: it should be the API root (for example https://api.cometapi.com); the client adds /v1/models."
                : "Check -BaseUri and any proxy in between; the client sends only the documented GET request. Report the request id to CometAPI support if it persists.";
            return new Failure
            {
                Error = new ModelLedgerException(ErrorIds.CometApiRequestRejected, status == 404 ? FailureCategory.ObjectNotFound : FailureCategory.InvalidOperation,
                    $"The models endpoint {source} rejected the request: HTTP {status}{info.Suffix}.{redirectNote} {fix}")
                {
                    RecommendedAction = fix, Target = source, HttpStatus = status, ApiErrorCode = info.Code, RequestId = info.RequestId,
                },
            };
        }

        internal static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var ra = response.Headers.RetryAfter;
            if (ra == null) return null;
            if (ra.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (ra.Date is { } date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        /// <summary>Server or exception text made safe to quote: one line, short.</summary>
        internal static string Clean(string? text, int max = 300)
        {
            if (string.IsNullOrEmpty(text)) return "";
            var chars = text!.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
            var s = string.Join(" ", new string(chars).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
            return s.Length > max ? s.Substring(0, max) + "..." : s;
        }
    }
}
