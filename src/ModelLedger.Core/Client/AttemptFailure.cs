using System;
using System.Net.Sockets;
using ModelLedger.Rendering;

namespace ModelLedger.Client;

/// <summary>
/// Why one attempt failed, kept in parts (what happened, what to do) so the final error can add how many attempts
/// were made without editing a finished sentence, plus what the retry policy needs to know. The static factories
/// classify a failed attempt; <see cref="CometApiErrors.Attempt"/> turns the last one into the error.
/// </summary>
internal sealed class AttemptFailure
{
    public string ErrorId { get; init; } = ErrorIds.CometApiUnavailable;
    public FailureCategory Category { get; init; }

    /// <summary>What happened, one sentence (its full stop is added when the message is built).</summary>
    public string Problem { get; init; } = "";

    /// <summary>What the operator should do; also the RecommendedAction.</summary>
    public string Fix { get; init; } = "";

    /// <summary>A closing remark after the fix (for example that an outage says nothing about model IDs).</summary>
    public string? Remark { get; init; }

    public string Target { get; init; } = "";
    public int? HttpStatus { get; init; }
    public string? ApiErrorCode { get; init; }
    public string? RequestId { get; init; }
    public Exception? Inner { get; init; }

    public bool Retryable { get; init; }

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>"HTTP 503" or the category, for progress and verbose lines.</summary>
    public string ShortReason => HttpStatus is int s ? $"HTTP {s}" : Category.ToString();

    private const string OutageRemark = "This says nothing about whether your model IDs exist: do not treat it as 'model missing'.";
    private const string LaterFix = "Run again later; until then a gate can use the last good snapshot (-SnapshotPath) if your policy allows.";

    /// <summary>An error status (not 2xx, not a redirect), classified by status code whatever the body says.</summary>
    public static AttemptFailure FromStatus(int status, string source, ErrorBody info, TimeSpan? retryAfter, string? crossHost)
    {
        var redirectNote = crossHost == null ? "" : $". The request was redirected to another host ({crossHost}), where the key is never sent";
        switch (status)
        {
            case 401:
            case 403:
                return new AttemptFailure
                {
                    ErrorId = ErrorIds.CometApiAuthFailed,
                    Category = status == 401 ? FailureCategory.AuthenticationError : FailureCategory.PermissionDenied,
                    Problem = $"The models endpoint {source} rejected the credentials: HTTP {status}{info.Suffix}{redirectNote}",
                    Fix = status == 401
                        ? "Check that -ApiKey / COMETAPI_API_KEY holds a current CometAPI key for this account (not revoked, not a key for another service)."
                        : "Use a production-equivalent key that may list models; a personal key and the production key can see different models (record which with -CredentialLabel).",
                    Target = source, HttpStatus = status, ApiErrorCode = info.Code, RequestId = info.RequestId,
                };
            case 429:
                return new AttemptFailure
                {
                    ErrorId = ErrorIds.CometApiRateLimited,
                    Category = FailureCategory.LimitsExceeded,
                    Problem = $"The models endpoint {source} is rate limiting this key: HTTP 429{info.Suffix}",
                    Fix = "Wait" + (retryAfter is { } ra ? $" at least {Math.Ceiling(ra.TotalSeconds)} s (Retry-After)" : " a few minutes") +
                          " and run again; reuse a snapshot (-SnapshotPath) or the session cache instead of probing more often, and ask CometAPI before raising the probe frequency.",
                    Target = source, HttpStatus = status, ApiErrorCode = info.Code, RequestId = info.RequestId,
                    Retryable = true,
                    RetryAfter = retryAfter,
                };
        }
        if (status >= 500)
        {
            var retryable = RetryPolicy.IsRetryableStatus(status, info.Code);
            return new AttemptFailure
            {
                Category = FailureCategory.ResourceUnavailable,
                Problem = $"The models endpoint {source} is unavailable: HTTP {status}{info.Suffix}",
                Fix = retryable ? LaterFix : "The service called the request invalid; check -BaseUri and report the request id to CometAPI support if it persists.",
                Remark = OutageRemark,
                Target = source, HttpStatus = status, ApiErrorCode = info.Code, RequestId = info.RequestId,
                Retryable = retryable,
                RetryAfter = retryAfter,
            };
        }
        return new AttemptFailure
        {
            ErrorId = ErrorIds.CometApiRequestRejected,
            Category = status == 404 ? FailureCategory.ObjectNotFound : FailureCategory.InvalidOperation,
            Problem = $"The models endpoint {source} rejected the request: HTTP {status}{info.Suffix}{redirectNote}",
            Fix = status == 404
                ? "Check -BaseUri: it should be the API root (for example https://api.cometapi.com); the client adds /v1/models."
                : "Check -BaseUri and any proxy in between; the client sends only the documented GET request. Report the request id to CometAPI support if it persists.",
            Target = source, HttpStatus = status, ApiErrorCode = info.Code, RequestId = info.RequestId,
        };
    }

    /// <summary>The connection broke while the body was being read: retried like a 5xx.</summary>
    public static AttemptFailure BodyBroken(string source, long bytesRead, Exception ex) => Unavailable(source, FailureCategory.ConnectionError,
        $"the connection broke while the response body was being read, after {bytesRead} bytes ({UntrustedText.OneLine(ex.Message)})", null, ex, retryable: true);

    /// <summary>No HTTP answer at all: DNS (not retried), refused, TLS (not retried), anything else.</summary>
    public static AttemptFailure FromTransport(Uri target, Exception ex)
    {
        var source = ModelsEndpoint.Display(target);
        var socket = Find<SocketException>(ex);
        switch (socket?.SocketErrorCode)
        {
            case SocketError.HostNotFound:
            case SocketError.NoData:
            case SocketError.TryAgain:
                return Unavailable(source, FailureCategory.ConnectionError,
                    $"the host name '{target.Host}' could not be resolved (DNS: {UntrustedText.OneLine(socket!.Message)})",
                    "Check -BaseUri / COMETAPI_BASE_URL for a typo, and this machine's DNS and proxy settings (HTTPS_PROXY).", ex, retryable: false);
            case SocketError.ConnectionRefused:
                return Unavailable(source, FailureCategory.ConnectionError,
                    $"the connection to {target.Host}:{target.Port} was refused (nothing is listening there, or a firewall rejects it)",
                    "Check -BaseUri / COMETAPI_BASE_URL (host and port) and the proxy settings (HTTPS_PROXY), then run again.", ex, retryable: true);
        }
        if (Find<System.Security.Authentication.AuthenticationException>(ex) is { } tls)
            return Unavailable(source, FailureCategory.SecurityError,
                $"the TLS handshake with {target.Host} failed ({UntrustedText.OneLine(tls.Message)})",
                "Check that -BaseUri names the real API host and that a TLS-inspecting proxy's certificate is trusted on this machine.", ex, retryable: false);
        return Unavailable(source, FailureCategory.ConnectionError,
            $"the connection failed ({UntrustedText.OneLine(Innermost(ex).Message)})",
            "Check -BaseUri / COMETAPI_BASE_URL, the network path and the proxy settings (HTTPS_PROXY), then run again.", ex, retryable: true);
    }

    private static AttemptFailure Unavailable(string source, FailureCategory category, string problem, string? fix, Exception inner, bool retryable) => new()
    {
        Category = category,
        Problem = $"The models endpoint {source} is unavailable: {problem}",
        Fix = fix ?? LaterFix,
        Remark = OutageRemark,
        Target = source,
        Inner = inner,
        Retryable = retryable,
    };

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
}

/// <summary>Carries an <see cref="AttemptFailure"/> out of an attempt to the retry loop.</summary>
internal sealed class AttemptFailedException : Exception
{
    public AttemptFailedException(AttemptFailure failure) : base(failure.Problem, failure.Inner) => Failure = failure;

    public AttemptFailure Failure { get; }
}
