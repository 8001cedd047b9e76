using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace ModelLedger.Commands
{
    /// <summary>
    /// What every ModelLedger cmdlet shares: turning the core's <see cref="ModelLedgerException"/> into an
    /// ErrorRecord with the fixed error ID, and resolving PowerShell paths to file-system paths.
    /// </summary>
    public abstract class ModelLedgerCmdlet : PSCmdlet
    {
        internal static ErrorRecord ToErrorRecord(ModelLedgerException ex)
        {
            var category = Enum.TryParse<ErrorCategory>(ex.Category.ToString(), out var c) ? c : ErrorCategory.NotSpecified;
            // The message already ends with what to do (Windows PowerShell 5.1 shows nothing else), so no ErrorDetails:
            // pwsh would print the recommendation a second time. Scripts read it from $_.Exception.RecommendedAction.
            return new ErrorRecord(ex, ex.ErrorId, category, ex.Target);
        }

        /// <summary>A per-item failure: the pipeline goes on with the next item.</summary>
        protected void WriteError(ModelLedgerException ex) => WriteError(ToErrorRecord(ex));

        /// <summary>A failed precondition: nothing sensible can follow.</summary>
        protected void ThrowTerminatingError(ModelLedgerException ex) => ThrowTerminatingError(ToErrorRecord(ex));

        /// <summary>
        /// Resolves -Path (wildcards) or -LiteralPath values to file-system paths. A path that matches nothing is
        /// reported through <paramref name="notFound"/> and skipped, so one bad path does not stop the others.
        /// </summary>
        protected IEnumerable<string> ResolveFilePaths(IEnumerable<string> paths, bool literal, Func<string, ModelLedgerException> notFound)
        {
            foreach (var path in paths)
            {
                if (literal)
                {
                    yield return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                    continue;
                }

                var resolved = new List<string>();
                try
                {
                    resolved.AddRange(SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider));
                    if (provider.Name != "FileSystem")
                    {
                        WriteError(new ModelLedgerException(ErrorIds.LedgerNotFound, FailureCategory.InvalidArgument,
                            $"'{path}' is on the {provider.Name} drive, not a file-system drive. Pass a file path.") { Target = path });
                        continue;
                    }
                }
                catch (ItemNotFoundException)
                {
                    // Fall through to the not-found error below.
                }
                catch (System.Management.Automation.DriveNotFoundException)
                {
                }

                if (resolved.Count == 0)
                {
                    // Report the path as the operator would read it: absolute, in the file system.
                    string shown;
                    try { shown = WildcardPattern.ContainsWildcardCharacters(path) ? path : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path); }
                    catch (Exception e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException) { shown = path; }
                    WriteError(notFound(shown));
                    continue;
                }
                foreach (var r in resolved) yield return r;
            }
        }

        /// <summary>The file-system path for an output file parameter (relative to the PowerShell location, not the process's).</summary>
        protected string GetOutputPath(string path) => Path.GetFullPath(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
    }
}
