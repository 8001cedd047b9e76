using System;
using System.IO;

namespace ModelLedger.DryRun;

/// <summary>
/// One dry run per config at a time: an exclusively opened lock file next to the config. The operating system
/// releases it when the process ends, however it ends, so a killed run never blocks the next one (which then
/// finds the journal and repairs the config).
/// </summary>
internal sealed class DryRunLock : IDisposable
{
    public const string Suffix = ".dryrun-lock";
    private readonly FileStream _stream;

    private DryRunLock(FileStream stream) => _stream = stream;

    public static DryRunLock Acquire(string configPath)
    {
        var path = configPath + Suffix;
        try
        {
            return new DryRunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException or PathTooLongException or NotSupportedException)
        {
            throw FileErrors.WriteFailed(ErrorIds.OutputWriteFailed, "The dry-run lock", path, ex,
                "Check that the config's folder exists and that this account may create files in it.", target: configPath);
        }
        catch (IOException ex)
        {
            // Any other failure to open the lock file is the other run's exclusive hold. Asking File.Exists first
            // raced with that run ending (its lock file is deleted on close) and reported a held lock as a bad config.
            var journal = TryDescribeJournal(configPath);
            throw DryRunErrors.InProgress(configPath, journal, ex);
        }
    }

    private static string TryDescribeJournal(string configPath)
    {
        try
        {
            var journal = DryRunJournal.TryRead(configPath);
            return journal == null ? "" : $" (service '{journal.Service}', started {journal.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by process {journal.ProcessId} on {journal.MachineName})";
        }
        catch (ModelLedgerException)
        {
            return "";
        }
    }

    public void Dispose() => _stream.Dispose();
}
