using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Snapshots;

namespace ModelLedger.Gate
{
    /// <summary>
    /// The release gate of the runbook's step 4. Build it once per snapshot (one pass over the models into a hash
    /// set), then feed ledger entries one at a time: each is checked with hash lookups, so the whole gate is linear in
    /// ledger plus snapshot size and a large ledger streams. Matching is ordinal and exact; near misses only explain.
    /// </summary>
    public sealed class GateEvaluator
    {
        private readonly ModelSnapshot _snapshot;
        private readonly GateOptions _options;
        private readonly HashSet<string> _available;
        private readonly ModelIdHints _hints;
        private readonly HashSet<string> _seenServices = new(StringComparer.OrdinalIgnoreCase);

        public GateEvaluator(ModelSnapshot snapshot, GateOptions options)
        {
            if (snapshot.Models.Count == 0)
                throw SnapshotErrors.Empty(snapshot.FilePath, snapshot.Source);
            _snapshot = snapshot;
            _options = options;
            _available = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in snapshot.Models) _available.Add(m.Id);
            _hints = new ModelIdHints(_available);
            if (options.BaselineLedger != null) _window = new RollbackWindowCheck(options.BaselineLedger, options.AsOf);
        }

        private readonly RollbackWindowCheck? _window;

        public GateOptions Options => _options;

        /// <summary>Findings about the snapshot itself (freshness, metadata, credential class), once per gate run.</summary>
        public IEnumerable<LedgerFinding> SnapshotFindings()
        {
            yield return Freshness();
            yield return Metadata();
            if (_options.CredentialLabel != null) yield return CredentialLabel(_options.CredentialLabel);
        }

        /// <summary>
        /// Every check for one ledger entry, Pass included, in a fixed order. The entry counts as seen for
        /// <see cref="Finish"/> when this returns, whether or not the caller enumerates the findings.
        /// </summary>
        public IReadOnlyList<LedgerFinding> Evaluate(LedgerEntry entry)
        {
            if (entry.Service != null) _seenServices.Add(entry.Service);
            return Checks(entry).ToList();
        }

        private IEnumerable<LedgerFinding> Checks(LedgerEntry entry)
        {
            DeployedRelease? release = null;
            if (entry.Service != null) _options.Deployed?.TryGetValue(entry.Service, out release);
            var reading = _options.ReleaseConfig?.Read(entry);

            yield return Completeness(entry);
            if (_options.Deployed != null && (release != null || reading == null)) yield return DeployedMatches(entry, release);
            if (reading != null)
                foreach (var finding in ConfigRefFindings.For(entry, reading, _options.ReleaseConfig!.Root)) yield return finding;
            release = Combine(release, reading);
            yield return CurrentAvailable(entry);
            yield return RollbackDefined(entry);
            yield return RollbackAvailable(entry);
            yield return Emergency(entry);
            yield return RollbackOwner(entry, release);
            if (_window != null) yield return _window.Evaluate(entry);
        }

        /// <summary>After the last entry: services the release ships that the ledger does not approve.</summary>
        public IEnumerable<LedgerFinding> Finish()
        {
            if (_window != null)
                foreach (var f in _window.Dropped(_seenServices)) yield return f;
            if (_options.Deployed == null) yield break;
            foreach (var kv in _options.Deployed.Where(kv => !_seenServices.Contains(kv.Key)))
                yield return Finding(kv.Key, CheckNames.DeployedMatchesLedger, FindingStatus.Fail, kv.Value.ModelId,
                    $"The release ships '{kv.Value.ModelId}' for service '{kv.Key}', which has no ledger entry. Add the service to the ledger with its current and rollback model IDs and an owner, get it reviewed, then re-run the gate.");
        }

        private LedgerFinding Completeness(LedgerEntry e)
        {
            var missing = new List<string>();
            if (e.Service == null) missing.Add("service");
            if (e.CurrentModelId == null) missing.Add("currentModelId");
            if (e.Owner == null) missing.Add("owner");
            if (missing.Count > 0)
                return Finding(e, CheckNames.LedgerEntryComplete, FindingStatus.Fail, e.CurrentModelId,
                    $"The ledger entry{Where(e)} has no {string.Join(", ", missing)}. Fill in every required field (service, currentModelId, owner) and get the row reviewed.");
            var optional = new List<string>();
            if (e.UseCase == null) optional.Add("useCase");
            if (e.ValidationMethod == null) optional.Add("validationMethod");
            if (e.ChangeRef == null) optional.Add("changeRef");
            if (optional.Count > 0)
                return Finding(e, CheckNames.LedgerEntryComplete, FindingStatus.Warn, e.CurrentModelId,
                    $"The ledger entry has no {string.Join(", ", optional)}. Record them so the next operator knows why and how the IDs were validated.");
            return Finding(e, CheckNames.LedgerEntryComplete, FindingStatus.Pass, e.CurrentModelId, "All required and recommended fields are present.");
        }

        private LedgerFinding DeployedMatches(LedgerEntry e, DeployedRelease? release)
        {
            if (release == null)
                return Finding(e, CheckNames.DeployedMatchesLedger, FindingStatus.Pass, e.CurrentModelId, "This release does not change the service's model ID.");
            if (release.ModelId != null && string.Equals(release.ModelId, e.CurrentModelId, StringComparison.Ordinal))
                return Finding(e, CheckNames.DeployedMatchesLedger, FindingStatus.Pass, release.ModelId, $"The release ships '{release.ModelId}', exactly the ledger's current ID.");
            var near = e.CurrentModelId != null && release.ModelId != null && new ModelIdHints(new[] { e.CurrentModelId }).For(release.ModelId).Count > 0
                ? " They differ only in case, whitespace, a version suffix or look-alike characters: a near miss is still a different model."
                : "";
            return Finding(e, CheckNames.DeployedMatchesLedger, FindingStatus.Fail, release.ModelId,
                $"The release ships '{release.ModelId}' but the ledger's current ID is '{e.CurrentModelId}'.{near}{LookAlikes.Describe(release.ModelId)}{LookAlikes.Describe(e.CurrentModelId)} Ship exactly the approved ID, or update and re-review the ledger row first.");
        }

        private LedgerFinding CurrentAvailable(LedgerEntry e)
        {
            if (e.CurrentModelId == null)
                return Finding(e, CheckNames.CurrentModelAvailable, FindingStatus.Fail, null, "No current model ID is recorded, so availability cannot be checked. Record the exact ID the service sends.");
            if (_available.Contains(e.CurrentModelId))
                return Finding(e, CheckNames.CurrentModelAvailable, FindingStatus.Pass, e.CurrentModelId, $"'{e.CurrentModelId}' is in the snapshot.");
            return Finding(e, CheckNames.CurrentModelAvailable, FindingStatus.Fail, e.CurrentModelId,
                $"'{e.CurrentModelId}' is not in the snapshot.{_hints.Describe(e.CurrentModelId)} Do not release: confirm the exact ID with the owner ({e.Owner ?? "no owner recorded"}) and re-capture the snapshot with the production credential.");
        }

        private LedgerFinding RollbackDefined(LedgerEntry e) =>
            e.RollbackModelId == null
                ? Finding(e, CheckNames.RollbackModelDefined, FindingStatus.Fail, null,
                    "No rollback model ID is recorded: this change could not be reversed. Record the ID the service used before this change (from the previous ledger or release record).")
                : Finding(e, CheckNames.RollbackModelDefined, FindingStatus.Pass, e.RollbackModelId, $"Rollback ID '{e.RollbackModelId}' is recorded.");

        private LedgerFinding RollbackAvailable(LedgerEntry e)
        {
            var emergencyAvailable = e.EmergencyAlternative != null && _available.Contains(e.EmergencyAlternative);
            if (e.RollbackModelId != null && _available.Contains(e.RollbackModelId))
                return Finding(e, CheckNames.RollbackModelAvailable, FindingStatus.Pass, e.RollbackModelId, $"'{e.RollbackModelId}' is in the snapshot.");
            var problem = e.RollbackModelId == null
                ? "There is no rollback ID to check."
                : $"Rollback ID '{e.RollbackModelId}' is not in the snapshot.{_hints.Describe(e.RollbackModelId)}";
            if (emergencyAvailable)
                return Finding(e, CheckNames.RollbackModelAvailable, FindingStatus.Warn, e.RollbackModelId,
                    $"{problem} The emergency alternative '{e.EmergencyAlternative}' is available: proceed only with its approval recorded (owner: {e.RollbackOwner ?? e.Owner ?? "none recorded"}).");
            return Finding(e, CheckNames.RollbackModelAvailable, FindingStatus.Fail, e.RollbackModelId,
                $"{problem} No available emergency alternative either, so you could deploy forward but not return. Do not proceed until an approved rollback or emergency ID is validated.");
        }

        private LedgerFinding Emergency(LedgerEntry e)
        {
            if (e.EmergencyAlternative == null)
                return Finding(e, CheckNames.EmergencyAlternative, FindingStatus.Warn, null,
                    "No emergency alternative is recorded. Record one, and who may approve switching to it, for when the rollback ID is unavailable.");
            if (!_available.Contains(e.EmergencyAlternative))
                return Finding(e, CheckNames.EmergencyAlternative, FindingStatus.Warn, e.EmergencyAlternative,
                    $"Emergency alternative '{e.EmergencyAlternative}' is not in the snapshot.{_hints.Describe(e.EmergencyAlternative)} Validate or replace it.");
            return Finding(e, CheckNames.EmergencyAlternative, FindingStatus.Pass, e.EmergencyAlternative, $"'{e.EmergencyAlternative}' is in the snapshot.");
        }

        private LedgerFinding RollbackOwner(LedgerEntry e, DeployedRelease? release)
        {
            var modelChange = release?.ModelId != null && !string.Equals(release.ModelId, e.RollbackModelId, StringComparison.Ordinal);
            var others = release?.OtherChanges.Count > 0 ? $" Other values that change in the same file: {DescribeChanges(release!.OtherChanges)}." : "";
            if (release != null && release.RoutingChanged && modelChange && e.RollbackOwner == null)
                return Finding(e, CheckNames.RollbackOwner, FindingStatus.Fail, release.ModelId,
                    $"The release changes both the model ID and routing logic, and the entry names no rollback owner.{others} Name the person or rota who can approve a rollback (rollbackOwner) before releasing.");
            var message = e.RollbackOwner != null ? $"Rollback owner: {e.RollbackOwner}.{(release?.RoutingChanged == true ? others : "")}" : "No routing change ships with a model change, so no rollback owner is required.";
            return Finding(e, CheckNames.RollbackOwner, FindingStatus.Pass, e.RollbackModelId, message);
        }

        // "file: key" items, grouped by file: "values.yaml: a.b, c.d; .env: X".
        private static string DescribeChanges(IReadOnlyList<string> changes) =>
            string.Join("; ", changes.Take(10)
                .Select(c => { var cut = c.IndexOf(": ", StringComparison.Ordinal); return (File: c.Substring(0, cut), Key: c.Substring(cut + 2)); })
                .GroupBy(c => c.File)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => Config.SharedText.Visible(c.Key)))}"))
            + (changes.Count > 10 ? $" and {changes.Count - 10} more" : "");

        // -Deployed and -ConfigRoot both describe the release: a routing change either one sees counts.
        private static DeployedRelease? Combine(DeployedRelease? declared, ReleaseReading? reading)
        {
            if (reading == null || reading.Refs.Count == 0) return declared;
            var id = reading.Refs.Select(r => r.ModelId).FirstOrDefault(m => m != null);
            if (declared == null) return new DeployedRelease(id, reading.RoutingChanged, reading.OtherChanges);
            return new DeployedRelease(declared.ModelId ?? id, declared.RoutingChanged || reading.RoutingChanged,
                declared.OtherChanges.Concat(reading.OtherChanges).ToList());
        }

        private LedgerFinding Freshness()
        {
            var age = _options.AsOf - _snapshot.CapturedAt;
            var captured = _snapshot.CapturedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
            if (age < TimeSpan.FromMinutes(-5))
                return Finding(CheckNames.SnapshotScope, CheckNames.SnapshotFresh, FindingStatus.Warn, null,
                    $"The snapshot claims to be captured at {captured}, after the evaluation time: check this machine's clock and the snapshot's origin.");
            if (age > _options.MaxSnapshotAge)
                return Finding(CheckNames.SnapshotScope, CheckNames.SnapshotFresh, FindingStatus.Warn, null,
                    $"The snapshot was captured at {captured}, {Describe(age)} ago, older than the {Describe(_options.MaxSnapshotAge)} policy. Capture a fresh one with Get-CometModel -OutSnapshot before approving.");
            return Finding(CheckNames.SnapshotScope, CheckNames.SnapshotFresh, FindingStatus.Pass, null, $"Captured at {captured} ({Describe(age)} before the evaluation time).");
        }

        private LedgerFinding Metadata()
        {
            int noOwner = 0, noCreated = 0, noObject = 0;
            foreach (var m in _snapshot.Models)
            {
                if (m.OwnedBy == null) noOwner++;
                if (m.Created == null) noCreated++;
                if (m.Object == null) noObject++;
            }
            if (noOwner + noCreated + noObject == 0)
                return Finding(CheckNames.SnapshotScope, CheckNames.SnapshotMetadata, FindingStatus.Pass, null, $"All {_snapshot.Models.Count} models carry owned_by, created and object.");
            return Finding(CheckNames.SnapshotScope, CheckNames.SnapshotMetadata, FindingStatus.Warn, null,
                $"Of {_snapshot.Models.Count} models, {noOwner} lack owned_by, {noCreated} lack created and {noObject} lack object. These are optional metadata: the gate decides on the documented id field only, but check the CometAPI reference if this is new.");
        }

        private LedgerFinding CredentialLabel(string expected)
        {
            if (string.Equals(_snapshot.CredentialLabel, expected, StringComparison.OrdinalIgnoreCase))
                return Finding(CheckNames.SnapshotScope, CheckNames.CredentialLabelMatches, FindingStatus.Pass, null, $"The snapshot was captured with the '{expected}' credential.");
            var actual = _snapshot.CredentialLabel == null ? "an unlabelled credential" : $"the '{_snapshot.CredentialLabel}' credential";
            return Finding(CheckNames.SnapshotScope, CheckNames.CredentialLabelMatches, FindingStatus.Fail, null,
                $"The snapshot was captured with {actual}, not '{expected}'. A model visible to one key may be unavailable to the production key: re-capture with the production-equivalent credential (Get-CometModel -CredentialLabel {expected} -OutSnapshot ...).");
        }

        private static string Where(LedgerEntry e) => e.SourceLine is int line ? $" at {e.SourcePath} line {line}" : "";

        private static string Describe(TimeSpan t) =>
            t.TotalDays >= 2 ? $"{t.TotalDays:F0} days" : t.TotalHours >= 2 ? $"{t.TotalHours:F0} hours" : $"{Math.Max(0, t.TotalMinutes):F0} minutes";

        private static LedgerFinding Finding(LedgerEntry e, string check, FindingStatus status, string? modelId, string message) =>
            Finding(e.Service, check, status, modelId, message);

        private static LedgerFinding Finding(string? service, string check, FindingStatus status, string? modelId, string message) =>
            new() { Service = service, Check = check, Status = status, ModelId = modelId, Message = message };
    }
}
