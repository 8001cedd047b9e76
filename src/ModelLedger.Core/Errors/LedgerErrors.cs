using ModelLedger.Rendering;

namespace ModelLedger
{
    /// <summary>Errors about ledger files and ledger content that more than one cmdlet raises.</summary>
    public static class LedgerErrors
    {
        public const string NotFoundFix = "Check the path, or pass the ledger file your release uses (.json or .csv).";
        public const string EditNotFoundFix = "Check the path, or create the ledger with Add-ModelLedgerEntry.";
        public const string FolderFix = "The path is a folder; name the ledger file (.json or .csv) inside it.";
        private const string ServiceFix = "Check the spelling, or add the service to the ledger with its current and rollback model IDs.";

        /// <summary>A service named without wildcards (-Service) that the ledger has no entry for.</summary>
        public static ModelLedgerException ServiceNotFound(string service) =>
            Failure.Of(ErrorIds.LedgerServiceNotFound, FailureCategory.ObjectNotFound, $"No ledger entry for service '{UntrustedText.ForDisplay(service)}'.", ServiceFix, target: service);

        /// <summary>Invoke-RollbackDryRun -Service that the ledger at <paramref name="path"/> has no entry for.</summary>
        public static ModelLedgerException ServiceNotInLedger(string path, string service, string services) =>
            Failure.Of(ErrorIds.LedgerServiceNotFound, FailureCategory.ObjectNotFound,
                $"Ledger '{path}' has no entry for service '{service}' (it has {services}).",
                "Check the spelling against Get-ModelLedger, or add the service to the ledger with its current and rollback model IDs.",
                target: service, filePath: path);
    }
}
