using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ModelLedger.Runner
{
    /// <summary>
    /// A runspace with the module imported and a host attached: what `pwsh -File` gives a script. Used by the
    /// runner and by the hosted-engine tests, so both drive the module the same way.
    /// </summary>
    public sealed class ScriptSession : IDisposable
    {
        private readonly Runspace _runspace;
        private PowerShell? _current;

        public ScriptSession(RunnerHost host, string? manifestPath)
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

        public RunnerHost Host { get; }

        public Runspace Runspace => _runspace;

        /// <summary>
        /// Runs a script file with arguments, rendering its output through Out-Default (format views, errors in
        /// pwsh's own layout). Returns the process exit code pwsh -File would: the script's `exit N`, 1 after a
        /// terminating error, else 0.
        /// </summary>
        public int RunFile(string scriptPath, IEnumerable<ScriptArgument> arguments, TextWriter errorWriter)
        {
            _runspace.SessionStateProxy.SetVariable("LASTEXITCODE", 0);
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            _current = ps;
            var command = new Command(Path.GetFullPath(scriptPath));
            foreach (var a in arguments)
            {
                if (a.Name == null) command.Parameters.Add(null, a.Value);
                else command.Parameters.Add(a.Name, a.Value);
            }
            command.MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
            ps.Commands.AddCommand(command);
            ps.AddCommand("Out-Default");
            try
            {
                ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                WriteTerminatingError(ex.ErrorRecord, errorWriter);
                return 1;
            }
            finally
            {
                _current = null;
            }
            if (ps.InvocationStateInfo.State == PSInvocationState.Stopped) return 130;
            if (Host.ExitCode is int hostExit) return hostExit;
            return _runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int code ? code : 0;
        }

        /// <summary>Ctrl+C: stop the running pipeline; cmdlets see StopProcessing and clean up (a dry run restores the config).</summary>
        public void Stop() => _current?.BeginStop(null, null);

        public static void WriteTerminatingError(ErrorRecord record, TextWriter writer)
        {
            var message = record.ErrorDetails?.Message ?? record.Exception?.Message ?? record.ToString();
            writer.WriteLine($"{record.InvocationInfo?.MyCommand?.Name ?? "error"}: {message}");
            writer.WriteLine($"FullyQualifiedErrorId: {record.FullyQualifiedErrorId}");
            if (record.CategoryInfo != null) writer.WriteLine($"Category: {record.CategoryInfo.Category}");
        }

        public void Dispose() => _runspace.Dispose();
    }
}
