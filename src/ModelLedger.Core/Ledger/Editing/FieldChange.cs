using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Rendering;

namespace ModelLedger.Ledger.Editing;

/// <summary>One field an edit changes, from what to what (typed values; text through the field table).</summary>
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

    /// <summary>"currentModelId 'a' -> 'b'", values shown as data.</summary>
    public override string ToString() => $"{Field.Name} {UntrustedText.Quote(Field.ToText(Before))} -> {UntrustedText.Quote(Field.ToText(After))}";

    /// <summary>The requested values that differ from the entry's (compared as the field table's text).</summary>
    public static List<FieldChange> Between(LedgerEntry entry, IEnumerable<(LedgerField Field, object? Value)> requested)
    {
        var changes = new List<FieldChange>();
        foreach (var (field, value) in requested)
        {
            var before = field.GetValue(entry);
            var probe = new LedgerEntry();
            field.SetValue(probe, value);
            var after = field.GetValue(probe);
            if (field.ToText(before) != field.ToText(after)) changes.Add(new FieldChange(field, before, after));
        }
        // Ledger order, so -WhatIf and the written file list fields the way a reviewer reads the entry.
        return changes.OrderBy(c => Array.IndexOf((LedgerField[])LedgerFields.All, c.Field)).ToList();
    }

    public static string Describe(IEnumerable<FieldChange> changes) => string.Join("; ", changes.Select(c => c.ToString()));
}
