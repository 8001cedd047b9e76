using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.Gate;

/// <summary>
/// The gate's checks, in the order their findings are written: the one table the evaluator loops over, -Check's
/// ValidateSet is tested against, and the check tables of docs/help/Test-ModelLedger.md and about_ModelLedger are
/// tested against. Adding a check is one row here (plus its name in <see cref="CheckNames"/> and -Check's literal
/// set, which Windows PowerShell 5.1 needs: it has no dynamic sets).
/// </summary>
internal static class GateChecks
{
    public static readonly IReadOnlyList<GateCheck> All = new[]
    {
        new GateCheck(CheckNames.LedgerEntryComplete, CheckScope.Entry, null,
            "service, current ID or owner missing",
            "use case, validation method or change reference missing",
            c => One(EntryChecks.Completeness(c))),
        new GateCheck(CheckNames.DeployedMatchesLedger, CheckScope.Entry, null,
            "the ID the release ships (read from the files with -ConfigRoot, or given by -Deployed) differs from the ledger's current ID by any character; a config ref whose file, key or template does not resolve; the service has no ledger entry; or the entry has configRefs and the gate was given neither -ConfigRoot nor -Deployed",
            "an entry without configRefs under -ConfigRoot, or with neither -ConfigRoot nor -Deployed (not checked)",
            EntryChecks.DeployedMatches, EntryChecks.ShippedWithoutEntry),
        new GateCheck(CheckNames.CurrentModelAvailable, CheckScope.Entry, null,
            "current ID not in the snapshot (with several snapshots: not in every one; the message names the credentials that lack it)",
            "",
            c => One(AvailabilityChecks.Current(c))),
        new GateCheck(CheckNames.RollbackModelDefined, CheckScope.Entry, null,
            "rollback ID empty, or the same as the current ID (a rollback to the same ID is no rollback)",
            "",
            c => One(EntryChecks.RollbackDefined(c))),
        new GateCheck(CheckNames.RollbackModelAvailable, CheckScope.Entry, null,
            "rollback ID not in every snapshot and no emergency alternative is",
            "rollback ID not in every snapshot but the emergency alternative is",
            c => One(AvailabilityChecks.Rollback(c))),
        new GateCheck(CheckNames.EmergencyAlternative, CheckScope.Entry, null,
            "",
            "none recorded, or recorded but not in every snapshot",
            c => One(AvailabilityChecks.Emergency(c))),
        new GateCheck(CheckNames.ModelIdPinned, CheckScope.Entry, null,
            "with -Strict, the rollback ID is a moving name (a rollback must restore a known target)",
            "an ID the entry records (current, rollback, emergency; one finding each) is a moving name: the snapshot lists other IDs that extend it with a date or version suffix (-yyyy-mm-dd, -yyyymmdd, or a hyphen and 4 or 3 digits: gpt-4o beside gpt-4o-2024-08-06), or it ends in -latest or a bare -preview; the message names the concrete IDs the snapshot offers",
            PinnedCheck.Evaluate),
        new GateCheck(CheckNames.RollbackOwner, CheckScope.Entry, null,
            "the release ships a model change with RoutingChanged (derived from -BaselineConfigRoot: the model ID and another value in the same file changed; or given in -Deployed) and the entry has no rollbackOwner",
            "",
            c => One(EntryChecks.RollbackOwner(c))),
        new GateCheck(CheckNames.SnapshotFresh, CheckScope.Snapshot, null,
            "",
            "snapshot older than -MaxSnapshotAge, or dated in the future",
            SnapshotChecks.Freshness),
        new GateCheck(CheckNames.SnapshotMetadata, CheckScope.Snapshot, null,
            "",
            "optional owned_by, created or object metadata absent while id is present",
            SnapshotChecks.Metadata),
        new GateCheck(CheckNames.CredentialLabelMatches, CheckScope.Snapshot, "-CredentialLabel",
            "a snapshot was captured with a credential label -CredentialLabel does not name (\"works with a personal key\"), or a label it names has no snapshot",
            "",
            SnapshotChecks.CredentialLabel),
        new GateCheck(CheckNames.RollbackWindowOpen, CheckScope.Entry, "-BaselineLedgerPath",
            "the release's ledger drops or replaces a rollback ID whose baseline rollbackUntil is still in the future (as of -AsOf)",
            "",
            c => c.Gate.Window == null ? Array.Empty<LedgerFinding>() : One(c.Gate.Window.Evaluate(c.Entry!)),
            g => g.Window?.Dropped(g.SeenServices) ?? Array.Empty<LedgerFinding>()),
    };

    /// <summary>Check names in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToArray();

    public static GateCheck Get(string name) => All.First(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    private static IEnumerable<LedgerFinding> One(LedgerFinding finding) => new[] { finding };
}
