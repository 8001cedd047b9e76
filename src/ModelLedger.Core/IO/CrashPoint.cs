using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace ModelLedger.IO;

/// <summary>
/// Fault injection for the crash tests: when MODELLEDGER_CRASH_AT names a point ("dryrun:after-switch", or
/// "atomic-write:config.json#2" for its second hit), the process kills itself there, as a power cut or a killed
/// job would (no finally blocks, no flush). Compiled only into the test (Debug) build: in a Release build every
/// call to <see cref="Hit"/> is removed by the compiler, so the variable does nothing there.
/// </summary>
internal static class CrashPoint
{
    public const string Variable = "MODELLEDGER_CRASH_AT";
    private static readonly Dictionary<string, int> Hits = new(StringComparer.Ordinal);

    [Conditional("MODELLEDGER_TEST_HOOKS")]
    public static void Hit(string point)
    {
        var at = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(at) || !at!.StartsWith(point, StringComparison.Ordinal)) return;
        var wanted = 1;
        if (at.Length != point.Length)
        {
            if (at[point.Length] != '#' || !int.TryParse(at.Substring(point.Length + 1), out wanted)) return;
        }
        int count;
        lock (Hits)
        {
            Hits.TryGetValue(point, out count);
            Hits[point] = ++count;
        }
        if (count != wanted) return;
        using var self = Process.GetCurrentProcess();
        self.Kill();
        self.WaitForExit();
    }
}
