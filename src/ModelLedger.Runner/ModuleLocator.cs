using System;
using System.IO;

namespace ModelLedger.Runner
{
    /// <summary>Finds the repo's ModelLedger.psd1: $env:MODELLEDGER_MANIFEST, else the nearest one above the runner's own folder or the current folder.</summary>
    public static class ModuleLocator
    {
        public const string ManifestName = "ModelLedger.psd1";

        public static string? FindManifest()
        {
            var fromEnv = Environment.GetEnvironmentVariable("MODELLEDGER_MANIFEST");
            if (!string.IsNullOrEmpty(fromEnv)) return File.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
            return FindUpwards(AppContext.BaseDirectory) ?? FindUpwards(Directory.GetCurrentDirectory());
        }

        private static string? FindUpwards(string start)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ManifestName);
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }
}
