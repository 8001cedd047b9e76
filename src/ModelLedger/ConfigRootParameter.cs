using System.IO;
using System.Management.Automation;
using ModelLedger.Gate;

namespace ModelLedger.Commands
{
    /// <summary>Test-ModelLedger -ConfigRoot / -BaselineConfigRoot: existing folders (PowerShell paths), resolved once.</summary>
    internal static class ConfigRootParameter
    {
        public static ReleaseConfig Resolve(PSCmdlet cmdlet, string? root, string? baselineRoot)
        {
            if (root == null)
            {
                const string fix = "Pass -ConfigRoot <release checkout> with -BaselineConfigRoot <previous release checkout>.";
                throw new ModelLedgerException(ErrorIds.ConfigRootNotFound, FailureCategory.InvalidArgument,
                    "-BaselineConfigRoot compares the previous release with the one under -ConfigRoot, which was not given. " + fix)
                { Target = baselineRoot, RecommendedAction = fix };
            }
            return new ReleaseConfig(Folder(cmdlet, root, "-ConfigRoot"), baselineRoot == null ? null : Folder(cmdlet, baselineRoot, "-BaselineConfigRoot"));
        }

        private static string Folder(PSCmdlet cmdlet, string path, string parameter)
        {
            var full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (Directory.Exists(full)) return full;
            var fix = $"Pass the folder the release's config refs are relative to (the checkout root) as {parameter}.";
            throw new ModelLedgerException(ErrorIds.ConfigRootNotFound, FailureCategory.ObjectNotFound,
                $"{parameter} '{path}' is not an existing folder{(File.Exists(full) ? " (it is a file)" : "")}. {fix}")
            { Target = path, FilePath = full, RecommendedAction = fix };
        }
    }
}
