using System;
using System.Management.Automation;
using ModelLedger.Completion;
using ModelLedger.Ledger.Editing;
using ModelLedger.Rendering;

namespace ModelLedger.Commands;

/// <summary>Removes one service's entry from a ledger. Refused while the entry's rollback window is open, unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "ModelLedgerEntry", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveModelLedgerEntryCommand : ModelLedgerCmdlet
{
    /// <summary>The ledger file. Binds the SourcePath of entries from Get-ModelLedger.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SourcePath")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The service whose entry is removed.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LedgerServiceCompleter))]
    public string Service { get; set; } = "";

    /// <summary>Remove even while the entry's rollback window is open.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The time the rollback window is judged at (default now).</summary>
    [Parameter]
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>How long to wait for another editor's lock before LedgerLocked (default 10 seconds).</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public int LockWaitSec { get; set; } = (int)LedgerEditor.DefaultLockWait.TotalSeconds;

    protected override void ProcessRecord()
    {
        try
        {
            var path = ResolveInputPath(Path, InputKind.EditedLedger);
            LedgerEditor.Edit(path, create: false, TimeSpan.FromSeconds(LockWaitSec), document =>
            {
                VerboseEditing(path, document.Entries.Count);
                var index = LedgerEditor.IndexOf(document, Service);
                if (index < 0) throw LedgerEditErrors.EntryNotFound(path, Service);
                var entry = document.Entries[index];
                if (!Force) LedgerEditRules.GuardRollbackWindow(path, entry, null, AsOf ?? DateTimeOffset.UtcNow, "Removing the entry");
                if (!ShouldProcess($"{path} service {UntrustedText.Quote(entry.Service)}",
                        $"Remove ledger entry (currentModelId {UntrustedText.Quote(entry.CurrentModelId)}, rollbackModelId {UntrustedText.Quote(entry.RollbackModelId)})")) return false;
                document.RemoveEntry(index);
                return true;
            });
        }
        catch (ModelLedgerException ex)
        {
            WriteError(ex);
        }
    }
}
