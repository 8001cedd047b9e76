using System;
using System.Collections.Generic;

namespace ModelLedger.DryRun;

/// <summary>What a rollback dry run needs from its caller: confirmation, messages, and running the probe and workload.</summary>
internal interface IDryRunHost
{
    /// <summary>-WhatIf / -Confirm: false means do not make this change.</summary>
    bool ShouldProcess(string target, string action);

    void Verbose(string message);

    void Warning(string message);

    void Progress(string phase, int percentComplete);

    /// <summary>Runs the probe and returns the model IDs it output. Throws <see cref="DryRunScriptFailedException"/> when it throws or times out.</summary>
    IReadOnlyList<string> Probe(DryRunContext context);

    /// <summary>Runs the workload. Throws <see cref="DryRunScriptFailedException"/> when it throws or times out.</summary>
    void Workload(DryRunContext context);

    /// <summary>False when no workload script was given.</summary>
    bool HasWorkload { get; }
}

/// <summary>The probe or workload failed (threw, or ran past its time limit): the dry run fails, the config is restored.</summary>
internal sealed class DryRunScriptFailedException : Exception
{
    public DryRunScriptFailedException(string message, Exception? inner = null) : base(message, inner) { }
}
