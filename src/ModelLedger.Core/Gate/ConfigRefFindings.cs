using System.Collections.Generic;
using System.Linq;
using ModelLedger.Rendering;

namespace ModelLedger.Gate;

/// <summary>
/// DeployedMatchesLedger judged from the release's files: one Fail per ref that does not hold the ledger's current
/// ID exactly (with its Location), or one Pass naming every file and line that does.
/// </summary>
internal static class ConfigRefFindings
{
    public static IEnumerable<LedgerFinding> For(LedgerEntry e, ReleaseReading reading, string root)
    {
        if (reading.Refs.Count == 0)
        {
            yield return Finding(e, FindingStatus.Warn, e.CurrentModelId, null,
                $"The ledger records no configRefs for this service, so the gate cannot see which model ID the release under '{root}' ships. Add configRefs (<path>#<key>[#<template>]) naming where the service's config holds it.");
            yield break;
        }
        var broken = reading.Refs.Where(r => r.Problem != null).ToList();
        foreach (var r in broken)
            yield return Finding(e, FindingStatus.Fail, r.ModelId == null ? null : UntrustedText.Shorten(r.ModelId), r.Location,
                $"Config ref '{UntrustedText.EscapeControls(r.RefText)}'{(r.Where.Length > 0 ? $" ({r.Where})" : "")}: {r.Problem} The release must ship exactly the ledger's current ID '{e.CurrentModelId}': fix the config, or update and re-review the ledger row first.");
        if (broken.Count > 0) yield break;
        var places = string.Join(", ", reading.Refs.Select(r => r.Where));
        yield return Finding(e, FindingStatus.Pass, e.CurrentModelId, reading.Refs[0].Location,
            reading.Refs.Count == 1
                ? $"The release holds '{e.CurrentModelId}', exactly the ledger's current ID: {places}."
                : $"All {reading.Refs.Count} config refs hold '{e.CurrentModelId}', exactly the ledger's current ID: {places}.");
    }

    private static LedgerFinding Finding(LedgerEntry e, FindingStatus status, string? modelId, string? location, string message) =>
        new() { Service = e.Service, Check = CheckNames.DeployedMatchesLedger, Status = status, ModelId = modelId, Message = message, Location = location };
}
