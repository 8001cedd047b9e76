namespace ModelLedger;

/// <summary>Errors about snapshot files.</summary>
internal static class SnapshotErrors
{
    public const string NotFoundFix = "Check the path, or capture a fresh one with Get-CometModel -OutSnapshot <path>.";
    public const string FolderFix = "The path is a folder; name the snapshot .json file inside it.";

    /// <summary>
    /// A snapshot that lists a key this session knows (written by a hostile endpoint before lists naming the key
    /// were refused, or edited by hand): refused rather than shown. A snapshot never holds a key.
    /// </summary>
    public static ModelLedgerException HoldsKey(string path) =>
        Failure.Of(ErrorIds.SnapshotInvalid, FailureCategory.SecurityError,
            $"The snapshot '{path}' lists the API key itself among its models, so it was not read.",
            "Delete the snapshot, rotate the key, and capture a fresh one with Get-CometModel -OutSnapshot <path>.", target: path, filePath: path);

    /// <summary>Several snapshots (one per credential) where two carry the same credential label: which one the gate should trust is unknown.</summary>
    public static ModelLedgerException DuplicateLabel(string label, string firstPath, string secondPath) =>
        Failure.Of(ErrorIds.SnapshotInvalid, FailureCategory.InvalidArgument,
            $"The snapshots '{firstPath}' and '{secondPath}' were both captured with the '{label}' credential. -SnapshotPath takes one snapshot per credential.",
            "Pass the newest snapshot of each credential once (capture each with Get-CometModel -CredentialLabel <label> -OutSnapshot <path>).", target: secondPath, filePath: secondPath);

    /// <summary>Several snapshots where one carries no credential label: the gate could not name the credential that lacks an ID.</summary>
    public static ModelLedgerException Unlabelled(string path) =>
        Failure.Of(ErrorIds.SnapshotInvalid, FailureCategory.InvalidArgument,
            $"The snapshot '{path}' carries no credentialLabel, so among several snapshots the gate could not say which credential it stands for.",
            "Capture it again with Get-CometModel -CredentialLabel <label> -OutSnapshot <path>, or pass only one snapshot.", target: path, filePath: path);

    /// <summary>A snapshot that lists no models: never evidence that approved IDs are gone.</summary>
    public static ModelLedgerException Empty(string? filePath, string source) =>
        Failure.Of(ErrorIds.SnapshotInvalid, FailureCategory.InvalidData,
            $"The snapshot from '{filePath ?? source}' lists no models. An empty list is never evidence that approved IDs are gone: it usually means a wrong base URI or a credential without access.",
            "Check -BaseUri and the credential, then capture a new snapshot with Get-CometModel -OutSnapshot.", target: filePath ?? source, filePath: filePath);
}
