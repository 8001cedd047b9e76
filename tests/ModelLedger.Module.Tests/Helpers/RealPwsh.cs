using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests;

/// <summary>What one real pwsh process printed and how it exited.</summary>
public sealed record PwshRun(int Code, string Out, string Err)
{
    private static readonly Regex Ansi = new("\u001b\\[[0-9;?]*[ -/]*[@-~]", RegexOptions.Compiled);

    /// <summary>Standard output without colour sequences: the layout a CI log shows once its viewer strips them.</summary>
    public string PlainOut => Ansi.Replace(Out, "");

    public string PlainErr => Ansi.Replace(Err, "");

    public override string ToString() => $"exit {Code}\n--- stdout ---\n{PlainOut}\n--- stderr ---\n{PlainErr}";
}

/// <summary>
/// Real PowerShell 7.6.9, the .NET local tool pinned in .config/dotnet-tools.json (restored by the test project's
/// build), run as users and CI run it: a separate process with redirected output, so views render 80 columns wide.
/// </summary>
public static class RealPwsh
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    /// <summary><c>pwsh -File script args</c>, from the repository root.</summary>
    public static PwshRun RunFile(string script, IEnumerable<string>? args = null, IDictionary<string, string>? env = null)
    {
        var all = new List<string> { "-NoProfile", "-NonInteractive", "-File", script };
        if (args != null) all.AddRange(args);
        return Run(all, env);
    }

    /// <summary>A script as a runbook runs it, with plain (colour-free) output for assertions.</summary>
    public static (int Code, string Out, string Err) Example(string script, params string[] args) => Example(null, script, args);

    public static (int Code, string Out, string Err) Example(IDictionary<string, string>? env, string script, params string[] args)
    {
        var run = RunFile(script, args, env);
        return (run.Code, run.PlainOut, run.PlainErr);
    }

    /// <summary>Writes a script (its param block, an Import-Module of the repo's manifest, then <paramref name="body"/>) and runs it.</summary>
    public static (int Code, string Out, string Err) Run(TempDir dir, string paramBlock, string body, params string[] args)
    {
        var script = dir.Write("script-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".ps1",
            paramBlock + "\n$ErrorActionPreference = 'Stop'\nImport-Module '" + Repo.Manifest.Replace("'", "''") + "'\n" + body);
        return Example(script, args);
    }

    /// <summary><c>pwsh -Command text</c> with ModelLedger imported first, from the repository root.</summary>
    public static PwshRun RunCommand(string command, IDictionary<string, string>? env = null) =>
        Run(new[] { "-NoProfile", "-NonInteractive", "-Command", $"$ErrorActionPreference = 'Stop'; Import-Module '{Repo.Manifest}'; $ErrorActionPreference = 'Continue'\n{command}" }, env);

    private static PwshRun Run(IEnumerable<string> pwshArgs, IDictionary<string, string>? env)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Repo.Root,
        };
        start.ArgumentList.Add("tool");
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("pwsh");
        start.ArgumentList.Add("--");
        foreach (var a in pwshArgs) start.ArgumentList.Add(a);
        // A test run inside Azure DevOps must not make the child think it is one, and no key leaks in from the runner.
        start.Environment.Remove("TF_BUILD");
        start.Environment.Remove("COMETAPI_API_KEY");
        start.Environment.Remove("COMETAPI_BASE_URL");
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        if (env != null) foreach (var kv in env) start.Environment[kv.Key] = kv.Value;

        using var p = Process.Start(start)!;
        p.StandardInput.Close();
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)Limit.TotalMilliseconds))
        {
            p.Kill(true);
            Assert.Fail($"pwsh did not finish in {Limit.TotalMinutes} minutes: {string.Join(' ', pwshArgs)}");
        }
        p.WaitForExit();
        return new PwshRun(p.ExitCode, outTask.Result, errTask.Result);
    }
}
