using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using ModelLedger.Commands;
using ModelLedger.Rendering;

namespace ModelLedger.DryRun;

/// <summary>
/// Runs a dry run's probe and workload script blocks in the caller's runspace (so they see the caller's variables
/// and modules) with a time limit, and routes the dry run's messages to the cmdlet's streams.
/// </summary>
internal sealed class ScriptDryRunHost : IDryRunHost
{
    // The module base class, so every write goes through its key scrubber and display escaping.
    private readonly ModelLedgerCmdlet _cmdlet;
    private readonly ScriptBlock? _probe;
    private readonly ScriptBlock? _workload;
    private readonly TimeSpan _timeout;
    private readonly string _activity;
    private readonly object _gate = new();
    private PowerShell? _running;
    private bool _stopping;

    public ScriptDryRunHost(ModelLedgerCmdlet cmdlet, ScriptBlock? probe, ScriptBlock? workload, TimeSpan timeout, string activity)
    {
        _cmdlet = cmdlet;
        _probe = probe;
        _workload = workload;
        _timeout = timeout;
        _activity = activity;
    }

    public bool HasWorkload => _workload != null;

    public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);

    public void Verbose(string message) => Write(() => _cmdlet.WriteVerbose(message));

    public void Warning(string message) => Write(() => _cmdlet.WriteWarning(message));

    public void Progress(string phase, int percentComplete) =>
        Write(() => _cmdlet.WriteProgress(new ProgressRecord(2, _activity, UntrustedText.ForDisplay(phase))
        {
            PercentComplete = percentComplete,
            RecordType = percentComplete >= 100 ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        }));

    // Once Ctrl+C is pressed every Write* throws PipelineStoppedException; a message must never stop the restore.
    private static void Write(Action write)
    {
        try { write(); } catch (PipelineStoppedException) { }
    }

    public IReadOnlyList<string> Probe(DryRunContext context) => _probe == null ? Array.Empty<string>() :
        Invoke(_probe, context, "probe").Where(o => o != null).Select(o => o.BaseObject as string ?? o.ToString()).ToList();

    public void Workload(DryRunContext context)
    {
        if (_workload != null) Invoke(_workload, context, "workload");
    }

    /// <summary>Ctrl+C: stop the running script at once; the dry run's finally block restores the config.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            _running?.BeginStop(null, null);
        }
    }

    private IList<PSObject> Invoke(ScriptBlock script, DryRunContext context, string what)
    {
        using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
        // '&' keeps the script block bound to the caller's session state (its variables, functions and modules).
        ps.AddScript("param($__modelLedgerScript, $__modelLedgerContext) & $__modelLedgerScript $__modelLedgerContext")
          .AddArgument(script).AddArgument(context);
        var timedOut = 0;
        lock (_gate)
        {
            if (_stopping) throw new PipelineStoppedException();
            _running = ps;
        }
        using var timer = new Timer(_ =>
        {
            Interlocked.Exchange(ref timedOut, 1);
            ps.BeginStop(null, null);
        }, null, _timeout, Timeout.InfiniteTimeSpan);
        try
        {
            Verbose($"Running the {what} (time limit {_timeout.TotalSeconds:0} s).");
            var output = ps.Invoke();
            ForwardErrors(ps, what);
            if (Volatile.Read(ref timedOut) == 1) throw TimedOut(what);
            return output;
        }
        catch (PipelineStoppedException) when (Volatile.Read(ref timedOut) == 1 && !_stopping)
        {
            throw TimedOut(what);
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException)
        {
            throw new DryRunScriptFailedException($"The {what} threw: {ex.Message}", ex);
        }
        finally
        {
            timer.Change(Timeout.Infinite, Timeout.Infinite);
            lock (_gate) _running = null;
        }
    }

    // Non-terminating errors the script wrote are the operator's to see; they do not fail the dry run by themselves.
    private void ForwardErrors(PowerShell ps, string what)
    {
        foreach (var record in ps.Streams.Error)
            Warning($"The {what} wrote an error: {record}");
    }

    private DryRunScriptFailedException TimedOut(string what) =>
        new($"The {what} did not finish within {_timeout.TotalSeconds:0} s (-TimeoutSec) and was stopped.");
}
