using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace ModelLedger.Ledger.Editing
{
    /// <summary>
    /// Serializes ledger edits: an exclusively opened lock file beside the ledger, held from reading the ledger to
    /// renaming the new one into place, so two editors never both start from the same bytes (no lost edit). The file
    /// is left in place: deleting it on release would let a waiting editor lock the unlinked file while a third one
    /// creates a new one. The operating system releases the lock when the process ends, however it ends.
    /// </summary>
    public sealed class LedgerLock : IDisposable
    {
        public const string Suffix = ".lock";
        private readonly FileStream _stream;

        private LedgerLock(FileStream stream) => _stream = stream;

        public static LedgerLock Acquire(string ledgerPath, TimeSpan wait)
        {
            var path = ledgerPath + Suffix;
            var clock = Stopwatch.StartNew();
            var random = new Random();
            while (true)
            {
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
                    return new LedgerLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
                }
                catch (IOException ex) when (File.Exists(path))
                {
                    if (clock.Elapsed >= wait) throw LedgerEditErrors.Locked(ledgerPath, clock.Elapsed, ex);
                    // Jitter so that several waiting editors do not retry in step.
                    Thread.Sleep(25 + random.Next(50));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw LedgerEditErrors.WriteFailed(path, ex);
                }
            }
        }

        public void Dispose() => _stream.Dispose();
    }
}
