using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ModelLedger.Rendering;
using ModelLedger.Secrets;

namespace ModelLedger.Commands;

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
    private protected SecretScrubber Scrubber => _scrubber ??= ProcessSecrets.Scrubber(Environment.GetEnvironmentVariable(ApiKeyVariable));

    /// <summary>The CI system this command runs inside (the process environment, read once per command), for the sinks that write its logging commands.</summary>
    private protected Gate.Sinks.CiHost CiHost => _ciHost ??= Gate.Sinks.CiDetection.FromProcess();
    private Gate.Sinks.CiHost? _ciHost;

    /// <summary>Remembers a key given to this command, so this and later commands in the session scrub it too.</summary>
    protected void TrustKey(string? key)
    {
        ProcessSecrets.Remember(key);
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
        var category = ToErrorCategory(ex.Category);
        var record = new ErrorRecord(ex, ex.ErrorId, category, ex.Target);
        if (!string.IsNullOrEmpty(ex.RecommendedAction)) record.ErrorDetails = Details(ex);
        return record;
    }

    // What to do next goes in ErrorDetails.RecommendedAction, so $Error[0].ErrorDetails.RecommendedAction has it.
    // pwsh 7 prints it under the message ("Recommendation: ..."), so there the shown message is the exception's
    // without the fix (said once); Windows PowerShell 5.1 prints only the message, so there it keeps the fix (an
    // empty ErrorDetails message shows the exception's). $_.Exception.Message is "problem fix" on both.
    private static ErrorDetails Details(ModelLedgerException ex)
    {
        var fix = ex.RecommendedAction!;
        var shown = "";
        if (!System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
        {
            var at = ex.Message.IndexOf(" " + fix, StringComparison.Ordinal);
            shown = at < 0 ? ex.Message : ex.Message.Remove(at, fix.Length + 1);
        }
        return new ErrorDetails(shown) { RecommendedAction = fix };
    }

    /// <summary>
    /// The PowerShell category of each core category: total and explicit (a FailureCategory added without a line
    /// here fails the build's tests, never falls back silently).
    /// </summary>
    internal static ErrorCategory ToErrorCategory(FailureCategory category) => category switch
    {
        FailureCategory.NotSpecified => ErrorCategory.NotSpecified,
        FailureCategory.ObjectNotFound => ErrorCategory.ObjectNotFound,
        FailureCategory.InvalidData => ErrorCategory.InvalidData,
        FailureCategory.InvalidArgument => ErrorCategory.InvalidArgument,
        FailureCategory.InvalidOperation => ErrorCategory.InvalidOperation,
        FailureCategory.InvalidResult => ErrorCategory.InvalidResult,
        FailureCategory.AuthenticationError => ErrorCategory.AuthenticationError,
        FailureCategory.PermissionDenied => ErrorCategory.PermissionDenied,
        FailureCategory.LimitsExceeded => ErrorCategory.LimitsExceeded,
        FailureCategory.ConnectionError => ErrorCategory.ConnectionError,
        FailureCategory.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        FailureCategory.ResourceBusy => ErrorCategory.ResourceBusy,
        FailureCategory.OperationTimeout => ErrorCategory.OperationTimeout,
        FailureCategory.OperationStopped => ErrorCategory.OperationStopped,
        FailureCategory.SecurityError => ErrorCategory.SecurityError,
        FailureCategory.ReadError => ErrorCategory.ReadError,
        FailureCategory.WriteError => ErrorCategory.WriteError,
        FailureCategory.ResourceExists => ErrorCategory.ResourceExists,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "FailureCategory without an ErrorCategory: add it to ToErrorCategory."),
    };

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

    // What a cmdlet read, said on Verbose in one wording for every cmdlet: the file and how much it held.

    /// <summary>Reads a ledger file and says on Verbose which file and how many entries.</summary>
    private protected IReadOnlyList<LedgerEntry> ReadLedger(string path, string role = "ledger")
    {
        var entries = Ledger.LedgerReader.ReadFile(path);
        WriteVerbose($"Read {role} '{path}': {entries.Count} {(entries.Count == 1 ? "entry" : "entries")}.");
        return entries;
    }

    /// <summary>Reads a snapshot file and says on Verbose which file, how many models, when and with which credential.</summary>
    private protected Snapshots.ModelSnapshot ReadSnapshot(string path)
    {
        var snapshot = Snapshots.SnapshotReader.ReadFile(path);
        WriteVerbose($"Read snapshot '{path}': {snapshot.Models.Count} models, captured {snapshot.CapturedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}"
            + (snapshot.CredentialLabel != null ? $" with the '{snapshot.CredentialLabel}' credential." : "."));
        return snapshot;
    }

    /// <summary>Says on Verbose which ledger an editor opened (under its lock) and how many entries it held.</summary>
    private protected void VerboseEditing(string path, int entries) =>
        WriteVerbose($"Editing ledger '{path}' under its lock: {entries} {(entries == 1 ? "entry" : "entries")}.");

    /// <summary>A per-item failure: the pipeline goes on with the next item.</summary>
    protected void WriteError(ModelLedgerException ex) => WriteError(ToErrorRecord(ex));

    /// <summary>A failed precondition: nothing sensible can follow.</summary>
    protected void ThrowTerminatingError(ModelLedgerException ex) => ThrowTerminatingError(ToErrorRecord(ex));

    // How a cmdlet opens its files, in one place (PSRule's PathBuilder is the model):
    //   ResolveInputPath   one input file or folder (-LedgerPath, -SnapshotPath, -ConfigPath, -ConfigRoot...):
    //                      FileSystem only, wildcards allowed, exactly one match, else the input's own not-found ID;
    //   ResolveInputPaths  inputs that take many paths (Get-ModelLedger -Path/-LiteralPath, Find-ModelReference -Path):
    //                      the same rules per path, each failure a non-terminating error so the other paths go on;
    //   ResolveOutputPath  a file or folder the cmdlet writes (it may not exist yet): FileSystem only, no wildcards.
    // The core's readers then open the resolved file-system path; nothing else turns a PowerShell path into a file.

    /// <summary>
    /// One input path (wildcards allowed) as a file-system path. Throws <paramref name="kind"/>'s error: not found
    /// (ObjectNotFound), on another provider's drive or matching more than one item (InvalidArgument, naming the matches).
    /// </summary>
    private protected string ResolveInputPath(string path, InputKind kind)
    {
        var matches = Resolve(path, literal: false, kind);
        if (matches.Count == 1) return matches[0];
        throw PathErrors.AmbiguousInput(kind.ErrorId, kind.Noun, path, matches);
    }

    /// <summary>
    /// -Path (wildcards) or -LiteralPath values as file-system paths. A path that fails to resolve is written as a
    /// non-terminating error (<paramref name="kind"/>'s ID) and skipped, so one bad path does not stop the others.
    /// </summary>
    private protected IEnumerable<string> ResolveInputPaths(IEnumerable<string> paths, bool literal, InputKind kind)
    {
        foreach (var path in paths)
        {
            List<string> matches;
            try { matches = Resolve(path, literal, kind); }
            catch (ModelLedgerException ex)
            {
                WriteError(ex);
                continue;
            }
            foreach (var m in matches) yield return m;
        }
    }

    /// <summary>
    /// The file-system path of a file or folder the cmdlet writes (relative to the PowerShell location, not the
    /// process's; no wildcards). A path on another provider's drive is <paramref name="errorId"/> (InvalidArgument).
    /// </summary>
    private protected string ResolveOutputPath(string path, string errorId, string noun)
    {
        string resolved;
        ProviderInfo provider;
        try { resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _); }
        catch (Exception e) when (IsPathFailure(e))
        {
            throw PathErrors.OutputUnresolvable(errorId, noun, path, e);
        }
        if (provider.Name != FileSystemProvider) throw PathErrors.NotFileSystem(errorId, noun, path, provider.Name);
        return Path.GetFullPath(resolved);
    }

    private const string FileSystemProvider = "FileSystem";

    // Every match of one path; never empty (a path that names nothing is kind's not-found error).
    private List<string> Resolve(string path, bool literal, InputKind kind)
    {
        var matches = new List<string>();
        ProviderInfo? provider = null;
        try
        {
            if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
                if (provider.Name == FileSystemProvider && (File.Exists(full) || Directory.Exists(full))) matches.Add(full);
            }
            else
            {
                matches.AddRange(SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider));
                // A file whose name only looks like a pattern ("ledger[1].json") is still that file.
                if (matches.Count == 0 && provider.Name == FileSystemProvider)
                {
                    var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                    if (File.Exists(full) || Directory.Exists(full)) matches.Add(full);
                }
            }
        }
        catch (Exception e) when (IsPathFailure(e))
        {
            // Falls through to the not-found error below, naming the path as the operator typed it.
            matches.Clear();
        }
        if (provider != null && provider.Name != FileSystemProvider) throw PathErrors.NotFileSystem(kind.ErrorId, kind.Noun, path, provider.Name);
        if (matches.Count == 0) throw kind.NotFound(ShowPath(path));
        return matches;
    }

    private static bool IsPathFailure(Exception e) =>
        e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException or PSInvalidOperationException;

    // Absolute, in the file system, as the operator would look for it; the typed text when it has wildcards.
    private string ShowPath(string path)
    {
        if (WildcardPattern.ContainsWildcardCharacters(path)) return path;
        try { return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path); }
        catch (Exception e) when (IsPathFailure(e)) { return path; }
    }
}
