using System;

namespace ModelLedger.Client;

/// <summary>
/// The errors that end a CometAPI call or stop it before it starts: the key, the base URI, the transport, the
/// answer, a model that is not listed. Why one attempt failed is an <see cref="AttemptFailure"/> (which may be
/// retried); <see cref="Attempt"/> turns the last one into the error. In the Client namespace (not the root, like the
/// other factories) because it reads <see cref="AttemptFailure"/>, which belongs to the client's retry loop.
/// </summary>
internal static class CometApiErrors
{
    private const string BaseUriFix = "Pass the API root, for example -BaseUri https://api.cometapi.com (or set COMETAPI_BASE_URL); the client adds /v1/models.";

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
        return Attempt(failure, note);
    }

    /// <summary>The error to raise for a failed attempt; <paramref name="note"/> (for example " (3 attempts)") follows what happened.</summary>
    public static ModelLedgerException Attempt(AttemptFailure failure, string note = "") =>
        Failure.Of(failure.ErrorId, failure.Category, $"{failure.Problem.TrimEnd('.')}{note}.", failure.Fix, target: failure.Target, inner: failure.Inner,
            httpStatus: failure.HttpStatus, apiErrorCode: failure.ApiErrorCode, requestId: failure.RequestId, remark: failure.Remark);

    /// <summary>No key was given.</summary>
    public static ModelLedgerException KeyMissing() => Failure.Of(ErrorIds.CometApiKeyMissing, FailureCategory.InvalidArgument,
        "No CometAPI key was given.",
        "Pass -ApiKey (a SecureString, e.g. from Get-Secret or Read-Host -AsSecureString) or set the COMETAPI_API_KEY environment variable, using the production-equivalent key the release will use; or read a saved snapshot with -SnapshotPath.");

    /// <summary>A key that cannot be sent as a header value; only its length is shown, never the key.</summary>
    public static ModelLedgerException KeyInvalid(int length) =>
        Failure.Of(ErrorIds.CometApiKeyInvalid, FailureCategory.InvalidArgument,
            $"The API key ({length} characters) contains whitespace, a line break or a non-ASCII character, so it cannot be sent as given (often a trailing newline from a file or a copy-paste).",
            "Set the key again without surrounding whitespace.");

    /// <summary>-BaseUri / COMETAPI_BASE_URL is not an absolute http(s) API root; <paramref name="shown"/> is the typed text fit to quote.</summary>
    public static ModelLedgerException BaseUriInvalid(string shown, string problem) =>
        Failure.Of(ErrorIds.CometApiBaseUriInvalid, FailureCategory.InvalidArgument, $"The base URI '{shown}' {problem}", BaseUriFix, target: shown);

    /// <summary>The key would go over plain http to a host that is not this machine; <paramref name="redirectedFrom"/> is null without a redirect.</summary>
    public static ModelLedgerException InsecureTransport(string target, string? redirectedFrom)
    {
        const string fix = "Use an https:// base URI (https://api.cometapi.com); plain http is only allowed to this machine (localhost, 127.0.0.0/8, ::1).";
        var redirected = redirectedFrom == null ? "" : $" (redirected from {redirectedFrom})";
        return Failure.Of(ErrorIds.CometApiInsecureTransport, FailureCategory.SecurityError, $"Refusing to send the API key over plain http to {target}{redirected}: anyone on the path could read it. Nothing was sent.", fix, target: target);
    }

    /// <summary>Get-CometModel -Id: an ID the models list (or snapshot) does not hold; <paramref name="hints"/> names near misses.</summary>
    public static ModelLedgerException ModelNotFound(string id, string where, int count, string hints)
    {
        var fix = hints.Length > 0
            ? "Fix the ID in the ledger or config to the exact string the service lists, or choose an approved alternative."
            : "Check the ID against the ledger; if it was removed, choose an approved rollback or emergency alternative and capture a fresh snapshot.";
        return Failure.Of(ErrorIds.CometModelNotFound, FailureCategory.ObjectNotFound, $"Model '{id}' is not in {where} ({count} models; matching is exact and case-sensitive).{hints}", fix, target: id);
    }

}
