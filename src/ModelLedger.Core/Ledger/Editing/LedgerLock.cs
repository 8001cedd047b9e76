using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace ModelLedger.Ledger.Editing;

/// <summary>
/// Serializes ledger edits: an exclusively opened lock file beside the ledger, held from reading the ledger to
/// renaming the new one into place, so two editors never both start from the same bytes (no lost edit). The file
/// is left in place: deleting it on release would let a waiting editor lock the unlinked file while a third one
/// creates a new one. The operating system releases the lock when the process ends, however it ends. The lock
/// file must be a regular file the editors created: a link (or FIFO, device) in its place is refused, never followed.
/// </summary>
internal sealed class LedgerLock : IDisposable
{
    public const string Suffix = ".lock";
    private readonly FileStream _stream;

    private LedgerLock(FileStream stream) => _stream = stream;

    public static LedgerLock Acquire(string ledgerPath, TimeSpan wait)
    {
        // Beside the file the links lead to, so an editor through a link and one through the real path (or another
        // link) take the same lock; an unreadable link keeps the typed path (the edit then refuses the link itself).
        var path = (IO.RealPath.Of(ledgerPath) ?? ledgerPath) + Suffix;
        var clock = Stopwatch.StartNew();
        var random = new Random();
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
                return new LedgerLock(Open(ledgerPath, path));
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

    // Created exclusively when absent (O_CREAT|O_EXCL never follows a link, so no file is created through one); an
    // existing lock file is opened only when it is a regular file itself, not a link, FIFO or device.
    private static FileStream Open(string ledgerPath, string path)
    {
        try { return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1); }
        catch (IOException) when (File.Exists(path) || IO.FileKinds.Of(path, followLinks: false) != IO.FileKind.Missing)
        {
            var kind = IO.FileKinds.Of(path, followLinks: false);
            if (kind != IO.FileKind.Regular && kind != IO.FileKind.Missing) throw LedgerEditErrors.LockNotFile(ledgerPath, path, kind);
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1);
        }
    }

    public void Dispose() => _stream.Dispose();
}
