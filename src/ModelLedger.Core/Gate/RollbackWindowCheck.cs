using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Ledger;
using ModelLedger.Rendering;

namespace ModelLedger.Gate;

/// <summary>
/// The RollbackWindowOpen check: the ledger before this release (the baseline) promised to keep each rollback ID
/// approved until its rollbackUntil. The release's ledger fails the check when it drops or replaces such an ID
/// while the window is still open at the gate's AsOf; an ID the entry still names (as current, rollback or
/// emergency alternative) is kept.
/// </summary>
internal sealed class RollbackWindowCheck
{
    private readonly Dictionary<string, LedgerEntry> _open = new(StringComparer.OrdinalIgnoreCase);
    private readonly DateTimeOffset _asOf;

    public RollbackWindowCheck(IEnumerable<LedgerEntry> baseline, DateTimeOffset asOf)
    {
        _asOf = asOf;
        foreach (var e in baseline)
            if (e.Service != null && e.RollbackModelId != null && e.RollbackUntil is { } until && until > asOf) _open[e.Service] = e;
    }

    public LedgerFinding Evaluate(LedgerEntry entry)
    {
        if (entry.Service == null || !_open.TryGetValue(entry.Service, out var before))
            return Finding(entry.Service, FindingStatus.Pass, entry.RollbackModelId, "The baseline ledger holds no open rollback window for this service.");
        var id = before.RollbackModelId!;
        var until = LedgerField.FormatDate(before.RollbackUntil!.Value);
        if (Names(entry, id))
            return Finding(entry.Service, FindingStatus.Pass, id, $"Rollback ID {UntrustedText.Quote(id)} stays approved through its window (until {until}).");
        return Finding(entry.Service, FindingStatus.Fail, id,
            $"This release's ledger replaces rollback ID {UntrustedText.Quote(id)} with {UntrustedText.Quote(entry.RollbackModelId)} while its rollback window is open (until {until}). Keep {UntrustedText.Quote(id)} as the rollback ID until then, or record the approval to close the window early in the baseline ledger.");
    }

    /// <summary>Services whose baseline window is open but that the release's ledger no longer has at all.</summary>
    public IEnumerable<LedgerFinding> Dropped(ICollection<string> servicesSeen)
    {
        foreach (var kv in _open.Where(kv => !servicesSeen.Contains(kv.Key)))
            yield return Finding(kv.Key, FindingStatus.Fail, kv.Value.RollbackModelId,
                $"This release's ledger drops service {UntrustedText.Quote(kv.Key)} and its rollback ID {UntrustedText.Quote(kv.Value.RollbackModelId)} while the rollback window is open (until {LedgerField.FormatDate(kv.Value.RollbackUntil!.Value)}). Restore the entry until the window closes.");
    }

    private static bool Names(LedgerEntry e, string id) =>
        string.Equals(e.RollbackModelId, id, StringComparison.Ordinal) || string.Equals(e.CurrentModelId, id, StringComparison.Ordinal)
        || string.Equals(e.EmergencyAlternative, id, StringComparison.Ordinal);

    private static LedgerFinding Finding(string? service, FindingStatus status, string? modelId, string message) =>
        new() { Service = service, Check = CheckNames.RollbackWindowOpen, Status = status, ModelId = modelId, Message = message };
}
