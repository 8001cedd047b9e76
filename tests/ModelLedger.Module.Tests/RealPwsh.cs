using System;
using System.Diagnostics;
using System.IO;

namespace ModelLedger.Module.Tests
{
    /// <summary>
    /// Runs a script file under the real pwsh the repo pins (`dotnet pwsh`, from .config/dotnet-tools.json), with
    /// output redirected as in a CI log. For what the hosted engine lacks: Export-Csv, ConvertTo-Json, real processes.
    /// </summary>
    public static class RealPwsh
    {
        public static (int Code, string Out, string Err) RunFile(string script, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = Repo.Root };
            foreach (var a in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", script }) start.ArgumentList.Add(a);
            foreach (var a in args) start.ArgumentList.Add(a);
            start.Environment.Remove("TF_BUILD");
            start.Environment["NO_COLOR"] = "1";
            using var p = Process.Start(start)!;
            p.StandardInput.Close();
            var outTask = p.StandardOutput.ReadToEndAsync();
            var errTask = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(180_000))
            {
                p.Kill(true);
                Assert.Fail("pwsh did not finish in 3 minutes");
            }
            return (p.ExitCode, outTask.Result, errTask.Result);
        }

        /// <summary>Writes a script (its param block, an Import-Module of the repo's manifest, then <paramref name="body"/>) and runs it.</summary>
        public static (int Code, string Out, string Err) Run(TempDir dir, string paramBlock, string body, params string[] args)
        {
            var script = dir.Write("script-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".ps1",
                paramBlock + "\n$ErrorActionPreference = 'Stop'\n$PSStyle.OutputRendering = 'PlainText'\nImport-Module '" + Repo.Manifest.Replace("'", "''") + "'\n" + body);
            return RunFile(script, args);
        }
    }
}
