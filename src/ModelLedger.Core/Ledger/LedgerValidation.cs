using System;
using System.Collections.Generic;

namespace ModelLedger.Ledger
{
    internal static class LedgerValidation
    {
        /// <summary>
        /// Two entries for one service make "which rollback ID is approved?" unanswerable. Service names compare
        /// case-insensitively because -Deployed keys and -Service filters do.
        /// </summary>
        public static void RejectDuplicateServices(string path, IReadOnlyList<LedgerEntry> entries)
        {
            var first = new Dictionary<string, LedgerEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                if (entry.Service == null) continue;
                if (first.TryGetValue(entry.Service, out var earlier))
                    throw FileErrors.Invalid(ErrorIds.LedgerInvalid, "Ledger", path, entry.SourceLine, "service",
                        $"service '{entry.Service}' appears twice (first at line {earlier.SourceLine}).",
                        "Keep one entry per service: merge the two rows, or rename one service.");
                first.Add(entry.Service, entry);
            }
        }
    }
}
