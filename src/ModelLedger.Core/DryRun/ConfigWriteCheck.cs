using System;
using System.IO;
using ModelLedger.IO;

namespace ModelLedger.DryRun
{
    /// <summary>
    /// The dry run switches a config in place (<see cref="InPlaceFile"/>), so the file keeps its owner, mode and links.
    /// A config it could not write as its owner would is refused before anything changes: one marked read-only (on
    /// Unix: no owner-write bit, which even root respects here) or one this account may not open for writing.
    /// </summary>
    internal static class ConfigWriteCheck
    {
        public static void Require(string configPath)
        {
            var mode = UnixPermissions.TryGet(configPath);
            if (mode is int m && (m & UnixPermissions.OwnerWrite) == 0)
                throw Refused(configPath, $"is read-only (mode {Convert.ToString(m & 0xFFF, 8).PadLeft(4, '0')}: its owner may not write it)", null);
            if (mode == null && (File.GetAttributes(configPath) & FileAttributes.ReadOnly) != 0)
                throw Refused(configPath, "is read-only (its read-only attribute is set)", null);
            try
            {
                using var probe = new FileStream(configPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw Refused(configPath, "cannot be written by this account (it belongs to another user or its permissions forbid writing)", ex);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                // On Windows a process holding the file open without write sharing: the switch could not be written either.
                throw Refused(configPath, $"cannot be opened for writing ({ex.Message})", ex);
            }
        }

        private static ModelLedgerException Refused(string configPath, string problem, Exception? inner)
        {
            const string fix = "Run the dry run as the account that owns the staging config, or rehearse on a writable staging copy. " +
                               "The dry run does not change the owner or permissions of a file it could not write as its owner would.";
            return new ModelLedgerException(ErrorIds.DryRunConfigReadOnly, FailureCategory.PermissionDenied,
                $"The config '{configPath}' {problem}; nothing was changed. {fix}", inner)
            {
                Target = configPath,
                FilePath = configPath,
                RecommendedAction = fix,
            };
        }
    }
}
