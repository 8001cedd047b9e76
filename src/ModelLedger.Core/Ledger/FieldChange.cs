using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Rendering;

namespace ModelLedger.Ledger;

/// <summary>
/// One field of a ledger entry before and after a change: what an edit will write, or how a row differs in the
/// evidence. Values are typed; they are compared and shown as the field table's text, so "changed" means the same
/// to the editing cmdlets and to the evidence bundle.
/// </summary>
internal sealed class FieldChange
{
    public FieldChange(LedgerField field, object? before, object? after)
    {
        Field = field;
        Before = before;
        After = after;
    }

    public LedgerField Field { get; }
    public object? Before { get; }
    public object? After { get; }

    public string Name => Field.Name;
    public string? BeforeText => Field.ToText(Before);
    public string? AfterText => Field.ToText(After);

    /// <summary>"currentModelId 'a' -> 'b'", values shown as data.</summary>
    public override string ToString() => $"{Name} {UntrustedText.Quote(BeforeText)} -> {UntrustedText.Quote(AfterText)}";

    /// <summary>The requested values that differ from the entry's.</summary>
    public static List<FieldChange> Between(LedgerEntry entry, IEnumerable<(LedgerField Field, object? Value)> requested)
    {
        var changes = new List<FieldChange>();
        foreach (var (field, value) in requested)
        {
            var probe = new LedgerEntry();
            field.SetValue(probe, value);
            var change = new FieldChange(field, field.GetValue(entry), field.GetValue(probe));
            if (change.Differs) changes.Add(change);
        }
        // Ledger order, so -WhatIf and the written file list fields the way a reviewer reads the entry.
        return changes.OrderBy(c => Array.IndexOf((LedgerField[])LedgerFields.All, c.Field)).ToList();
    }

    /// <summary>
    /// The fields that differ between two versions of a row, in ledger order. A null side is a row that was added
    /// (before) or removed (after): then every field the other side sets.
    /// </summary>
    public static List<FieldChange> Between(LedgerEntry? before, LedgerEntry? after) =>
        LedgerFields.All.Select(f => new FieldChange(f, before == null ? null : f.GetValue(before), after == null ? null : f.GetValue(after)))
            .Where(c => c.Differs).ToList();

    public static string Describe(IEnumerable<FieldChange> changes) => string.Join("; ", changes.Select(c => c.ToString()));

    private bool Differs => !string.Equals(BeforeText, AfterText, StringComparison.Ordinal);
}
