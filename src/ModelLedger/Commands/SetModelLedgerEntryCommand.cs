using System;
using System.Linq;
using System.Management.Automation;
using ModelLedger.Completion;
using ModelLedger.Ledger;
using ModelLedger.Ledger.Editing;
using ModelLedger.Rendering;

namespace ModelLedger.Commands;

/// <summary>
/// Changes fields of one service's entry, or promotes a new current model ID (the current one becomes the rollback
/// ID). Only the changed values' bytes change in the file.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ModelLedgerEntry", SupportsShouldProcess = true)]
[OutputType(typeof(LedgerEntry))]
public sealed class SetModelLedgerEntryCommand : LedgerFieldsCmdlet
{
    /// <summary>The ledger file. Binds the SourcePath of entries from Get-ModelLedger.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SourcePath")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The service whose entry changes (compared case-insensitively).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LedgerServiceCompleter))]
    public string Service { get; set; } = "";

    /// <summary>The new current model ID: the current ID becomes the rollback ID.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Promote { get; set; }

    /// <summary>The time the rollback window is judged at (default now).</summary>
    [Parameter]
    public DateTimeOffset? AsOf { get; set; }

    // Said only once the promotion is written: a refused or -WhatIf promotion cleared nothing.
    private string? _unvalidated;

    protected override void ProcessRecord()
    {
        _unvalidated = null;
        var asOf = AsOf ?? DateTimeOffset.UtcNow;
        try
        {
            var path = ResolveInputPath(Path, InputKind.EditedLedger);
            LedgerEditor.Edit(path, create: false, LockWait, document =>
            {
                VerboseEditing(path, document.Entries.Count);
                var index = LedgerEditor.IndexOf(document, Service);
                if (index < 0) throw LedgerEditErrors.EntryNotFound(path, Service);
                var entry = document.Entries[index];
                // Promoting the current ID again would make it its own rollback: a re-run changes nothing and says so.
                if (Promote != null && string.Equals(Promote, entry.CurrentModelId, StringComparison.Ordinal))
                {
                    WriteWarning($"{UntrustedText.Quote(Promote)} is already the current model ID of service {UntrustedText.Quote(entry.Service)}; nothing was changed (the rollback ID stays {UntrustedText.Quote(entry.RollbackModelId)}).");
                    if (PassThru) WriteObject(Copy(entry, path));
                    return false;
                }
                var requested = Requested(entry, asOf);
                var changes = FieldChange.Between(entry, requested);
                LedgerEditRules.GuardRollbackDiffers(path, entry, changes);
                var rollbackAfter = changes.FirstOrDefault(c => c.Field == LedgerFields.RollbackModelId) is { } r ? (string?)r.After : entry.RollbackModelId;
                if (!Force) LedgerEditRules.GuardRollbackWindow(path, entry, rollbackAfter, asOf, Promote != null ? $"Promoting '{Promote}'" : "This edit");
                GuardInModels(changes);
                if (changes.Count == 0)
                {
                    WriteVerbose($"Ledger entry {UntrustedText.Quote(Service)} already holds these values; nothing to write.");
                    if (PassThru) WriteObject(Copy(entry, path));
                    return false;
                }
                if (!ShouldProcess($"{path} service {UntrustedText.Quote(entry.Service)}", $"Set ledger entry: {FieldChange.Describe(changes)}")) return false;
                document.SetFields(index, changes.Select(c => (c.Field, c.After)).ToList());
                if (_unvalidated != null) WriteWarning(_unvalidated);
                if (PassThru) WriteObject(Copy(document.Entries[index], path));
                return true;
            });
        }
        catch (ModelLedgerException ex)
        {
            WriteError(ex);
        }
    }

    // The bound fields, and with -Promote the promotion's fields. An ID bound alongside -Promote must agree with it
    // (piped entries bind their own current and rollback IDs, which the promotion then replaces).
    private System.Collections.Generic.List<(LedgerField Field, object? Value)> Requested(LedgerEntry entry, DateTimeOffset asOf)
    {
        // Values equal to the entry's own change nothing (a piped entry binds every field); dropping them lets the
        // promotion's defaults (lastValidated now, the old window closed) apply.
        var bound = BoundFields().Where(b => b.Field.GetText(entry) != b.Field.ToText(b.Value)).ToList();
        if (Promote == null) return bound;
        var promotion = LedgerEditRules.Promote(entry, Promote);
        foreach (var (field, value) in bound.Where(b => promotion.Any(p => p.Field == b.Field)).ToList())
        {
            if (!Equals(field.GetText(entry), field.ToText(value)) && !Equals(field.ToText(value), field.ToText(promotion.First(p => p.Field == field).Value)))
                throw LedgerEditErrors.PromoteConflict(Service, field);
            bound.RemoveAll(b => b.Field == field);
        }
        bound.AddRange(promotion);
        // lastValidated is stamped only when a models list lists the new ID; the old date was the previous ID's, so it goes.
        if (!bound.Any(b => b.Field == LedgerFields.LastValidated))
        {
            if (InModels(Promote))
                bound.Add((LedgerFields.LastValidated, new DateTimeOffset(asOf.UtcDateTime.Ticks - asOf.UtcDateTime.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero)));
            else
            {
                bound.Add((LedgerFields.LastValidated, null));
                _unvalidated = ($"Nothing checked that the models list holds {UntrustedText.Quote(Promote)} (no -SnapshotPath or -Model, or -Force past it), so lastValidated of service {UntrustedText.Quote(entry.Service)} is cleared, not stamped. Validate it: Set-ModelLedgerEntry -Service {UntrustedText.Quote(entry.Service)} -SnapshotPath <snapshot> -LastValidated (Get-Date).");
            }
        }
        // The old window belonged to the rollback ID the promotion replaces; a new one is opened only by -RollbackUntil.
        if (!bound.Any(b => b.Field == LedgerFields.RollbackUntil) && entry.RollbackUntil != null)
            bound.Add((LedgerFields.RollbackUntil, null));
        return bound;
    }
}
