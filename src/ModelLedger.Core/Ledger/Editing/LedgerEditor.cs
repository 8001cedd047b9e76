using System;
using System.IO;

namespace ModelLedger.Ledger.Editing
{
    /// <summary>
    /// One edit of a ledger file, start to end: take the lock beside it, read the current bytes, let the caller
    /// change the document, and write it atomically, all inside the lock, so that a concurrent edit is never lost.
    /// </summary>
    public static class LedgerEditor
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
}
