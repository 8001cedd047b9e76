using System;

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
            using var _ = LedgerLock.Acquire(path, lockWait);
            var document = LedgerDocument.Open(path, create);
            if (edit(document)) LedgerDocument.Save(path, document);
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
