using System.Collections.Generic;

namespace ModelLedger.Ledger.Editing;

/// <summary>
/// A ledger file opened for editing: its entries as read, and edits that change only what they must (the JSON
/// document keeps comments, key order, indentation and line endings; the CSV document keeps its columns).
/// </summary>
internal interface ILedgerDocument
{
    IReadOnlyList<LedgerEntry> Entries { get; }

    /// <summary>Sets fields of the entry at <paramref name="index"/>; a null value clears the field.</summary>
    void SetFields(int index, IReadOnlyList<(LedgerField Field, object? Value)> values);

    void AddEntry(LedgerEntry entry);

    void RemoveEntry(int index);

    /// <summary>The file's new bytes, in the file's own encoding.</summary>
    byte[] ToBytes();
}
