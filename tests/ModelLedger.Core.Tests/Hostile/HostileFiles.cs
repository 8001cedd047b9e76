using System;
using System.Diagnostics;
using System.IO;

namespace ModelLedger.Core.Tests.Hostile;

/// <summary>Fixtures the hostile-file tests share: FIFOs (mkfifo), links, and whether this machine has Unix files at all.</summary>
internal static class HostileFiles
{
    /// <summary>FIFOs, devices and mode bits are Unix matters; on Windows the tests that need them return early.</summary>
    public static bool Unix => !OperatingSystem.IsWindows();

    public static string Fifo(TempFiles t, string name)
    {
        var path = t.PathOf(name);
        using var p = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { RedirectStandardError = true })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return path;
    }

    public static string Link(TempFiles t, string name, string target)
    {
        var path = t.PathOf(name);
        File.CreateSymbolicLink(path, target);
        return path;
    }
}
