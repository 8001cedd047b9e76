using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ModelLedger.Module.Tests.Hosting;

namespace ModelLedger.Module.Tests;

/// <summary>What one script run produced, stream by stream.</summary>
public sealed class ScriptRun
{
    public Collection<PSObject> Output { get; init; } = new();
    public List<ErrorRecord> Errors { get; init; } = new();
    public List<WarningRecord> Warnings { get; init; } = new();
    public List<VerboseRecord> Verbose { get; init; } = new();
    public List<DebugRecord> Debug { get; init; } = new();
    public List<InformationRecord> Information { get; init; } = new();
    public List<ProgressRecord> Progress { get; init; } = new();

    /// <summary>The error that stopped the script, if one did.</summary>
    public ErrorRecord? Terminating { get; init; }

    /// <summary>What the host was asked to print (Out-Default rendering, $Host.UI writes).</summary>
    public string HostText { get; init; } = "";

    public IEnumerable<ErrorRecord> AllErrors => Terminating == null ? Errors : Errors.Append(Terminating);

    public T Single<T>() => Assert.Single(Output.Select(o => o.BaseObject).OfType<T>());

    public List<T> All<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();

    /// <summary>Everything a user or a log could see, for secret scans.</summary>
    public string EverythingAsText() => string.Join("\n", new[] { HostText }
        .Concat(Output.Select(o => o?.ToString() ?? ""))
        .Concat(AllErrors.Select(e => e.ToString() + " " + e.Exception + " " + e.TargetObject + " " + e.ErrorDetails?.Message))
        .Concat(Warnings.Select(w => w.Message)).Concat(Verbose.Select(v => v.Message)).Concat(Debug.Select(d => d.Message))
        .Concat(Information.Select(i => i.MessageData?.ToString() ?? "")).Concat(Progress.Select(p => p.Activity + " " + p.StatusDescription)));
}

/// <summary>
/// A PowerShell 7 session with ./ModelLedger.psd1 imported through Import-Module, as a script would do it,
/// and a host that records what would reach the screen.
/// </summary>
public sealed class PowerShellHarness : IDisposable
{
    private readonly StringWriter _hostOut = new();
    private readonly StringWriter _hostErr = new();
    private readonly ScriptSession _session;

    public PowerShellHarness(bool importModule = true, string? input = null, int width = 200)
    {
        _session = new ScriptSession(new TestHost(_hostOut, _hostErr, new StringReader(input ?? ""), width), importModule ? Repo.Manifest : null);
        SetVariable("RepoRoot", Repo.Root);
    }

    public void SetVariable(string name, object? value) => _session.Runspace.SessionStateProxy.SetVariable(name, value);

    public object? GetVariable(string name) => _session.Runspace.SessionStateProxy.GetVariable(name);

    /// <summary>Runs script text; the output objects are returned as they are (not rendered).</summary>
    public ScriptRun Run(string script, Dictionary<string, object?>? variables = null) => Invoke(script, variables, render: false);

    /// <summary>Runs script text through Out-Default, so HostText holds what pwsh would print.</summary>
    public ScriptRun Render(string script, Dictionary<string, object?>? variables = null) => Invoke(script, variables, render: true);

    private ScriptRun Invoke(string script, Dictionary<string, object?>? variables, bool render)
    {
        if (variables != null) foreach (var kv in variables) SetVariable(kv.Key, kv.Value);
        _hostOut.GetStringBuilder().Clear();
        _hostErr.GetStringBuilder().Clear();
        using var ps = PowerShell.Create();
        ps.Runspace = _session.Runspace;
        ps.AddScript(script);
        if (render) ps.AddCommand("Out-Default");
        Collection<PSObject> output = new();
        ErrorRecord? terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            terminating = ex.ErrorRecord;
        }
        return new ScriptRun
        {
            Output = output,
            Errors = ps.Streams.Error.ToList(),
            Warnings = ps.Streams.Warning.ToList(),
            Verbose = ps.Streams.Verbose.ToList(),
            Debug = ps.Streams.Debug.ToList(),
            Information = ps.Streams.Information.ToList(),
            Progress = ps.Streams.Progress.ToList(),
            Terminating = terminating,
            HostText = _hostOut.ToString() + _hostErr.ToString(),
        };
    }

    /// <summary>Runs script text and presses Ctrl+C (PowerShell.Stop) once <paramref name="stopWhen"/> holds; bounded by <paramref name="max"/>.</summary>
    public (bool Stopped, Exception? Failure) RunAndStop(string script, Dictionary<string, object?> variables, Func<bool> stopWhen, TimeSpan max)
    {
        foreach (var kv in variables) SetVariable(kv.Key, kv.Value);
        using var ps = PowerShell.Create();
        ps.Runspace = _session.Runspace;
        ps.AddScript(script);
        var async = ps.BeginInvoke();
        var deadline = DateTime.UtcNow + max;
        while (!stopWhen() && !async.IsCompleted && DateTime.UtcNow < deadline) System.Threading.Thread.Sleep(10);
        ps.Stop();
        try
        {
            ps.EndInvoke(async);
            return (false, null);
        }
        catch (PipelineStoppedException)
        {
            return (true, null);
        }
        catch (Exception ex)
        {
            return (false, ex);
        }
    }

    public void Dispose() => _session.Dispose();
}
