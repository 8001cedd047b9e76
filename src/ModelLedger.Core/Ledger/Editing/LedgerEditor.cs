using System;
using System.IO;

namespace ModelLedger.Ledger.Editing;

/// <summary>
/// One edit of a ledger file, start to end: take the lock beside it, read the current bytes, let the caller
/// change the document, and write it atomically, all inside the lock, so that a concurrent edit is never lost.
/// </summary>
internal static class LedgerEditor
{
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(10);

    /// <param name="edit">Changes the document; returns false to write nothing (-WhatIf, a refused confirmation).</param>
    public static void Edit(string path, bool create, TimeSpan lockWait, Func<ILedgerDocument, bool> edit)
    {
        RequireWritable(path);
        using var _ = LedgerLock.Acquire(path, lockWait);
        var document = LedgerDocument.Open(path, create);
        if (edit(document)) LedgerDocument.Save(path, document);
    }

    /// <summary>
    /// Writes a new ledger (New-ModelLedger) under the same lock: an existing file is refused (LedgerExists) unless
    /// <paramref name="replace"/>, checked inside the lock so a ledger created meanwhile is not overwritten unasked;
    /// the caller fills an empty document, which is written atomically.
    /// </summary>
    /// <param name="fill">Adds the entries; returns false to write nothing.</param>
    public static void Create(string path, bool replace, TimeSpan lockWait, Func<ILedgerDocument, bool> fill)
    {
        if (System.IO.Directory.Exists(path)) throw BootstrapErrors.LedgerExists(path, isFolder: true);
        RequireWritable(path);
        using var _ = LedgerLock.Acquire(path, lockWait);
        if (System.IO.File.Exists(path) && !replace) throw BootstrapErrors.LedgerExists(path, isFolder: false);
        var document = LedgerDocument.New(path);
        if (fill(document)) LedgerDocument.Save(path, document);
    }

    // Before the lock: a FIFO or device is refused unopened, a read-only ledger (LedgerReadOnly) before anything is
    // created beside it. The write itself keeps the ledger's link, mode and owner (AtomicFile).
    private static void RequireWritable(string path)
    {
        if (!File.Exists(path)) return;
        try { IO.InputFile.RequireRegular(path); }
        catch (IO.NotRegularFileException ex) { throw FileErrors.Unreadable(ErrorIds.LedgerUnreadable, "Ledger", path, ex); }
        if (IO.WriteAccess.Refusal(path, out var inner) is string problem) throw LedgerEditErrors.ReadOnly(path, problem, inner);
    }

    /// <summary>The index of the service's entry (names compare case-insensitively, as the ledger's uniqueness rule does), or -1.</summary>
    public static int IndexOf(ILedgerDocument document, string service)
    {
        for (var i = 0; i < document.Entries.Count; i++)
            if (string.Equals(document.Entries[i].Service, service, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
