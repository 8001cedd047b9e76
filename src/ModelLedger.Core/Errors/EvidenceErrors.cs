using System;
using ModelLedger.Rendering;

namespace ModelLedger;

/// <summary>The failures of Export-RollbackEvidence and Test-RollbackEvidence: evidence folders, their manifest and their input.</summary>
internal static class EvidenceErrors
{
    public const string NotFoundFix = "Pass the folder Export-RollbackEvidence wrote.";

    private const string RecaptureFix = "Export the evidence again from its sources; a bundle whose manifest is gone or altered cannot be trusted.";
    private const string NotBundleFix = "-Force replaces only an earlier evidence bundle. Choose a new folder (for example ./evidence/<change>) for this change's evidence.";

    /// <summary>The evidence folder to verify does not exist.</summary>
    public static ModelLedgerException NotFound(string folder) =>
        FileErrors.NotFound(ErrorIds.EvidenceNotFound, "Evidence folder", folder, NotFoundFix);

    /// <summary>The folder to write the evidence to is a file.</summary>
    public static ModelLedgerException FolderIsFile(string folder) =>
        FolderRefused(ErrorIds.EvidenceFolderNotEmpty, folder, "is a file, not a folder", "Choose a new folder for this change's evidence.");

    /// <summary>The folder to write the evidence to already holds files, and -Force was not given.</summary>
    public static ModelLedgerException FolderNotEmpty(string folder) =>
        FolderRefused(ErrorIds.EvidenceFolderNotEmpty, folder, "already holds files",
            "Choose a new folder for this change's evidence, or pass -Force to replace an earlier evidence bundle there.");

    /// <summary>-Force on a folder that is not only an earlier evidence bundle; <paramref name="problem"/> says why.</summary>
    public static ModelLedgerException FolderNotBundle(string folder, string problem) =>
        FolderRefused(ErrorIds.EvidenceFolderNotBundle, folder, problem, NotBundleFix);

    /// <summary>manifest.json is missing, a link, unreadable or names a file outside the folder.</summary>
    public static ModelLedgerException ManifestInvalid(string path, string? field, string problem, Exception? inner = null) =>
        Failure.Of(ErrorIds.EvidenceManifestInvalid, FailureCategory.InvalidData, $"Evidence manifest '{path}'{(field != null ? ", field '" + field + "'" : "")} {problem}.", RecaptureFix, target: path, filePath: path, field: field, inner: inner);

    /// <summary>A pipeline object that is neither a gate finding nor a dry-run result: left out of the evidence.</summary>
    public static ModelLedgerException InputInvalid(object input, string typeName, string from, string? problem)
    {
        var shown = UntrustedText.ForDisplay(input.ToString());
        var fix = "Pipe Test-ModelLedger findings (not -Quiet) and Invoke-RollbackDryRun results, or pass them with -Finding and -DryRun (as they are, or read back with Import-Clixml).";
        return Failure.Of(ErrorIds.EvidenceInputInvalid, FailureCategory.InvalidArgument,
            $"A {typeName} ('{shown}') from {from} was left out of the evidence: {problem}.", fix, target: input);
    }

    private static ModelLedgerException FolderRefused(string errorId, string folder, string problem, string fix) =>
        Failure.Of(errorId, FailureCategory.ResourceExists, $"The evidence folder '{folder}' {problem}; nothing was written or deleted.", fix, target: folder, filePath: folder);
}
