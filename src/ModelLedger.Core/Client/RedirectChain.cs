using System;

namespace ModelLedger.Client;

/// <summary>
/// Redirect policy for one attempt: at most <see cref="MaximumRedirects"/> hops, only to a models endpoint
/// (<c>.../v1/models</c>) over http(s), never to an address that carries credentials, and the key only while the
/// chain stays on the origin it started from (and only over a transport the key may use). Once the chain has left
/// the origin, <see cref="LeftOriginFor"/> names where it went: an answer from there was fetched without the key.
/// </summary>
internal sealed class RedirectChain
{
    public const int MaximumRedirects = 5;

    private readonly Uri _start;
    private readonly string _source;
    private readonly Action<string> _verbose;
    private int _hops;

    public RedirectChain(Uri start, string source, Action<string> verbose)
    {
        _start = start;
        _source = source;
        _verbose = verbose;
        Current = start;
    }

    /// <summary>Where the next request goes.</summary>
    public Uri Current { get; private set; }

    /// <summary>Whether the next request carries the key.</summary>
    public bool SendKey => LeftOriginFor == null;

    /// <summary>The other host the chain was redirected to, shown without credentials; null while on the origin.</summary>
    public string? LeftOriginFor { get; private set; }

    public static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    /// <summary>Moves to the redirect's target, or refuses it with an error that never quotes its user info or query.</summary>
    public void Follow(int status, Uri? location)
    {
        if (location == null)
            throw CometApiErrors.RedirectRefused(_source, status, "it came without a Location header.");
        if (++_hops > MaximumRedirects)
            throw CometApiErrors.RedirectRefused(_source, status, $"more than {MaximumRedirects} redirects.");
        var target = location.IsAbsoluteUri ? location : new Uri(Current, location);
        var shown = target.IsAbsoluteUri && (target.Scheme == Uri.UriSchemeHttps || target.Scheme == Uri.UriSchemeHttp) ? ModelsEndpoint.Display(target) : "a non-http address";
        if (target.UserInfo.Length > 0)
            throw CometApiErrors.RedirectRefused(_source, status, $"its target {shown} carries credentials in the address (not shown), which a models endpoint never needs.");
        if ((target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp) || !ModelsEndpoint.IsModelsPath(target) ||
            (target.Query.Length > 0 && !string.Equals(target.Host, Current.Host, StringComparison.OrdinalIgnoreCase)))
            throw CometApiErrors.RedirectRefused(_source, status, $"its target {shown} is not a models endpoint (a login page, a dashboard or a wrong path).");

        if (SendKey && !ModelsEndpoint.SameOrigin(Current, target))
        {
            LeftOriginFor = shown;
            _verbose($"HTTP {status}: redirected to another host, {shown}; following without the Authorization header.");
        }
        else
        {
            _verbose($"HTTP {status}: redirected to {shown}.");
        }
        if (SendKey) ModelsEndpoint.EnsureSecure(target, _start);
        Current = target;
    }
}
