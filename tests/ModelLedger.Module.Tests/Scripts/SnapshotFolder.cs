using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests;

/// <summary>A drift-check.ps1 snapshot folder, as the tests prepare it.</summary>
internal static class SnapshotFolder
{
    private const string Yesterday = "20000101";

    /// <summary>
    /// drift-check.ps1 names snapshots by the second (models-label-yyyyMMdd-HHmmss.json): "yesterday's" snapshot is made
    /// by renaming today's to an earlier day, in order, not by waiting for the clock.
    /// </summary>
    public static void Age(string folder)
    {
        var aged = Directory.GetFiles(folder, $"models-*-{Yesterday}-*.json").Length;
        foreach (var file in Directory.GetFiles(folder, "models-*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Regex.Match(Path.GetFileName(file), @"^(models-.+)-(\d{8})-\d{6}\.json$");
            if (name.Success && name.Groups[2].Value != Yesterday)
                File.Move(file, Path.Combine(folder, $"{name.Groups[1].Value}-{Yesterday}-{++aged:D6}.json"));
        }
    }
}
