using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ModelLedger.Rendering;
using ModelLedger.Secrets;

namespace ModelLedger.Commands
{
    /// <summary>
    /// What every ModelLedger cmdlet shares: turning the core's <see cref="ModelLedgerException"/> into an
    /// ErrorRecord with the fixed error ID, passing every error and stream message through the session's
    /// <see cref="SecretScrubber"/>, and resolving PowerShell paths to file-system paths.
    /// </summary>
    public abstract class ModelLedgerCmdlet : PSCmdlet
    {
        public const string ApiKeyVariable = "COMETAPI_API_KEY";

        private SecretScrubber? _scrubber;

        /// <summary>
        /// Knows every key this session has been given (-ApiKey, $env:COMETAPI_API_KEY) in every form; built once per
        /// command. <see cref="TrustKey"/> adds one given to this command.
        /// </summary>
        protected SecretScrubber Scrubber => _scrubber ??= SessionSecrets.Scrubber(Environment.GetEnvironmentVariable(ApiKeyVariable));

        /// <summary>Remembers a key given to this command, so this and later commands in the session scrub it too.</summary>
        protected void TrustKey(string? key)
        {
            SessionSecrets.Remember(key);
            _scrubber = null;
        }

        /// <summary>The text of a SecureString, for the one place it is needed (a header, a scrubber); the unmanaged copy is zeroed at once.</summary>
        protected static string ReadSecure(System.Security.SecureString secure)
        {
            var ptr = IntPtr.Zero;
            try
            {
                ptr = System.Runtime.InteropServices.Marshal.SecureStringToGlobalAllocUnicode(secure);
                return System.Runtime.InteropServices.Marshal.PtrToStringUni(ptr) ?? "";
            }
            finally
            {
                if (ptr != IntPtr.Zero) System.Runtime.InteropServices.Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }

        private ErrorRecord ToErrorRecord(ModelLedgerException ex)
        {
            ex = ScrubbedError.Of(ex, Scrubber);
            var category = Enum.TryParse<ErrorCategory>(ex.Category.ToString(), out var c) ? c : ErrorCategory.NotSpecified;
            // The message already ends with what to do (Windows PowerShell 5.1 shows nothing else), so no ErrorDetails:
            // pwsh would print the recommendation a second time. Scripts read it from $_.Exception.RecommendedAction.
            return new ErrorRecord(ex, ex.ErrorId, category, ex.Target);
        }

        // Stream messages quote model IDs, ledger values and server text. Every cmdlet writes them through these, so a
        // key in any form is masked (Scrubber) and a newline or "##vso[" in a value is shown escaped
        // (UntrustedText.ForDisplay) instead of starting a log command. They hide Cmdlet's methods of the same name,
        // so a call inside a ModelLedger cmdlet cannot bypass them.

        /// <summary>Writes a verbose message without any key and with untrusted text shown escaped.</summary>
        public new void WriteVerbose(string text) => base.WriteVerbose(UntrustedText.ForDisplay(Scrubber.Scrub(text)));

        /// <summary>Writes a warning without any key and with untrusted text shown escaped.</summary>
        public new void WriteWarning(string text) => base.WriteWarning(UntrustedText.ForDisplay(Scrubber.Scrub(text)));

        /// <summary>Writes a debug message without any key and with untrusted text shown escaped.</summary>
        public new void WriteDebug(string text) => base.WriteDebug(UntrustedText.ForDisplay(Scrubber.Scrub(text)));

        /// <summary>Asks -WhatIf/-Confirm with untrusted text shown escaped.</summary>
        public new bool ShouldProcess(string target, string action) => base.ShouldProcess(UntrustedText.ForDisplay(Scrubber.Scrub(target)), UntrustedText.ForDisplay(Scrubber.Scrub(action)));

        /// <summary>A per-item failure: the pipeline goes on with the next item.</summary>
        protected void WriteError(ModelLedgerException ex) => WriteError(ToErrorRecord(ex));

        /// <summary>A failed precondition: nothing sensible can follow.</summary>
        protected void ThrowTerminatingError(ModelLedgerException ex) => ThrowTerminatingError(ToErrorRecord(ex));

        /// <summary>
        /// Resolves -Path (wildcards) or -LiteralPath values to file-system paths. A path that matches nothing is
        /// reported through <paramref name="notFound"/> and skipped, so one bad path does not stop the others.
        /// </summary>
        protected IEnumerable<string> ResolveFilePaths(IEnumerable<string> paths, bool literal, Func<string, ModelLedgerException> notFound) =>
            ResolveFilePaths(paths, literal, notFound, WriteError);

        /// <summary>One path (wildcards allowed) for a precondition input; resolution errors go to <paramref name="onError"/> instead of the error stream.</summary>
        protected IEnumerable<string> ResolveFilePathsCollectingErrors(string path, Func<string, ModelLedgerException> notFound, Action<ModelLedgerException> onError) =>
            ResolveFilePaths(new[] { path }, false, notFound, onError);

        private IEnumerable<string> ResolveFilePaths(IEnumerable<string> paths, bool literal, Func<string, ModelLedgerException> notFound, Action<ModelLedgerException> onError)
        {
            foreach (var path in paths)
            {
                var resolved = new List<string>();
                ModelLedgerException? failure = null;
                try
                {
                    if (literal)
                    {
                        resolved.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _));
                        failure = NotFileSystem(path, provider, notFound);
                    }
                    else
                    {
                        resolved.AddRange(SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider));
                        failure = NotFileSystem(path, provider, notFound);
                    }
                }
                catch (Exception e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException or PSInvalidOperationException)
                {
                    // Fall through to the not-found error below, naming the path as the operator typed it.
                    resolved.Clear();
                }

                if (failure != null)
                {
                    onError(failure);
                    continue;
                }
                if (resolved.Count == 0)
                {
                    onError(notFound(ShowPath(path)));
                    continue;
                }
                foreach (var r in resolved) yield return r;
            }
        }

        private static ModelLedgerException? NotFileSystem(string path, ProviderInfo provider, Func<string, ModelLedgerException> notFound)
        {
            if (provider.Name == "FileSystem") return null;
            var fix = "Pass a file path (for example ./ledger.json).";
            return new ModelLedgerException(notFound(path).ErrorId, FailureCategory.InvalidArgument,
                $"'{path}' is on the {provider.Name} drive, not a file-system drive. {fix}") { Target = path, RecommendedAction = fix };
        }

        // Absolute, in the file system, as the operator would look for it; the typed text when it has wildcards.
        private string ShowPath(string path)
        {
            if (WildcardPattern.ContainsWildcardCharacters(path)) return path;
            try { return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path); }
            catch (Exception e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException or PSInvalidOperationException) { return path; }
        }

        /// <summary>The file-system path for an output file parameter (relative to the PowerShell location, not the process's).</summary>
        protected string GetOutputPath(string path) => Path.GetFullPath(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
    }
}
