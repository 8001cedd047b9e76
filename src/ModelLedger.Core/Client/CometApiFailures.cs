using System;
using System.Net.Sockets;

namespace ModelLedger.Client
{
    /// <summary>
    /// Every way a models-list call can fail, each turned into one fixed error ID with a category, what happened and
    /// what to do. <see cref="AttemptFailure"/>s may be retried; the <see cref="ModelLedgerException"/>s end the call.
    /// </summary>
    internal static class CometApiFailures
    {
        private const string OutageRemark = "This says nothing about whether your model IDs exist: do not treat it as 'model missing'.";
        private const string LaterFix = "Run again later; until then a gate can use the last good snapshot (-SnapshotPath) if your policy allows.";

        internal const string SchemaFix =
            "Check -BaseUri (it should be the API root, for example https://api.cometapi.com, not a dashboard or documentation URL) and compare the response with the CometAPI models endpoint reference; do not treat this as an empty model list.";

        /// <summary>An answer that is not the documented model list.</summary>
        public static ModelLedgerException SchemaMismatch(string source, string problem, Exception? inner = null, string? field = null, int? status = null) =>
            Failure.Of(ErrorIds.CometApiSchemaMismatch, FailureCategory.InvalidData, $"The models endpoint {source} did not answer with the documented model list: {problem}", SchemaFix, target: source, field: field, httpStatus: status, inner: inner);

        /// <summary>A redirect the client will not follow (no Location, too many, credentials in it, not a models endpoint).</summary>
        public static ModelLedgerException RedirectRefused(string source, int status, string problem) =>
            Failure.Of(ErrorIds.CometApiSchemaMismatch, FailureCategory.InvalidData, $"The models endpoint {source} answered HTTP {status}, a redirect that was not followed: {problem}", SchemaFix, target: source, httpStatus: status);

        /// <summary>
        /// A list served by another host after a cross-origin redirect, which the key was (rightly) not sent to: it shows
        /// what that host lists to anyone, not what the credential may use, so it is not evidence for the credential.
        /// </summary>
        public static ModelLedgerException ListWithoutCredential(string source, string otherHost)
        {
            const string fix = "Point -BaseUri (or COMETAPI_BASE_URL) at the host that serves the list itself, if you trust it with the key, and run again; nothing was returned or saved.";
            return Failure.Of(ErrorIds.CometApiAuthFailed, FailureCategory.SecurityError, $"The models endpoint {source} redirected to another host ({otherHost}), where the key is never sent; the list that host answered was fetched without the credential, so it says nothing about which models the key can use.", fix, target: source);
        }

        /// <summary>A list that names the key itself (as an ID or metadata): refused rather than shown or saved.</summary>
        public static ModelLedgerException ListHoldsKey(string source)
        {
            const string fix = "Treat the endpoint as compromised or misconfigured: check -BaseUri, rotate the key, and report it to the service owner; nothing was returned or saved.";
            return Failure.Of(ErrorIds.CometApiKeyInResponse, FailureCategory.SecurityError, $"The models endpoint {source} listed the API key itself among the models (as an ID or metadata), so its answer was refused instead of being shown or written to a snapshot.", fix, target: source);
        }

        public static ModelLedgerException TooLarge(string source, long limit)
        {
            var fix = $"Check -BaseUri (a models list is normally well under 1 MB); if the list really is that large, raise -MaximumResponseBytes above {limit}.";
            return Failure.Of(ErrorIds.CometApiResponseTooLarge, FailureCategory.LimitsExceeded, $"The models endpoint {source} sent a response larger than {limit} bytes; it was not read further.", fix, target: source);
        }

        public static ModelLedgerException Timeout(string source, TimeSpan budget, int attempt, AttemptFailure? last, Exception inner)
        {
            const string fix = "Check the network path and proxy (HTTPS_PROXY) to the API, then run again, or raise -TimeoutSec. This says nothing about whether your model IDs exist.";
            var lastNote = last == null ? "" : $" The previous attempt failed with: {last.ShortReason}.";
            return Failure.Of(ErrorIds.CometApiUnavailable, FailureCategory.OperationTimeout, $"The models endpoint {source} gave no complete answer within {budget.TotalSeconds:0.#} s (-TimeoutSec; attempt {attempt}).{lastNote}", fix, target: source, httpStatus: last?.HttpStatus, apiErrorCode: last?.ApiErrorCode, requestId: last?.RequestId, inner: inner);
        }

        /// <summary>The error after the last attempt: the attempt count and any reason for stopping early follow what happened.</summary>
        public static ModelLedgerException AfterAttempts(AttemptFailure failure, int attempts, string? stopNote)
        {
            var note = attempts > 1 ? $" ({attempts} attempts)" : "";
            if (stopNote != null) note += ". " + stopNote.TrimEnd('.');
            return failure.ToError(note);
        }

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
            $"the connection broke while the response body was being read, after {bytesRead} bytes ({QuotedText.OneLine(ex.Message)})", null, ex, retryable: true);

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
                        $"the host name '{target.Host}' could not be resolved (DNS: {QuotedText.OneLine(socket!.Message)})",
                        "Check -BaseUri / COMETAPI_BASE_URL for a typo, and this machine's DNS and proxy settings (HTTPS_PROXY).", ex, retryable: false);
                case SocketError.ConnectionRefused:
                    return Unavailable(source, FailureCategory.ConnectionError,
                        $"the connection to {target.Host}:{target.Port} was refused (nothing is listening there, or a firewall rejects it)",
                        "Check -BaseUri / COMETAPI_BASE_URL (host and port) and the proxy settings (HTTPS_PROXY), then run again.", ex, retryable: true);
            }
            if (Find<System.Security.Authentication.AuthenticationException>(ex) is { } tls)
                return Unavailable(source, FailureCategory.SecurityError,
                    $"the TLS handshake with {target.Host} failed ({QuotedText.OneLine(tls.Message)})",
                    "Check that -BaseUri names the real API host and that a TLS-inspecting proxy's certificate is trusted on this machine.", ex, retryable: false);
            return Unavailable(source, FailureCategory.ConnectionError,
                $"the connection failed ({QuotedText.OneLine(Innermost(ex).Message)})",
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
}
