using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.ModelIds;
using ModelLedger.Rendering;

namespace ModelLedger.Gate;

/// <summary>LedgerEntryComplete, DeployedMatchesLedger, RollbackModelDefined and RollbackOwner: what the ledger row and the release say.</summary>
internal static class EntryChecks
{
    public static LedgerFinding Completeness(CheckContext c)
    {
        var e = c.Entry!;
        var missing = new List<string>();
        if (e.Service == null) missing.Add("service");
        if (e.CurrentModelId == null) missing.Add("currentModelId");
        if (e.Owner == null) missing.Add("owner");
        if (missing.Count > 0)
            return Finding.For(e, CheckNames.LedgerEntryComplete, FindingStatus.Fail, e.CurrentModelId,
                $"The ledger entry{Where(e)} has no {string.Join(", ", missing)}. Fill in every required field (service, currentModelId, owner) and get the row reviewed.");
        var optional = new List<string>();
        if (e.UseCase == null) optional.Add("useCase");
        if (e.ValidationMethod == null) optional.Add("validationMethod");
        if (e.ChangeRef == null) optional.Add("changeRef");
        if (optional.Count > 0)
            return Finding.For(e, CheckNames.LedgerEntryComplete, FindingStatus.Warn, e.CurrentModelId,
                $"The ledger entry has no {string.Join(", ", optional)}. Record them so the next operator knows why and how the IDs were validated.");
        return Finding.For(e, CheckNames.LedgerEntryComplete, FindingStatus.Pass, e.CurrentModelId, "All required and recommended fields are present.");
    }

    /// <summary>From -Deployed (when it names the service, or no -ConfigRoot reading exists) and from -ConfigRoot's files.</summary>
    public static IEnumerable<LedgerFinding> DeployedMatches(CheckContext c)
    {
        var e = c.Entry!;
        if (c.Options.Deployed == null && c.Options.ReleaseCheckout == null)
        {
            yield return NoReleaseRead(e);
            yield break;
        }
        if (c.Options.Deployed != null && (c.Declared != null || c.Reading == null)) yield return Declared(e, c.Declared);
        if (c.Reading != null)
            foreach (var finding in ConfigRefFindings.For(e, c.Reading, c.Options.ReleaseCheckout!.Root)) yield return finding;
    }

    // The gate was given no release: when the entry says where the release holds its ID, it cannot tell what ships
    // and does not pass (an operator who forgot -ConfigRoot must not get a yes); otherwise the check is not made, and
    // the reports say so instead of staying silent.
    private static LedgerFinding NoReleaseRead(LedgerEntry e) => e.ConfigRefs is { Length: > 0 } refs
        ? Finding.For(e, CheckNames.DeployedMatchesLedger, FindingStatus.Fail, e.CurrentModelId,
            $"The ledger says the release holds this service's ID at {string.Join(", ", refs.Select(r => UntrustedText.Quote(r)))}, but this gate read no release. " +
            "Pass -ConfigRoot <the release checkout>, or state what ships with -Deployed (@{} when the release changes no model ID).")
        : Finding.For(e, CheckNames.DeployedMatchesLedger, FindingStatus.Warn, e.CurrentModelId,
            "Not checked: what the release ships (DeployedMatchesLedger). Pass -ConfigRoot <the release checkout> to gate its own config files " +
            "(record where it holds the ID in configRefs), or state what ships with -Deployed.");

    private static LedgerFinding Declared(LedgerEntry e, DeployedRelease? release)
    {
        if (release == null)
            return Finding.For(e, CheckNames.DeployedMatchesLedger, FindingStatus.Pass, e.CurrentModelId, "This release does not change the service's model ID.");
        if (release.ModelId != null && string.Equals(release.ModelId, e.CurrentModelId, StringComparison.Ordinal))
            return Finding.For(e, CheckNames.DeployedMatchesLedger, FindingStatus.Pass, release.ModelId, $"The release ships '{release.ModelId}', exactly the ledger's current ID.");
        var near = e.CurrentModelId != null && release.ModelId != null && new ModelIdHints(new[] { e.CurrentModelId }).For(release.ModelId).Count > 0
            ? " They differ only in case, whitespace, a version suffix or look-alike characters: a near miss is still a different model."
            : "";
        return Finding.For(e, CheckNames.DeployedMatchesLedger, FindingStatus.Fail, release.ModelId,
            $"The release ships '{release.ModelId}' but the ledger's current ID is '{e.CurrentModelId}'.{near}{LookAlikes.Describe(release.ModelId)}{LookAlikes.Describe(e.CurrentModelId)} Ship exactly the approved ID, or update and re-review the ledger row first.");
    }

    /// <summary>After the last entry: services the release ships that the ledger does not approve.</summary>
    public static IEnumerable<LedgerFinding> ShippedWithoutEntry(GateEvaluator gate)
    {
        if (gate.Options.Deployed == null) yield break;
        foreach (var kv in gate.Options.Deployed.Where(kv => !gate.SeenServices.Contains(kv.Key)))
            yield return Finding.For(kv.Key, CheckNames.DeployedMatchesLedger, FindingStatus.Fail, kv.Value.ModelId,
                $"The release ships '{kv.Value.ModelId}' for service '{kv.Key}', which has no ledger entry. Add the service to the ledger with its current and rollback model IDs and an owner, get it reviewed, then re-run the gate.");
    }

    public static LedgerFinding RollbackDefined(CheckContext c)
    {
        var e = c.Entry!;
        if (e.RollbackModelId != null && string.Equals(e.RollbackModelId, e.CurrentModelId, StringComparison.Ordinal))
            return Finding.For(e, CheckNames.RollbackModelDefined, FindingStatus.Fail, e.RollbackModelId,
                $"Rollback ID '{e.RollbackModelId}' is the current ID: a rollback to the same ID is no rollback. Record the ID the service used before this change (from the previous ledger or release record).");
        return e.RollbackModelId == null
            ? Finding.For(e, CheckNames.RollbackModelDefined, FindingStatus.Fail, null,
                "No rollback model ID is recorded: this change could not be reversed. Record the ID the service used before this change (from the previous ledger or release record).")
            : Finding.For(e, CheckNames.RollbackModelDefined, FindingStatus.Pass, e.RollbackModelId, $"Rollback ID '{e.RollbackModelId}' is recorded.");
    }

    public static LedgerFinding RollbackOwner(CheckContext c)
    {
        var e = c.Entry!;
        var release = c.Release;
        var modelChange = release?.ModelId != null && !string.Equals(release.ModelId, e.RollbackModelId, StringComparison.Ordinal);
        var others = release?.OtherChanges.Count > 0 ? $" Other values that change in the same file: {DescribeChanges(release!.OtherChanges)}." : "";
        if (release != null && release.RoutingChanged && modelChange && e.RollbackOwner == null)
            return Finding.For(e, CheckNames.RollbackOwner, FindingStatus.Fail, release.ModelId,
                $"The release changes both the model ID and routing logic, and the entry names no rollback owner.{others} Name the person or rota who can approve a rollback (rollbackOwner) before releasing.");
        var message = e.RollbackOwner != null ? $"Rollback owner: {e.RollbackOwner}.{(release?.RoutingChanged == true ? others : "")}" : "No routing change ships with a model change, so no rollback owner is required.";
        return Finding.For(e, CheckNames.RollbackOwner, FindingStatus.Pass, e.RollbackModelId, message);
    }

    // "file: key" items, grouped by file: "values.yaml: a.b, c.d; .env: X".
    private static string DescribeChanges(IReadOnlyList<string> changes) =>
        string.Join("; ", changes.Take(10)
            .Select(c => { var cut = c.IndexOf(": ", StringComparison.Ordinal); return (File: c.Substring(0, cut), Key: c.Substring(cut + 2)); })
            .GroupBy(c => c.File)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => UntrustedText.EscapeControls(c.Key)))}"))
        + (changes.Count > 10 ? $" and {changes.Count - 10} more" : "");

    // -Deployed and -ConfigRoot both describe the release: a routing change either one sees counts.
    internal static DeployedRelease? Combine(DeployedRelease? declared, ReleaseReading? reading)
    {
        if (reading == null || reading.Refs.Count == 0) return declared;
        var id = reading.Refs.Select(r => r.ModelId).FirstOrDefault(m => m != null);
        if (declared == null) return new DeployedRelease(id, reading.RoutingChanged, reading.OtherChanges);
        return new DeployedRelease(declared.ModelId ?? id, declared.RoutingChanged || reading.RoutingChanged,
            declared.OtherChanges.Concat(reading.OtherChanges).ToList());
    }

    private static string Where(LedgerEntry e) => e.SourceLine is int line ? $" at {e.SourcePath} line {line}" : "";
}
