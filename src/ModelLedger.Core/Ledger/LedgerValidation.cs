using System;
using System.Collections.Generic;

namespace ModelLedger.Ledger;

internal static class LedgerValidation
{
    /// <summary>
    /// Two entries for one service make "which rollback ID is approved?" unanswerable. Service names compare
    /// case-insensitively because -Deployed keys and -Service filters do.
    /// </summary>
    public static void RejectDuplicateServices(string path, IReadOnlyList<LedgerEntry> entries)
    {
        // Keyed by the trimmed name: "a" and "a " are one service to a reader, two to a dictionary.
        var first = new Dictionary<string, LedgerEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (entry.Service == null) continue;
            var key = entry.Service.Trim();
            if (first.TryGetValue(key, out var earlier))
                throw FileErrors.Invalid(ErrorIds.LedgerInvalid, "Ledger", path, entry.SourceLine, "service",
                    string.Equals(earlier.Service, entry.Service, StringComparison.OrdinalIgnoreCase)
                        ? $"service '{entry.Service}' appears twice (first at line {earlier.SourceLine})."
                        : $"service '{entry.Service}' appears twice: it differs from service '{earlier.Service}' (line {earlier.SourceLine}) only by surrounding whitespace or case.",
                    "Keep one entry per service: merge the two rows, or rename one service (and remove stray spaces).");
            first.Add(key, entry);
        }
    }
}
