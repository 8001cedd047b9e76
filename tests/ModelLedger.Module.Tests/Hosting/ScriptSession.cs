using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ModelLedger.Module.Tests.Hosting;

/// <summary>
/// A runspace with the module imported and a host attached, for the in-process (hosted-engine) tests. What users
/// run is tested under real pwsh (see <see cref="ModelLedger.Module.Tests.RealPwsh"/>).
/// </summary>
public sealed class ScriptSession : IDisposable
{
    private readonly Runspace _runspace;

    public ScriptSession(TestHost host, string? manifestPath)
    {
        Host = host;
        _runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        _runspace.Open();
        if (host.PlainText)
        {
            // As pwsh does when output is redirected: no ANSI colour codes in logs and files.
            using var style = PowerShell.Create();
            style.Runspace = _runspace;
            style.AddScript("$PSStyle.OutputRendering = 'PlainText'").Invoke();
        }
        if (manifestPath != null)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddCommand("Import-Module").AddParameter("Name", manifestPath).AddParameter("ErrorAction", "Stop");
            ps.Invoke();
        }
    }

    public TestHost Host { get; }

    public Runspace Runspace => _runspace;

    public void Dispose() => _runspace.Dispose();
}
