using ModelLedger.Rendering;

namespace ModelLedger
{
    /// <summary>Errors about ledger content that more than one cmdlet raises.</summary>
    public static class LedgerErrors
    {
        private const string ServiceFix = "Check the spelling, or add the service to the ledger with its current and rollback model IDs.";

        /// <summary>A service named without wildcards (-Service) that the ledger has no entry for.</summary>
        public static ModelLedgerException ServiceNotFound(string service) =>
            new(ErrorIds.LedgerServiceNotFound, FailureCategory.ObjectNotFound, $"No ledger entry for service '{UntrustedText.ForDisplay(service)}'. {ServiceFix}")
            {
                Target = service,
                RecommendedAction = ServiceFix,
            };
    }
}
