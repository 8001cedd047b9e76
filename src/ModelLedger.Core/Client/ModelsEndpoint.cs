using System;
using ModelLedger.Rendering;

namespace ModelLedger.Client;

/// <summary>
/// URI and transport policy: which URL the models list is read from, how a URL may be shown, and where the key
/// may travel (https, or plain http only to this machine).
/// </summary>
internal static class ModelsEndpoint
{
    public const string DefaultBaseUri = "https://api.cometapi.com";
    public const string ModelsPath = "v1/models";


    /// <summary>
    /// The models URL for a base URI: <c>{BaseUri}/v1/models</c> (a base that already ends in <c>/v1</c>, as OpenAI
    /// SDK settings do, gets <c>/models</c>). Credentials, query and fragment are refused, and never quoted.
    /// </summary>
    public static Uri Resolve(string? baseUri)
    {
        var text = string.IsNullOrWhiteSpace(baseUri) ? DefaultBaseUri : baseUri!.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw BaseUriInvalid(text, "is not an absolute http(s) URL.");
        if (uri.UserInfo.Length > 0)
            throw BaseUriInvalid(text, "holds credentials (user:password@); pass the key with -ApiKey or COMETAPI_API_KEY instead.");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw BaseUriInvalid(text, "has a query or fragment (a key in a URL ends up in proxy and server logs); pass only the API root and the key with -ApiKey or COMETAPI_API_KEY.");
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/v1/models", StringComparison.Ordinal)) path = path.Substring(0, path.Length - "/v1/models".Length);
        var suffix = path.EndsWith("/v1", StringComparison.Ordinal) ? "/models" : "/" + ModelsPath;
        return new UriBuilder(uri) { Path = path + suffix, Query = "", Fragment = "" }.Uri;
    }

    /// <summary>The URL as it may appear in messages and snapshots: scheme, host, port, path; never user info, query or fragment.</summary>
    public static string Display(Uri uri) =>
        uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>
    /// Text the operator typed as a base URI, fit to quote: cut before any query or fragment, and without anything
    /// before an '@' in the authority, since those are the places a key lands when pasted into a URL.
    /// </summary>
    internal static string DisplayTyped(string text)
    {
        var cut = text.IndexOfAny(new[] { '?', '#' });
        var shown = cut >= 0 ? text.Substring(0, cut) + "?..." : text;
        var scheme = shown.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = scheme >= 0 ? scheme + 3 : 0;
        var slash = shown.IndexOf('/', authorityStart);
        var authorityEnd = slash >= 0 ? slash : shown.Length;
        var at = shown.LastIndexOf('@', authorityEnd - 1 < authorityStart ? authorityStart : authorityEnd - 1);
        if (at >= authorityStart) shown = shown.Substring(0, authorityStart) + "..." + shown.Substring(at);
        return UntrustedText.OneLine(shown, 200);
    }

    private static ModelLedgerException BaseUriInvalid(string typed, string problem) => CometApiErrors.BaseUriInvalid(DisplayTyped(typed), problem);

    /// <summary>True when a key may be sent to <paramref name="target"/>: https, or plain http to a loopback host.</summary>
    public static bool IsSecureFor(Uri target) => target.Scheme == Uri.UriSchemeHttps || target.IsLoopback;

    /// <summary><see cref="ErrorIds.CometApiInsecureTransport"/> unless a key may be sent to <paramref name="target"/>.</summary>
    public static void EnsureSecure(Uri target, Uri requested)
    {
        if (IsSecureFor(target)) return;
        throw CometApiErrors.InsecureTransport(Display(target), target == requested ? null : Display(requested));
    }

    /// <summary>Same host and port, and no downgrade from https: where the key may follow a redirect.</summary>
    public static bool SameOrigin(Uri from, Uri to) =>
        string.Equals(from.Host, to.Host, StringComparison.OrdinalIgnoreCase) && from.Port == to.Port && (from.Scheme == to.Scheme || to.Scheme == Uri.UriSchemeHttps);

    /// <summary>True when <paramref name="uri"/>'s path ends in <c>/v1/models</c>.</summary>
    public static bool IsModelsPath(Uri uri) => uri.AbsolutePath.TrimEnd('/').EndsWith("/" + ModelsPath, StringComparison.Ordinal);
}
