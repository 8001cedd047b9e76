using System;
using System.IO;
using System.Linq;
using ModelLedger.Config;
using ModelLedger.IO;
using ModelLedger.ModelIds;

namespace ModelLedger.DryRun;

/// <summary>
/// Runbook step 5 ("Dry-run the rollback path" in about_ModelLedger): switch one service's staging config to its rollback ID, check the ID the application really
/// sends, run the small workload, and put the config back byte for byte - whatever happens in between. A journal
/// written before the switch lets the next run repair a config whose process died mid-run.
/// </summary>
internal sealed class RollbackDryRun
{
    private readonly IDryRunHost _host;

    public RollbackDryRun(IDryRunHost host) => _host = host;

    /// <summary>Runs the dry run; null when -WhatIf or -Confirm declined the switch.</summary>
    public DryRunResult? Run(LedgerEntry entry, string configPath, ConfigKeyPath key) => Run(entry, configPath, new ConfigTarget(key));

    /// <summary>Runs the dry run on a JSON, YAML or .env config; null when -WhatIf or -Confirm declined the switch.</summary>
    public DryRunResult? Run(LedgerEntry entry, string configPath, ConfigTarget target)
    {
        var key = target.Text;
        var result = new DryRunResult
        {
            Service = entry.Service,
            ForwardModelId = entry.CurrentModelId,
            RollbackModelId = entry.RollbackModelId,
            ConfigPath = configPath,
            ConfigKey = key,
            Restored = true,
        };
        var skip = SkipReason(entry);
        if (skip != null)
        {
            result.Status = DryRunStatus.Skipped;
            result.Message = skip;
            _host.Warning($"Service '{entry.Service}': {skip}");
            return result;
        }
        var forward = entry.CurrentModelId!;
        var rollback = entry.RollbackModelId!;

        _host.Progress("Checking the config", 0);
        using var configLock = AcquireLock(configPath);
        var current = ReadConfig(configPath, required: true)!;
        ConfigWriteCheck.Require(configPath);
        if (FileLinks.IsLink(configPath))
            _host.Verbose($"'{configPath}' is a link: the switch and the restore are written through it to its target, and the link stays.");
        var original = Recover(configPath, DryRunJournal.TryRead(configPath), current);
        var slot = ConfigFile.Parse(configPath, original, target.Format).Locate(target.Document, target.Key);
        slot.RequireString();
        if (!string.Equals(slot.Value, target.Template.Apply(forward), StringComparison.Ordinal)) throw ConfigMismatch(configPath, target, slot, entry);
        var switched = ConfigScalarSwitch.Replace(slot, target.Template.Apply(rollback));

        if (!_host.ShouldProcess(configPath,
                $"Switch '{key}' (line {slot.Line}) from '{forward}' to the rollback ID '{rollback}' for service '{entry.Service}', run the probe{(_host.HasWorkload ? " and the workload" : "")}, then restore the original bytes"))
            return null;

        var journal = new DryRunJournal
        {
            ConfigPath = configPath,
            Service = entry.Service,
            ConfigKey = key,
            ForwardModelId = forward,
            RollbackModelId = rollback,
            OriginalBytes = original,
            OriginalSha256 = Sha256Hex.Of(original),
            SwitchedSha256 = Sha256Hex.Of(switched),
            StartedAt = DateTimeOffset.UtcNow,
            ProcessId = CurrentProcessId(),
            MachineName = Environment.MachineName,
        };
        WriteOrFail(() => journal.Write(), DryRunJournal.PathFor(configPath), "The dry-run journal");
        _host.Verbose($"Journal written: '{DryRunJournal.PathFor(configPath)}' holds the original bytes until the config is restored.");
        CrashPoint.Hit("dryrun:after-journal");

        try
        {
            _host.Progress($"Switching '{key}' to '{rollback}'", 20);
            WriteOrFail(() => WriteConfig(configPath, switched), configPath, "The switched config");
            result.SwitchedAt = DateTimeOffset.UtcNow;
            result.Restored = false;
            _host.Verbose($"Switched '{key}' in '{configPath}' from '{forward}' to '{rollback}' at {Stamp(result.SwitchedAt.Value)}.");
            CrashPoint.Hit("dryrun:after-switch");

            var context = new DryRunContext { Service = entry.Service, ConfigPath = configPath, ConfigKey = key, ExpectedModelId = rollback };
            RunScripts(context, result, forward, rollback);
        }
        finally
        {
            _host.Progress("Restoring the config", 90);
            Restore(configPath, original, switched, journal, result);
            _host.Progress("Done", 100);
        }
        return result;
    }

    /// <summary>-Recover: repairs a config from the journal of an interrupted run. Null when there is no journal.</summary>
    public DryRunResult? RecoverOnly(string configPath)
    {
        using var configLock = AcquireLock(configPath);
        var journal = DryRunJournal.TryRead(configPath);
        if (journal == null)
        {
            _host.Verbose($"No dry-run journal next to '{configPath}': nothing to recover.");
            return null;
        }
        var bytes = Recover(configPath, journal, ReadConfig(configPath, required: false));
        return new DryRunResult
        {
            Service = journal.Service,
            ForwardModelId = journal.ForwardModelId,
            RollbackModelId = journal.RollbackModelId,
            ConfigPath = configPath,
            ConfigKey = journal.ConfigKey,
            Status = DryRunStatus.Skipped,
            Restored = SameBytes(ReadConfig(configPath, required: false), bytes),
            RestoredAt = DateTimeOffset.UtcNow,
            Message = $"Recovered the config from the journal of the dry run started {Stamp(journal.StartedAt)}; no rehearsal was run.",
        };
    }

    private void RunScripts(DryRunContext context, DryRunResult result, string forward, string rollback)
    {
        try
        {
            _host.Progress("Probing the ID the application sends", 40);
            var seen = _host.Probe(context).Where(s => s != null).ToList();
            CrashPoint.Hit("dryrun:after-probe");
            if (seen.Count == 0)
            {
                Fail(result, "The probe output no model ID. It must reload the component that reads the config and output the model ID string the application sends.");
                return;
            }
            var wrong = seen.FirstOrDefault(s => !string.Equals(s, rollback, StringComparison.Ordinal));
            result.ObservedModelId = wrong ?? seen[0];
            if (wrong != null)
            {
                Fail(result, WrongIdMessage(wrong, forward, rollback));
                return;
            }
            _host.Verbose($"The probe saw '{rollback}', the rollback ID, exactly.");

            if (_host.HasWorkload)
            {
                _host.Progress("Running the workload", 60);
                _host.Workload(context);
                CrashPoint.Hit("dryrun:after-workload");
            }
            result.Status = DryRunStatus.Passed;
            result.Message = _host.HasWorkload
                ? $"The application sent '{rollback}' and the workload passed."
                : $"The application sent '{rollback}'. No workload was given: the request set was not exercised.";
        }
        catch (DryRunScriptFailedException ex)
        {
            Fail(result, ex.Message);
        }
    }

    private static string WrongIdMessage(string seen, string forward, string rollback)
    {
        if (string.Equals(seen, forward, StringComparison.Ordinal))
            return $"The application still sent the forward ID '{forward}', not the rollback ID '{rollback}': the reload did not pick up the switched config, or the ID is cached. Fix the reload, then rehearse again.";
        var nearMiss = new ModelIdHints(new[] { rollback }).For(seen).Count > 0;
        return nearMiss
            ? $"The application sent '{seen}', a near miss of the rollback ID '{rollback}' (an alias the gateway redirected, or a typo in a config layer). IDs must match exactly; find which layer rewrites it."
            : $"The application sent '{seen}', not the rollback ID '{rollback}'. Find which config layer or gateway rule overrides the switched value.";
    }

    private void Fail(DryRunResult result, string message)
    {
        result.Status = DryRunStatus.Failed;
        result.Message = message;
        _host.Verbose("Dry run failed: " + message);
    }

    private void Restore(string configPath, byte[] original, byte[] switched, DryRunJournal journal, DryRunResult result)
    {
        CrashPoint.Hit("dryrun:before-restore");
        try
        {
            var now = ReadConfig(configPath, required: false);
            if (!SameBytes(now, original))
            {
                if (now != null && !SameBytes(now, switched))
                {
                    // Someone changed the file during the run: keep their bytes for review instead of losing them.
                    var displaced = configPath + ".dryrun-displaced";
                    AtomicFile.WriteAllBytes(displaced, now, UnixPermissions.OwnerOnly);
                    _host.Warning($"'{configPath}' was changed by something else during the dry run. Its bytes are kept in '{displaced}'; the original is being restored.");
                }
                WriteConfig(configPath, original);
            }
            if (!SameBytes(ReadConfig(configPath, required: false), original))
                throw new IOException("the file read back differs from the original bytes");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ModelLedgerException)
        {
            result.Restored = false;
            throw RestoreFailed(configPath, journal, ex);
        }
        result.Restored = true;
        result.RestoredAt = DateTimeOffset.UtcNow;
        journal.Delete();
        _host.Verbose($"Restored '{configPath}' byte for byte at {Stamp(result.RestoredAt.Value)}; journal removed.");
    }

    /// <summary>Repairs the config from a journal left by an interrupted run; returns the bytes it holds (or would hold, under -WhatIf).</summary>
    private byte[] Recover(string configPath, DryRunJournal? journal, byte[]? current)
    {
        if (journal == null) return current!;
        var who = $"service '{journal.Service}', started {Stamp(journal.StartedAt)} by process {journal.ProcessId} on {journal.MachineName}";
        var journalPath = DryRunJournal.PathFor(configPath);
        var hash = current == null ? null : Sha256Hex.Of(current);
        // A run killed inside an in-place write left new bytes plus the old tail: ours to restore, like a switched file.
        if (current != null && hash != journal.OriginalSha256 && CutShortWrite.Matches(journal, current))
            hash = journal.SwitchedSha256;
        if (hash != null && hash == journal.OriginalSha256)
        {
            if (_host.ShouldProcess(journalPath, "Remove the journal of an interrupted dry run (the config already holds its original bytes)"))
            {
                journal.Delete();
                _host.Warning($"Found the journal of an interrupted dry run ({who}); '{configPath}' already held its original bytes. Journal removed.");
            }
            return current!;
        }
        if (hash == null || hash == journal.SwitchedSha256)
        {
            if (_host.ShouldProcess(configPath, $"Restore the original bytes from the journal of an interrupted dry run ({who})"))
            {
                try
                {
                    WriteConfig(configPath, journal.OriginalBytes);
                    if (!SameBytes(ReadConfig(configPath, required: false), journal.OriginalBytes))
                        throw new IOException("the file read back differs from the journal's original bytes");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ModelLedgerException)
                {
                    throw RestoreFailed(configPath, journal, ex);
                }
                journal.Delete();
                _host.Warning($"Restored '{configPath}' from the journal of an interrupted dry run ({who}): '{journal.ConfigKey}' holds '{journal.ForwardModelId}' again.");
            }
            return journal.OriginalBytes;
        }

        // The file changed after the interrupted run: restoring would overwrite someone's edit.
        var original = configPath + ".dryrun-original";
        try { AtomicFile.WriteAllBytes(original, journal.OriginalBytes, UnixPermissions.OwnerOnly); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        throw DryRunErrors.ChangedSinceInterrupted(configPath, who, original, journalPath, journal.ConfigKey);
    }

    private static ModelLedgerException RestoreFailed(string configPath, DryRunJournal journal, Exception ex) =>
        DryRunErrors.RestoreFailed(configPath, DryRunJournal.PathFor(configPath), journal.ConfigKey, journal.ForwardModelId, journal.RollbackModelId, ex);

    private static string? SkipReason(LedgerEntry entry)
    {
        if (string.IsNullOrEmpty(entry.CurrentModelId)) return "the ledger records no current model ID, so there is nothing to switch back from. Complete the entry first.";
        if (string.IsNullOrEmpty(entry.RollbackModelId)) return "the ledger records no rollback model ID, so there is no rollback to rehearse. Record the approved rollback ID first.";
        if (string.Equals(entry.CurrentModelId, entry.RollbackModelId, StringComparison.Ordinal))
            return "the rollback ID is the current ID, so a switch would change nothing. Record the previous approved ID as the rollback.";
        return null;
    }

    private static ModelLedgerException ConfigMismatch(string configPath, ConfigTarget target, ConfigScalarLocation slot, LedgerEntry entry)
    {
        var key = target.Text;
        var value = slot.Value!;
        var fits = target.Template.TryExtract(value, out var id);
        var hint = !fits
            ? $" It does not fit the template '{target.Template}'."
            : string.Equals(id, entry.RollbackModelId, StringComparison.Ordinal)
            ? " It already holds the rollback ID: an earlier run may not have been restored, or the rollback is already live."
            : new ModelIdHints(new[] { entry.CurrentModelId! }).For(id).Count > 0 ? " That is a near miss, not a match: IDs are exact strings." : "";
        var template = target.Template.IsIdentity ? null : target.Template.ToString();
        var templated = template == null ? null : target.Template.Apply(entry.CurrentModelId!);
        return DryRunErrors.ConfigMismatch(configPath, slot.Line, key, value, template, templated, entry.CurrentModelId, entry.Service, hint);
    }

    private static DryRunLock AcquireLock(string configPath) => DryRunLock.Acquire(configPath);

    private static byte[]? ReadConfig(string configPath, bool required)
    {
        try
        {
            if (!File.Exists(configPath))
            {
                if (!required) return null;
                throw DryRunErrors.ConfigNotFound(configPath);
            }
            return InputFile.ReadAllBytes(configPath, InputLimits.Config);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw FileErrors.Unreadable(ErrorIds.DryRunConfigUnreadable, "Config", configPath, ex);
        }
    }

    // In place, so the config keeps its owner, mode and links (ConfigWriteCheck refused what we could not write so);
    // a config deleted during the run is written anew.
    private static void WriteConfig(string configPath, byte[] bytes)
    {
        if (File.Exists(configPath)) InPlaceFile.Overwrite(configPath, bytes);
        else AtomicFile.WriteAllBytes(configPath, bytes);
    }

    private static void WriteOrFail(Action write, string path, string what)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw FileErrors.WriteFailed(ErrorIds.OutputWriteFailed, what, path, ex,
                "Check that this account may write in the config's folder and that the disk has space, then run the dry run again.");
        }
    }

    private static bool SameBytes(byte[]? a, byte[]? b) => a != null && b != null && a.AsSpan().SequenceEqual(b);

    private static int CurrentProcessId()
    {
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return p.Id;
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
