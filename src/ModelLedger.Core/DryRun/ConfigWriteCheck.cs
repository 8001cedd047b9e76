using System;
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
            if (WriteAccess.Refusal(configPath, out var inner) is string problem) throw Refused(configPath, problem, inner);
        }

        private static ModelLedgerException Refused(string configPath, string problem, Exception? inner)
        {
            const string fix = "Run the dry run as the account that owns the staging config, or rehearse on a writable staging copy. " +
                               "The dry run does not change the owner or permissions of a file it could not write as its owner would.";
            return Failure.Of(ErrorIds.DryRunConfigReadOnly, FailureCategory.PermissionDenied, $"The config '{configPath}' {problem}; nothing was changed.", fix, target: configPath, filePath: configPath, inner: inner);
        }
    }
}
