namespace ModelLedger;

/// <summary>The failures of New-ModelLedger, one factory each.</summary>
internal static class BootstrapErrors
{
    /// <summary>The ledger to write already exists (or is a folder): a reviewed ledger is never replaced by a draft unasked.</summary>
    public static ModelLedgerException LedgerExists(string path, bool isFolder) => isFolder
        ? Failure.Of(ErrorIds.LedgerExists, FailureCategory.ResourceExists, $"Ledger path '{path}' is a folder; nothing was written.",
            "Pass the ledger file to write, for example './ledger.json'.", target: path, filePath: path)
        : Failure.Of(ErrorIds.LedgerExists, FailureCategory.ResourceExists, $"Ledger '{path}' already exists; nothing was written.",
            "Edit it with Add-/Set-ModelLedgerEntry, write the draft to a new file, or pass -Force to replace it with the draft.", target: path, filePath: path);

    /// <summary>-RepositoryPath names a file: refs are relative to a folder, the release root the gate reads.</summary>
    public static ModelLedgerException RepositoryIsFile(string path) =>
        Failure.Of(ErrorIds.ScanPathNotFound, FailureCategory.InvalidArgument, $"Repository path '{path}' is a file, not a folder.",
            "Pass the repository's root folder: the config refs are written relative to it, as Test-ModelLedger -ConfigRoot reads them.", target: path, filePath: path);
}
