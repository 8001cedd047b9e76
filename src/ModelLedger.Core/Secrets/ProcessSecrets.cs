using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.Secrets;

/// <summary>
/// The keys this process was given (through -ApiKey or the environment), kept in memory only so that a later
/// command, such as an evidence export, can redact a key that was never in the environment. Process-wide on
/// purpose: a key one runspace used must not leak from another runspace of the same host.
/// Nothing here is ever written anywhere.
/// </summary>
internal static class ProcessSecrets
{
    private static readonly HashSet<string> Keys = new(System.StringComparer.Ordinal);

    public static void Remember(string? key)
    {
        if (string.IsNullOrEmpty(key)) return;
        lock (Keys) Keys.Add(key!);
    }

    /// <summary>A scrubber for every key this session has seen plus <paramref name="more"/>.</summary>
    public static SecretScrubber Scrubber(params string?[] more)
    {
        string[] known;
        lock (Keys) known = Keys.ToArray();
        return new SecretScrubber(known.Concat(more));
    }
}
