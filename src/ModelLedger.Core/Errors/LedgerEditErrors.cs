using System;
using ModelLedger.Rendering;

namespace ModelLedger.Ledger.Editing;

/// <summary>
/// The failures of editing a ledger, one factory each. Values are shown through <see cref="UntrustedText.Quote"/>.
/// In the Ledger.Editing namespace (not the root, like the other factories) because it reads the ledger's fields and
/// lock, and the root namespace depending on them would be a loop.
/// </summary>
internal static class LedgerEditErrors
{
    public static ModelLedgerException EntryExists(string path, string service)
    {
        const string fix = "Use Set-ModelLedgerEntry to change the existing entry, or choose another service name.";
        return Failure.Of(ErrorIds.LedgerEntryExists, FailureCategory.ResourceExists, $"Ledger '{path}' already has an entry for service {UntrustedText.Quote(service)}.", fix, target: service, filePath: path);
    }

    public static ModelLedgerException EntryNotFound(string path, string service)
    {
        const string fix = "Check the service name (Get-ModelLedger lists them), or add it with Add-ModelLedgerEntry.";
        return Failure.Of(ErrorIds.LedgerEntryNotFound, FailureCategory.ObjectNotFound, $"Ledger '{path}' has no entry for service {UntrustedText.Quote(service)}.", fix, target: service, filePath: path);
    }

    public static ModelLedgerException NotInSnapshot(string field, string id, string snapshot, string hint)
    {
        const string fix = "Write the exact ID the models list shows (IDs are exact strings), capture a fresh snapshot, or pass -Force to record it anyway.";
        return Failure.Of(ErrorIds.ModelIdNotInSnapshot, FailureCategory.InvalidArgument, $"{field} {UntrustedText.Quote(id)} is not in the models snapshot '{snapshot}'.{hint} Nothing was written.", fix, target: id, field: field);
    }

    public static ModelLedgerException Locked(string path, TimeSpan waited, Exception? inner)
    {
        var fix = $"Another Add-, Set- or Remove-ModelLedgerEntry is editing this ledger. Run the command again when it has finished (or raise -LockWaitSec); if no editor is running, check which process holds '{path}{LedgerLock.Suffix}'.";
        return Failure.Of(ErrorIds.LedgerLocked, FailureCategory.ResourceBusy, $"Ledger '{path}' stayed locked by another editor for {waited.TotalSeconds:0.#} seconds; nothing was written.", fix, target: path, filePath: path, inner: inner);
    }

    public static ModelLedgerException WindowOpen(string path, string service, string rollbackId, DateTimeOffset until, string action)
    {
        var fix = $"Keep {UntrustedText.Quote(rollbackId)} until the window closes ({LedgerField.FormatDate(until)}), or pass -Force if the change is approved (record why in -Notes or -ChangeRef).";
        return Failure.Of(ErrorIds.RollbackWindowOpen, FailureCategory.InvalidOperation, $"{action} would drop rollback ID {UntrustedText.Quote(rollbackId)} of service {UntrustedText.Quote(service)} inside its rollback window (rollbackUntil {LedgerField.FormatDate(until)}); nothing was written.", fix, target: service, filePath: path, field: LedgerFields.RollbackModelId.Name);
    }

    public static ModelLedgerException PromoteConflict(string service, LedgerField field)
    {
        var fix = $"Pass -Promote alone (it sets {LedgerFields.CurrentModelId.Name} and {LedgerFields.RollbackModelId.Name}), or set the IDs without -Promote.";
        return Failure.Of(ErrorIds.LedgerEditConflict, FailureCategory.InvalidArgument, $"-Promote sets {field.Name} of service {UntrustedText.Quote(service)} itself, and -{field.PropertyName} asks for another value; nothing was written.", fix, target: service, field: field.Name);
    }

    public static ModelLedgerException RollbackIsCurrent(string path, string service, string id)
    {
        const string fix = "Keep the rollback ID the model the service ran before (Set-ModelLedgerEntry -Promote moves the current ID there), or set another -RollbackModelId.";
        return Failure.Of(ErrorIds.LedgerEditConflict, FailureCategory.InvalidArgument, $"The edit would make rollback ID and current ID of service {UntrustedText.Quote(service)} both {UntrustedText.Quote(id)}: a rollback to the same ID is no rollback. Nothing was written.", fix, target: service, filePath: path, field: LedgerFields.RollbackModelId.Name);
    }

    public static ModelLedgerException TwoModelLists()
    {
        const string fix = "Pass either -SnapshotPath or -Model.";
        return Failure.Of(ErrorIds.LedgerEditConflict, FailureCategory.InvalidArgument, "-SnapshotPath and -Model both name the models list every written ID must be in; nothing was written.", fix);
    }

    public static ModelLedgerException WriteFailed(string path, Exception inner) =>
        FileErrors.WriteFailed(ErrorIds.LedgerWriteFailed, "Ledger", path, inner, "Check that this account may write the ledger's folder (a lock file and a temporary file are created beside it).");

    public static ModelLedgerException ReadOnly(string path, string problem, Exception? inner)
    {
        const string fix = "Make the ledger writable for its owner (chmod u+w, or clear the read-only attribute) if it is meant to be edited, or edit it as the account that owns it. " +
                           "The editors do not change a ledger's owner or permissions.";
        return Failure.Of(ErrorIds.LedgerReadOnly, FailureCategory.PermissionDenied, $"Ledger '{path}' {problem}; nothing was changed.", fix, target: path, filePath: path, inner: inner);
    }

    /// <summary>The lock file beside the ledger is a link, FIFO or device: never followed or opened, so no file is created through it.</summary>
    public static ModelLedgerException LockNotFile(string ledgerPath, string lockPath, IO.FileKind kind)
    {
        var fix = $"Remove '{lockPath}' if no editor is running (the editors create it as a regular file) and edit again.";
        return Failure.Of(ErrorIds.LedgerWriteFailed, FailureCategory.SecurityError, $"The lock file of ledger '{ledgerPath}' is {IO.FileKinds.Describe(kind)}, not a regular file the editors created; nothing was changed.", fix, target: lockPath, filePath: lockPath);
    }

    public static ModelLedgerException ShapeNotEditable(string path, string shape)
    {
        var fix = "Wrap the entries as {\"schemaVersion\": 1, \"entries\": [ ... ]} (or a bare array), then edit it.";
        return Failure.Of(ErrorIds.LedgerWriteFailed, FailureCategory.InvalidOperation, $"Ledger '{path}' is {shape}, which cannot be edited in place.", fix, target: path, filePath: path);
    }
}
