using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.ModelIds;

namespace ModelLedger.Ledger.Editing;

/// <summary>
/// The rules an edit must pass before anything is written: a promotion keeps the chain current -> rollback, a
/// rollback ID is never dropped inside its window, and every model ID written is in the models list.
/// </summary>
internal static class LedgerEditRules
{
    /// <summary>The fields a promotion sets: the new ID becomes current and the current one the rollback ID.</summary>
    public static List<(LedgerField Field, object? Value)> Promote(LedgerEntry entry, string newCurrentId) => new()
    {
        (LedgerFields.CurrentModelId, newCurrentId),
        (LedgerFields.RollbackModelId, entry.CurrentModelId),
    };

    /// <summary>
    /// Refuses (RollbackWindowOpen) when the rollback ID would change or disappear while its rollbackUntil is
    /// after <paramref name="asOf"/>. <paramref name="newRollbackId"/> is null for a removal.
    /// </summary>
    public static void GuardRollbackWindow(string path, LedgerEntry entry, string? newRollbackId, DateTimeOffset asOf, string action)
    {
        if (entry.RollbackModelId == null || entry.RollbackUntil is not { } until || until <= asOf) return;
        if (string.Equals(newRollbackId, entry.RollbackModelId, StringComparison.Ordinal)) return;
        throw LedgerEditErrors.WindowOpen(path, entry.Service ?? "(no service)", entry.RollbackModelId, until, action);
    }

    /// <summary>Refuses (LedgerEditConflict) an edit of either ID that leaves the rollback ID equal to the current ID.</summary>
    public static void GuardRollbackDiffers(string path, LedgerEntry entry, IReadOnlyCollection<FieldChange> changes)
    {
        string? After(LedgerField field, string? was) => changes.FirstOrDefault(c => c.Field == field) is { } c ? c.After as string : was;
        if (!changes.Any(c => c.Field == LedgerFields.CurrentModelId || c.Field == LedgerFields.RollbackModelId)) return;
        var current = After(LedgerFields.CurrentModelId, entry.CurrentModelId);
        var rollback = After(LedgerFields.RollbackModelId, entry.RollbackModelId);
        if (current != null && string.Equals(current, rollback, StringComparison.Ordinal))
            throw LedgerEditErrors.RollbackIsCurrent(path, entry.Service ?? "(no service)", current);
    }

    /// <summary>The model-ID fields an edit writes; each must be in the snapshot.</summary>
    public static readonly IReadOnlyList<LedgerField> ModelIdFields = new[] { LedgerFields.CurrentModelId, LedgerFields.RollbackModelId, LedgerFields.EmergencyAlternative };

    /// <summary>Refuses (ModelIdNotInSnapshot, with the near-miss hint) the first written model ID the list lacks.</summary>
    public static void GuardInSnapshot(IEnumerable<FieldChange> changes, ICollection<string> available, string snapshotName)
    {
        ModelIdHints? hints = null;
        foreach (var change in changes.Where(c => ModelIdFields.Contains(c.Field) && c.After is string))
        {
            var id = (string)change.After!;
            if (available.Contains(id)) continue;
            hints ??= new ModelIdHints(available);
            throw LedgerEditErrors.NotInSnapshot(change.Field.Name, id, snapshotName, hints.Describe(id));
        }
    }
}
