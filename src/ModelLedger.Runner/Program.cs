using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ModelLedger.Runner;

// Usage: dotnet run --project src/ModelLedger.Runner -- <script.ps1> [script arguments]
// Runs the script with ModelLedger imported, renders output as pwsh does, and exits with the script's exit code.
if (args.Length == 0 || args[0] is "-h" or "--help" or "-?")
{
    Console.Error.WriteLine("usage: ModelLedger.Runner <script.ps1> [-Parameter value ...]");
    Console.Error.WriteLine("Runs a runbook script with the ModelLedger module imported (for machines without pwsh).");
    return args.Length == 0 ? 2 : 0;
}

var script = args[0];
if (!File.Exists(script))
{
    Console.Error.WriteLine($"ModelLedger.Runner: script '{script}' was not found.");
    return 2;
}

var manifest = ModuleLocator.FindManifest();
if (manifest == null)
{
    Console.Error.WriteLine($"ModelLedger.Runner: could not find {ModuleLocator.ManifestName}; set MODELLEDGER_MANIFEST to its path.");
    return 2;
}

var width = Console.IsOutputRedirected ? 160 : Math.Max(80, Console.WindowWidth);
var plainText = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") != null;
var host = new RunnerHost(Console.Out, Console.Error, Console.In, width, plainText);
ScriptSession session;
try
{
    session = new ScriptSession(host, manifest);
}
catch (RuntimeException ex)
{
    Console.Error.WriteLine($"ModelLedger.Runner: the module at '{manifest}' did not import. Build it first: dotnet build CometModelOps.sln -c Release");
    ScriptSession.WriteTerminatingError(ex.ErrorRecord, Console.Error);
    return 2;
}

using (session)
{
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; session.Stop(); };
    var code = session.RunFile(script, ScriptArguments.Parse(args.Skip(1).ToArray()), Console.Error);
    Console.Out.Flush();
    return code;
}
