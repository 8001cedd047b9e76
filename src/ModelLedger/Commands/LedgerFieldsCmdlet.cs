using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ModelLedger.Ledger;
using ModelLedger.Ledger.Editing;

namespace ModelLedger.Commands;

/// <summary>
/// What Add- and Set-ModelLedgerEntry share: one parameter per ledger field (bound by property name, so ledger
/// entries and Select-Object output pipe in), the models list every written ID must be in, the lock wait, and
/// the edit itself. Parameters map to fields through the field table by name.
/// </summary>
public abstract class LedgerFieldsCmdlet : ModelLedgerCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyString] public string? UseCase { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyString] public string? CurrentModelId { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyString] public string? RollbackModelId { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyString] public string? EmergencyAlternative { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyString] public string? Owner { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyString] public string? RollbackOwner { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] public DateTimeOffset? LastValidated { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyString] public string? ValidationMethod { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyString] public string? ChangeRef { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyString] public string? Notes { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] [AllowEmptyCollection] public string[]? ConfigRefs { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [AllowNull] public DateTimeOffset? RollbackUntil { get; set; }

    /// <summary>A models snapshot (Get-CometModel -OutSnapshot): every model ID written must be listed in it.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SnapshotPath { get; set; }

    /// <summary>Models from Get-CometModel, instead of a snapshot file.</summary>
    [Parameter]
    [AllowEmptyCollection]
    public CometModel[]? Model { get; set; }

    /// <summary>Write even if an ID is not in the models list, or a rollback ID inside its window is dropped.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write the entry as it is after the edit.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How long to wait for another editor's lock before LedgerLocked (default 10 seconds).</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public int LockWaitSec { get; set; } = (int)LedgerEditor.DefaultLockWait.TotalSeconds;

    private (HashSet<string> Ids, string Name)? _models;

    protected override void BeginProcessing()
    {
        try
        {
            if (SnapshotPath != null && Model != null) throw LedgerEditErrors.TwoModelLists();
            if (SnapshotPath != null)
            {
                var snapshot = ReadSnapshot(ResolveInputPath(SnapshotPath, InputKind.Snapshot));
                _models = (new HashSet<string>(snapshot.Models.Select(m => m.Id), StringComparer.Ordinal), snapshot.FilePath ?? SnapshotPath);
            }
            else if (Model != null)
            {
                _models = (new HashSet<string>(Model.Where(m => m != null).Select(m => m.Id), StringComparer.Ordinal), "-Model objects");
            }
        }
        catch (ModelLedgerException ex)
        {
            ThrowTerminatingError(ex);
        }
    }

    /// <summary>The field values bound on this record (from the command line or the piped object); "" and @() clear a field.</summary>
    protected List<(LedgerField Field, object? Value)> BoundFields()
    {
        var values = new List<(LedgerField, object?)>();
        foreach (var field in LedgerFields.All)
        {
            if (field == LedgerFields.Service || !MyInvocation.BoundParameters.TryGetValue(field.PropertyName, out var value)) continue;
            values.Add((field, value is PSObject pso ? pso.BaseObject : value));
        }
        return values;
    }

    /// <summary>Refuses a written model ID the models list lacks (unless -Force).</summary>
    private protected void GuardInModels(IEnumerable<FieldChange> changes)
    {
        if (_models is { } m && !Force) LedgerEditRules.GuardInSnapshot(changes, m.Ids, m.Name);
    }

    /// <summary>True when a models list was given and lists <paramref name="id"/>: only then does an edit count as validated.</summary>
    protected bool InModels(string id) => _models is { } m && m.Ids.Contains(id);

    protected TimeSpan LockWait => TimeSpan.FromSeconds(LockWaitSec);

    /// <summary>A copy of the entry for -PassThru, pointing at the edited file.</summary>
    protected static LedgerEntry Copy(LedgerEntry entry, string path)
    {
        var copy = new LedgerEntry { SourcePath = path, SourceLine = entry.SourceLine };
        foreach (var f in LedgerFields.All) f.SetValue(copy, f.GetValue(entry));
        return copy;
    }
}
