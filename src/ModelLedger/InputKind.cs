using System;

namespace ModelLedger.Commands;

/// <summary>
/// What a cmdlet's input path names (a ledger, a snapshot, a config, an evidence folder...): the not-found error ID
/// the cmdlet documents for it, and the error for a path that names nothing. <see cref="ModelLedgerCmdlet.ResolveInputPath"/>
/// and <see cref="ModelLedgerCmdlet.ResolveInputPaths"/> take one.
/// </summary>
internal sealed class InputKind
{
    private readonly Func<string, ModelLedgerException> _notFound;

    public InputKind(string errorId, string noun, string fix)
        : this(errorId, noun, p => FileErrors.NotFound(errorId, noun, p, fix))
    {
    }

    public InputKind(string errorId, string noun, Func<string, ModelLedgerException> notFound)
    {
        ErrorId = errorId;
        Noun = noun;
        _notFound = notFound;
    }

    /// <summary>The error ID every failure to resolve this input carries (for example LedgerNotFound).</summary>
    public string ErrorId { get; }

    /// <summary>What the path names, for messages ("Ledger", "Snapshot").</summary>
    public string Noun { get; }

    /// <summary>The error for a path (as the operator would look for it) that names nothing.</summary>
    public ModelLedgerException NotFound(string shownPath) => _notFound(shownPath);

    public static readonly InputKind Ledger = new(ErrorIds.LedgerNotFound, "Ledger", LedgerErrors.NotFoundFix);

    /// <summary>A ledger that Set-/Remove-ModelLedgerEntry edit: it must exist.</summary>
    public static readonly InputKind EditedLedger = new(ErrorIds.LedgerNotFound, "Ledger", LedgerErrors.EditNotFoundFix);

    /// <summary>Invoke-RollbackDryRun -LedgerPath.</summary>
    public static readonly InputKind DryRunLedger = new(ErrorIds.LedgerNotFound, "Ledger", "Pass the ledger file (.json or .csv) that records the service's rollback ID.");

    public static readonly InputKind Snapshot = new(ErrorIds.SnapshotNotFound, "Snapshot", SnapshotErrors.NotFoundFix);

    public static readonly InputKind DryRunConfig = new(ErrorIds.DryRunConfigNotFound, "Config", DryRunErrors.ConfigNotFoundFix);

    public static readonly InputKind EvidenceFolder = new(ErrorIds.EvidenceNotFound, "Evidence folder", EvidenceErrors.NotFoundFix);

    public static readonly InputKind ScanPath = new(ErrorIds.ScanPathNotFound, "Scan path", "Pass the repository folder (or files) to scan.");

    /// <summary>A file Export-RollbackEvidence copies into the bundle.</summary>
    public static InputKind EvidenceInput(string errorId, string noun) => new(errorId, noun, "Check the path; the evidence needs the file the release actually used.");

    /// <summary>Test-ModelLedger -ConfigRoot / -BaselineConfigRoot.</summary>
    public static InputKind ConfigRoot(string parameter) => new(ErrorIds.ConfigRootNotFound, "Folder", p => ReleaseConfigErrors.RootNotFound(parameter, p, isFile: false));
}
