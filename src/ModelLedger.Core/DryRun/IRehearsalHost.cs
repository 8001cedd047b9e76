using System;
using System.Collections.Generic;

namespace ModelLedger.DryRun
{
    /// <summary>What a rollback rehearsal needs from its caller: confirmation, messages, and running the probe and workload.</summary>
    public interface IRehearsalHost
    {
        /// <summary>-WhatIf / -Confirm: false means do not make this change.</summary>
        bool ShouldProcess(string target, string action);

        void Verbose(string message);

        void Warning(string message);

        void Progress(string phase, int percentComplete);

        /// <summary>Runs the probe and returns the model IDs it output. Throws <see cref="RehearsalScriptFailedException"/> when it throws or times out.</summary>
        IReadOnlyList<string> Probe(DryRunContext context);

        /// <summary>Runs the workload. Throws <see cref="RehearsalScriptFailedException"/> when it throws or times out.</summary>
        void Workload(DryRunContext context);

        /// <summary>False when no workload script was given.</summary>
        bool HasWorkload { get; }
    }

    /// <summary>The probe or workload failed (threw, or ran past its time limit): the rehearsal fails, the config is restored.</summary>
    public sealed class RehearsalScriptFailedException : Exception
    {
        public RehearsalScriptFailedException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
