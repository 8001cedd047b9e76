using ModelLedger.Rendering;

namespace ModelLedger;

/// <summary>Errors about ledger files and ledger content that more than one cmdlet raises.</summary>
internal static class LedgerErrors
{
    public const string NotFoundFix = "Check the path, or pass the ledger file your release uses (.json or .csv).";
    public const string EditNotFoundFix = "Check the path, or create the ledger with Add-ModelLedgerEntry.";
    public const string FolderFix = "The path is a folder; name the ledger file (.json or .csv) inside it.";
    private const string ServiceFix = "Check the spelling, or add the service to the ledger with its current and rollback model IDs.";

    /// <summary>A service named without wildcards (-Service) that the ledger has no entry for.</summary>
    public static ModelLedgerException ServiceNotFound(string service) =>
        Failure.Of(ErrorIds.LedgerServiceNotFound, FailureCategory.ObjectNotFound, $"No ledger entry for service '{UntrustedText.ForDisplay(service)}'.", ServiceFix, target: service);

    /// <summary>A -Service wildcard pattern that selected no ledger entry.</summary>
    public static ModelLedgerException ServicePatternUnmatched(string pattern) =>
        Failure.Of(ErrorIds.LedgerServiceNotFound, FailureCategory.ObjectNotFound, $"No ledger service matches the pattern '{UntrustedText.ForDisplay(pattern)}'.",
            "Check the pattern against Get-ModelLedger's Service names; a name equal to a service selects exactly that service.", target: pattern);

    /// <summary>A -Service name that is not a valid wildcard pattern and equals no ledger service.</summary>
    public static ModelLedgerException ServicePatternInvalid(string name, string reason) =>
        Failure.Of(ErrorIds.ServicePatternInvalid, FailureCategory.InvalidArgument,
            $"-Service '{UntrustedText.ForDisplay(name)}' is not a valid wildcard pattern ({UntrustedText.ForDisplay(reason)}) and no ledger service has that exact name.",
            "Give the exact service name, or escape '[' and ']' with a backtick (`[ `]) to match them literally.", target: name);

    /// <summary>Invoke-RollbackDryRun -Service that the ledger at <paramref name="path"/> has no entry for.</summary>
    public static ModelLedgerException ServiceNotInLedger(string path, string service, string services) =>
        Failure.Of(ErrorIds.LedgerServiceNotFound, FailureCategory.ObjectNotFound,
            $"Ledger '{path}' has no entry for service '{service}' (it has {services}).",
            "Check the spelling against Get-ModelLedger, or add the service to the ledger with its current and rollback model IDs.",
            target: service, filePath: path);
}
