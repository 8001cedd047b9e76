using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ModelLedger.Benchmarks;

/// <summary>An in-process runspace with ./ModelLedger.psd1 imported, for timing cmdlets without process start-up.</summary>
internal sealed class ModuleSession : IDisposable
{
    public ModuleSession(string manifest)
    {
        Runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        Runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop").Invoke();
    }

    public Runspace Runspace { get; }

    /// <summary>ModelLedger.psd1 above the benchmark's folder (the repository root).</summary>
    public static string FindManifest()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ModelLedger.psd1");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("ModelLedger.psd1 not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a script with these variables set; its last output as an int (a count, or 0/1 for a gate's answer).</summary>
    public int InvokeInt(string script, Dictionary<string, object> variables)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        foreach (var kv in variables) Runspace.SessionStateProxy.SetVariable(kv.Key, kv.Value);
        var result = ps.AddScript(script).Invoke();
        if (ps.HadErrors) throw new InvalidOperationException(string.Join("; ", ps.Streams.Error));
        return Convert.ToInt32(result[result.Count - 1].BaseObject, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Runspace.Dispose();
}
