namespace ModelLedger.Gate;

/// <summary>
/// CurrentModelAvailable, RollbackModelAvailable and EmergencyAlternative: each ID must be in every snapshot (one
/// per credential), matched exactly; a near miss only explains.
/// </summary>
internal static class AvailabilityChecks
{
    public static LedgerFinding Current(CheckContext c)
    {
        var e = c.Entry!;
        var models = c.Gate.Models;
        if (e.CurrentModelId == null)
            return Finding.For(e, CheckNames.CurrentModelAvailable, FindingStatus.Fail, null, "No current model ID is recorded, so availability cannot be checked. Record the exact ID the service sends.");
        if (models.Contains(e.CurrentModelId))
            return Finding.For(e, CheckNames.CurrentModelAvailable, FindingStatus.Pass, e.CurrentModelId, $"'{e.CurrentModelId}' is {models.InPhrase}.");
        return Finding.For(e, CheckNames.CurrentModelAvailable, FindingStatus.Fail, e.CurrentModelId,
            $"'{e.CurrentModelId}' {models.NotInPhrase(e.CurrentModelId)}.{models.Hints.Describe(e.CurrentModelId)} Do not release: confirm the exact ID with the owner ({e.Owner ?? "no owner recorded"}) and re-capture the snapshot with the production credential.");
    }

    public static LedgerFinding Rollback(CheckContext c)
    {
        var e = c.Entry!;
        var models = c.Gate.Models;
        var emergencyAvailable = e.EmergencyAlternative != null && models.Contains(e.EmergencyAlternative);
        if (e.RollbackModelId != null && models.Contains(e.RollbackModelId))
            return Finding.For(e, CheckNames.RollbackModelAvailable, FindingStatus.Pass, e.RollbackModelId, $"'{e.RollbackModelId}' is {models.InPhrase}.");
        var problem = e.RollbackModelId == null
            ? "There is no rollback ID to check."
            : $"Rollback ID '{e.RollbackModelId}' {models.NotInPhrase(e.RollbackModelId)}.{models.Hints.Describe(e.RollbackModelId)}";
        if (emergencyAvailable)
            return Finding.For(e, CheckNames.RollbackModelAvailable, FindingStatus.Warn, e.RollbackModelId,
                $"{problem} The emergency alternative '{e.EmergencyAlternative}' is available: proceed only with its approval recorded (owner: {e.RollbackOwner ?? e.Owner ?? "none recorded"}).");
        return Finding.For(e, CheckNames.RollbackModelAvailable, FindingStatus.Fail, e.RollbackModelId,
            $"{problem} No available emergency alternative either, so you could deploy forward but not return. Do not proceed until an approved rollback or emergency ID is validated.");
    }

    public static LedgerFinding Emergency(CheckContext c)
    {
        var e = c.Entry!;
        var models = c.Gate.Models;
        if (e.EmergencyAlternative == null)
            return Finding.For(e, CheckNames.EmergencyAlternative, FindingStatus.Warn, null,
                "No emergency alternative is recorded. Record one, and who may approve switching to it, for when the rollback ID is unavailable.");
        if (!models.Contains(e.EmergencyAlternative))
            return Finding.For(e, CheckNames.EmergencyAlternative, FindingStatus.Warn, e.EmergencyAlternative,
                $"Emergency alternative '{e.EmergencyAlternative}' {models.NotInPhrase(e.EmergencyAlternative)}.{models.Hints.Describe(e.EmergencyAlternative)} Validate or replace it.");
        return Finding.For(e, CheckNames.EmergencyAlternative, FindingStatus.Pass, e.EmergencyAlternative, $"'{e.EmergencyAlternative}' is {models.InPhrase}.");
    }
}
