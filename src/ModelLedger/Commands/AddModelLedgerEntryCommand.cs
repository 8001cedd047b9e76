using System.Linq;
using System.Management.Automation;
using ModelLedger.Ledger;
using ModelLedger.Ledger.Editing;

namespace ModelLedger.Commands;

/// <summary>Adds one entry per service to a ledger (JSON, or CSV by extension), creating the file when it does not exist.</summary>
[Cmdlet(VerbsCommon.Add, "ModelLedgerEntry", SupportsShouldProcess = true)]
[OutputType(typeof(LedgerEntry))]
public sealed class AddModelLedgerEntryCommand : LedgerFieldsCmdlet
{
    /// <summary>The ledger file to add to; created (with its folder) when absent.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The service the entry is for; must not be in the ledger yet.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Service { get; set; } = "";

    protected override void ProcessRecord()
    {
        var entry = new LedgerEntry { Service = Service };
        foreach (var (field, value) in BoundFields()) field.SetValue(entry, value);
        var changes = FieldChange.Between(new LedgerEntry(), LedgerFields.All.Select(f => (f, f.GetValue(entry))));
        try
        {
            var path = ResolveOutputPath(Path, ErrorIds.LedgerWriteFailed, "Ledger");
            GuardInModels(changes);
            LedgerEditor.Edit(path, create: true, LockWait, document =>
            {
                VerboseEditing(path, document.Entries.Count);
                if (LedgerEditor.IndexOf(document, Service) >= 0) throw LedgerEditErrors.EntryExists(path, Service);
                if (!ShouldProcess(path, $"Add ledger entry: {FieldChange.Describe(changes)}")) return false;
                document.AddEntry(entry);
                if (PassThru) WriteObject(Copy(document.Entries[document.Entries.Count - 1], path));
                return true;
            });
        }
        catch (ModelLedgerException ex)
        {
            WriteError(ex);
        }
    }
}
