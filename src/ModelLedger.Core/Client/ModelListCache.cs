using System;
using System.Collections.Concurrent;
using System.Text;

using ModelLedger.IO;

namespace ModelLedger.Client;

/// <summary>
/// The in-process cache behind "one call per base URI and credential per cache lifetime within a session".
/// Keys are the request URL plus a SHA-256 of the key: the key itself is never stored.
/// </summary>
internal static class ModelListCache
{
    private static readonly ConcurrentDictionary<string, ModelListResult> Entries = new(StringComparer.Ordinal);

    public static string KeyFor(string requestUri, string apiKey)
    {
        return requestUri + "\n" + Sha256Hex.Of(Encoding.UTF8.GetBytes(apiKey));
    }

    public static bool TryGet(string cacheKey, DateTimeOffset now, TimeSpan lifetime, out ModelListResult result)
    {
        if (Entries.TryGetValue(cacheKey, out var found) && now - found.CapturedAt < lifetime && now >= found.CapturedAt)
        {
            result = found;
            return true;
        }
        result = null!;
        return false;
    }

    public static void Store(string cacheKey, ModelListResult result) => Entries[cacheKey] = result;

    /// <summary>Forgets everything (for tests and for an operator who wants a fresh call without -NoCache).</summary>
    public static void Clear() => Entries.Clear();
}
