using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ModelLedger.Gate;
using ModelLedger.ModelIds;
using ModelLedger.Rendering;
using ModelLedger.Snapshots;

namespace ModelLedger.Evidence;

/// <summary>What the bundle's summary.md says: the change, the evidence held, what is missing, and the operator checklist line by line.</summary>
internal sealed class EvidenceSummary
{
    public EvidenceRequest Request { get; set; } = new();
    public IReadOnlyList<LedgerEntry> Scope { get; set; } = Array.Empty<LedgerEntry>();
    public IReadOnlyList<LedgerRowDiff>? Diffs { get; set; }
    /// <summary>The snapshots in the bundle, one per credential, and the file each was copied to.</summary>
    public IReadOnlyList<ModelSnapshot> Snapshots { get; set; } = Array.Empty<ModelSnapshot>();
    public IReadOnlyList<string> SnapshotFiles { get; set; } = Array.Empty<string>();
    private ModelSnapshot? Snapshot => Snapshots.Count > 0 ? Snapshots[0] : null;
    public int RedactedValues { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public IReadOnlyList<string> Files { get; set; } = Array.Empty<string>();
    public IReadOnlyList<string> Missing { get; set; } = Array.Empty<string>();

    private IReadOnlyList<LedgerFinding> Findings => Request.Findings;

    public IReadOnlyList<ChecklistAnswer> Checklist()
    {
        var names = Scope.Select(e => e.Service).Where(s => s != null).ToList();
        var list = new List<ChecklistAnswer>();
        list.Add(Snapshot == null
            ? new("I opened the CometAPI models endpoint reference and confirmed the current contract.", "Missing", "No snapshot: nothing shows which contract the validation used. Reading the reference is the operator's own step.")
            : Request.ContractReviewed
                ? new("I opened the CometAPI models endpoint reference and confirmed the current contract.", "Proved", $"{Request.RecordedBy} recorded reading the reference (-ContractReviewed); the snapshot parsed as the documented shape (data[].id strings).")
                : new("I opened the CometAPI models endpoint reference and confirmed the current contract.", "Partly", "The snapshot parsed as the documented shape (data[].id strings); reading the reference itself is the operator's own step (record it with -ContractReviewed)."));
        list.Add(EndpointAndAuth());
        list.Add(Fresh());
        list.Add(FromChecks("I confirmed the forward model ID is approved for this service.", names, new[] { CheckNames.CurrentModelAvailable }, "forward"));
        list.Add(FromChecks("I confirmed the rollback model ID is approved for this service.", names, new[] { CheckNames.RollbackModelDefined, CheckNames.RollbackModelAvailable }, "rollback"));
        list.Add(ExactStrings(names));
        list.Add(NoRedeploy(names));
        list.Add(new("I attached validation evidence to the release record.", "Proved", "This bundle; manifest.json lists every file with its SHA-256 (check it with Test-RollbackEvidence)."));
        list.Add(EmergencyApprover());
        return list;
    }

    // Get-CometModel records the hash of the body it read; a snapshot without one was written some other way (by hand,
    // or by a script), so nothing in the bundle shows which endpoint and auth scheme produced it.
    private ChecklistAnswer EndpointAndAuth()
    {
        const string item = "I verified the endpoint path and auth scheme used by our validation script.";
        if (Snapshot == null) return new(item, "Missing", "No snapshot in the bundle.");
        var unrecorded = Snapshots.Where(s => string.IsNullOrEmpty(s.ResponseSha256)).ToList();
        if (unrecorded.Count > 0)
            return new(item, "Partly", $"{unrecorded.Count} of {Snapshots.Count} snapshot(s) record no response hash, so nothing shows Get-CometModel captured them from "
                + "GET /v1/models with Authorization: Bearer (written by hand or by another tool?). Capture with Get-CometModel -OutSnapshot and export again.");
        return new(item, "Proved", $"Captured from {string.Join(", ", Snapshots.Select(s => s.Source).Distinct())} with Authorization: Bearer (Get-CometModel; response SHA-256 recorded).");
    }

    private ChecklistAnswer Fresh()
    {
        const string item = "I captured a fresh model identifier snapshot.";
        if (Snapshot == null) return new(item, "Missing", "No snapshot in the bundle.");
        var facts = string.Join(" ", Snapshots.Select(s => $"Captured {EvidenceJson.Stamp(s.CapturedAt)} with the '{s.CredentialLabel ?? "unrecorded"}' credential, {s.Models.Count} models."));
        // With several snapshots the least fresh one decides.
        var fresh = Findings.Where(f => f.Check == CheckNames.SnapshotFresh).OrderByDescending(f => f.Status).FirstOrDefault();
        if (fresh == null) return new(item, "Partly", facts + " No gate finding judged its age.");
        return fresh.Status == FindingStatus.Pass ? new(item, "Proved", facts + " " + fresh.Message) : new(item, "Partly", facts + " " + fresh.Message);
    }

    private ChecklistAnswer FromChecks(string item, IReadOnlyList<string?> services, string[] checks, string which)
    {
        if (Findings.Count == 0) return new(item, "Missing", "No gate findings in the bundle.", Named(services));
        var relevant = Findings.Where(f => checks.Contains(f.Check) && services.Contains(f.Service, StringComparer.OrdinalIgnoreCase)).ToList();
        var failed = relevant.Where(f => f.Status == FindingStatus.Fail).ToList();
        if (failed.Count > 0) return new(item, "Failed", string.Join(" ", failed.Select(f => $"{f.Service}/{f.Check}: {f.Message}")), Named(failed.Select(f => f.Service)));
        // Each changed service needs its own findings: a gate run over one service proves nothing for another.
        var uncovered = services.Where(s => !relevant.Any(f => string.Equals(f.Service, s, StringComparison.OrdinalIgnoreCase))).ToList();
        if (uncovered.Count > 0) return new(item, "Missing", $"The gate findings do not cover {string.Join(", ", uncovered)}.", Named(uncovered));
        var ids = string.Join(", ", Scope.Select(e => $"{e.Service} '{(which == "forward" ? e.CurrentModelId : e.RollbackModelId)}'"));
        return Request.ApprovedBy == null
            ? new(item, "Partly", $"The gate found {ids} in the snapshot, but no owner approval is recorded.", Named(services))
            : new(item, "Proved", $"The gate found {ids} in the snapshot; approved by {Request.ApprovedBy} at {EvidenceJson.Stamp(ApprovedAt!.Value)}.");
    }

    private static string[] Named(IEnumerable<string?> services) =>
        services.Where(s => s != null).Select(s => s!).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private ChecklistAnswer ExactStrings(IReadOnlyList<string?> services)
    {
        const string item = "I confirmed the application config uses exact model ID strings.";
        var deployed = Findings.Where(f => f.Check == CheckNames.DeployedMatchesLedger && services.Contains(f.Service, StringComparer.OrdinalIgnoreCase)).ToList();
        var runs = Request.DryRuns.Where(r => services.Contains(r.Service, StringComparer.OrdinalIgnoreCase)).ToList();
        var failedChecks = deployed.Where(f => f.Status == FindingStatus.Fail).ToList();
        if (failedChecks.Count > 0) return new(item, "Failed", string.Join(" ", failedChecks.Select(f => f.Message)), Named(failedChecks.Select(f => f.Service)));
        // What the release ships is shown only by a gate that read it (-ConfigRoot or -Deployed). A passed dry run shows
        // that staging takes the rollback ID exactly, not that the release's own files hold the approved ID.
        bool Read(string? s) => deployed.Any(f => f.Status == FindingStatus.Pass && string.Equals(f.Service, s, StringComparison.OrdinalIgnoreCase));
        bool Rehearsed(string? s) => runs.Any(r => r.Status == DryRunStatus.Passed && string.Equals(r.Service, s, StringComparison.OrdinalIgnoreCase));
        var unread = services.Where(s => !Read(s)).ToList();
        var unshown = unread.Where(s => !Rehearsed(s)).ToList();
        if (unshown.Count > 0)
            return new(item, "Missing", $"Neither a gate run with -ConfigRoot or -Deployed nor a passed dry run shows the IDs of {string.Join(", ", unshown)}.", Named(unshown));
        if (unread.Count > 0)
            return new(item, "Partly", $"A passed dry run shows staging takes the rollback ID of {string.Join(", ", unread)} exactly, but no gate run with -ConfigRoot or -Deployed read what the release ships for it. Gate the release's own files (Test-ModelLedger -ConfigRoot) and export again.", Named(unread));
        var proofs = new List<string>();
        // A gate run with -ConfigRoot read the IDs from the release's own files: name each file and line it read.
        var fromFiles = deployed.Where(f => f.Status == FindingStatus.Pass && f.Location != null).ToList();
        if (fromFiles.Count > 0)
            proofs.Add("a gate run with -ConfigRoot read the release's config files and found exactly the ledger's current IDs (" +
                       string.Join("; ", fromFiles.Select(f => $"{f.Service}: {FilesAndLines(f.Message)}")) + ")");
        if (deployed.Count > fromFiles.Count && deployed.Any(f => f.Location == null && f.Status == FindingStatus.Pass))
            proofs.Add("the release's IDs match the ledger exactly (DeployedMatchesLedger)");
        if (runs.Any(r => r.Status == DryRunStatus.Passed))
            proofs.Add("the dry run observed the rollback ID exactly as recorded (" + string.Join(", ", runs.Where(r => r.Status == DryRunStatus.Passed).Select(r => r.Service)) + ")");
        return new(item, "Proved", "Shown by: " + string.Join("; ", proofs) + ".");
    }

    // A -ConfigRoot Pass message ends with the files and lines it read (ConfigRefFindings: "...: a.json line 4, b.env line 2.").
    private static string FilesAndLines(string message)
    {
        var at = message.LastIndexOf(": ", StringComparison.Ordinal);
        return (at >= 0 ? message.Substring(at + 2) : message).TrimEnd('.');
    }

    // Every service in scope (each changed row) needs its own passed dry run: one rehearsal proves nothing for another service.
    private ChecklistAnswer NoRedeploy(IReadOnlyList<string?> services)
    {
        const string item = "I verified the rollback action can be performed without a code redeploy, or I documented why a redeploy is required.";
        var runs = Request.DryRuns.Where(r => services.Contains(r.Service, StringComparer.OrdinalIgnoreCase)).ToList();
        var failed = runs.Where(r => r.Status != DryRunStatus.Passed).ToList();
        if (failed.Count > 0) return new(item, "Failed", string.Join(" ", failed.Select(r => $"{r.Service}: {r.Status}, {r.Message}")), Named(failed.Select(r => r.Service)));
        var withoutDryRun = services.Where(s => !runs.Any(r => string.Equals(r.Service, s, StringComparison.OrdinalIgnoreCase))).ToList();
        if (withoutDryRun.Count > 0)
            return new(item, "Missing", $"No dry-run result for {string.Join(", ", withoutDryRun)} in the bundle (Invoke-RollbackDryRun for each changed service).", Named(withoutDryRun));
        return new(item, "Proved", string.Join(" ", runs.Select(r => $"{r.Service}: config switched to '{r.RollbackModelId}' and back ({(r.SwitchedAt is { } s ? EvidenceJson.Stamp(s) : "?")} to {(r.RestoredAt is { } t ? EvidenceJson.Stamp(t) : "?")}) without a redeploy.")));
    }

    private ChecklistAnswer EmergencyApprover()
    {
        const string item = "I documented who can approve an emergency alternative if the rollback ID is unavailable.";
        var lacking = Scope.Where(e => e.RollbackOwner == null).Select(e => e.Service).ToList();
        if (lacking.Count > 0) return new(item, "Missing", $"No rollbackOwner for {string.Join(", ", lacking)} in the ledger.", Named(lacking));
        return new(item, "Proved", string.Join("; ", Scope.Select(e => $"{e.Service}: {e.RollbackOwner} (emergency alternative '{e.EmergencyAlternative ?? "none recorded"}')")) + ".");
    }

    public string ToMarkdown(IReadOnlyList<ChecklistAnswer> checklist)
    {
        _escaped = false;
        var md = new StringBuilder();
        md.Append("# Rollback evidence").Append(Request.ChangeRef != null ? ": " + Text(Request.ChangeRef) : "").Append("\n\n");
        md.Append($"Exported {EvidenceJson.Stamp(Request.CreatedAt)} by {Text(Request.RecordedBy)} with ModelLedger {Text(Request.ModuleVersion)}. ");
        md.Append($"Services: {string.Join(", ", Scope.Select(e => Text(e.Service)))}.\n\n");

        md.Append("## Missing evidence\n\n");
        if (Missing.Count == 0) md.Append("Nothing: every artifact the runbook's step 6 lists is here.\n\n");
        else foreach (var m in Missing) md.Append("- ").Append(Text(m)).Append('\n');
        if (Missing.Count > 0) md.Append('\n');

        md.Append("## Operator checklist\n\n").Append(ChecklistAnswer.Tally(checklist)).Append("\n\n");
        md.Append("| checklist item | answer | evidence |\n| --- | --- | --- |\n");
        foreach (var a in checklist) md.Append($"| {Text(a.Item)} | {a.Status} | {Text(a.Evidence)} |\n");
        md.Append('\n');

        md.Append("## Ledger rows before and after\n\n");
        if (Diffs == null) md.Append("No previous ledger was given, so the rows before the change are missing.\n\n");
        else if (Diffs.Count == 0) md.Append("The ledger did not change.\n\n");
        else
            foreach (var d in Diffs)
            {
                md.Append($"### {Text(d.Service)} ({d.Change.ToString().ToLowerInvariant()})\n\n| field | before | after |\n| --- | --- | --- |\n");
                foreach (var f in d.Fields) md.Append($"| {Text(f.Name)} | {Code(Shorten(f.BeforeText))} | {Code(Shorten(f.AfterText))} |\n");
                md.Append('\n');
                // A change a reader cannot see in the table (a trailing space, a Cyrillic letter) is spelled out.
                foreach (var f in d.Fields.Where(f => LookAlike(f.BeforeText, f.AfterText)))
                    md.Append($"Note: {Text(f.Name)} changed from {Text(UntrustedText.Quote(Shorten(f.BeforeText)))} to {Text(UntrustedText.Quote(Shorten(f.AfterText)))}, which look the same." +
                              $"{Text(LookAlikes.Describe(f.BeforeText))}{Text(LookAlikes.Describe(f.AfterText))}\n\n");
            }

        md.Append(Snapshots.Count > 1 ? "## Models snapshots\n\n" : "## Models snapshot\n\n");
        if (Snapshots.Count > 1)
        {
            md.Append($"Validated with {Snapshots.Count} credentials: {string.Join(", ", Snapshots.Select(s => $"'{Text(s.CredentialLabel)}'"))}.\n\n");
            for (var i = 0; i < Snapshots.Count; i++)
                md.Append($"- {SnapshotFiles[i]}: {Snapshots[i].Models.Count} models from {Text(Snapshots[i].Source)}, captured {EvidenceJson.Stamp(Snapshots[i].CapturedAt)} with the '{Text(Snapshots[i].CredentialLabel)}' credential; response SHA-256 {Text(Snapshots[i].ResponseSha256 ?? "not recorded")}.\n");
            md.Append('\n');
        }
        md.Append(Snapshot == null ? "Missing.\n\n"
            : Snapshots.Count > 1 ? (RedactedValues > 0 ? $"{RedactedValues} account-specific value(s) redacted in these copies.\n\n" : "No account-specific metadata needed redacting.\n\n")
            : $"{Snapshot.Models.Count} models from {Text(Snapshot.Source)}, captured {EvidenceJson.Stamp(Snapshot.CapturedAt)} with the '{Text(Snapshot.CredentialLabel ?? "unrecorded")}' credential; response SHA-256 {Text(Snapshot.ResponseSha256 ?? "not recorded")}. " +
              (RedactedValues > 0 ? $"{RedactedValues} account-specific value(s) redacted in this copy.\n\n" : "No account-specific metadata needed redacting.\n\n"));

        md.Append("## Deploy gate\n\n");
        md.Append(Findings.Count == 0 ? "Missing.\n\n"
            : $"{FindingReport.Verdict(Findings)}: {Findings.Count(f => f.Status == FindingStatus.Fail)} failed, {Findings.Count(f => f.Status == FindingStatus.Warn)} warnings, {Findings.Count(f => f.Status == FindingStatus.Pass)} passed. " +
              string.Join(" ", Findings.Where(f => f.Status == FindingStatus.Fail).Select(f => $"Failed: {Text(f.Service)}/{f.Check}.")) + " Details: findings.md, findings.junit.xml, findings.json.\n\n");

        md.Append("## Rollback dry run\n\n");
        if (Request.DryRuns.Count == 0) md.Append("Missing.\n\n");
        else
        {
            md.Append("| service | status | forward | rollback | observed | switched | restored |\n| --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (var r in Request.DryRuns)
                md.Append($"| {Text(r.Service)} | {r.Status} | {Code(r.ForwardModelId)} | {Code(r.RollbackModelId)} | {Code(r.ObservedModelId)} | {(r.SwitchedAt is { } s ? EvidenceJson.Stamp(s) : "")} | {(r.RestoredAt is { } t ? EvidenceJson.Stamp(t) : "")} |\n");
            md.Append('\n');
        }

        md.Append("## Owner approval\n\n");
        md.Append(Request.ApprovedBy == null ? "Missing: pass -ApprovedBy when the owner has approved the forward and rollback IDs.\n\n"
            : $"Approved by {Text(Request.ApprovedBy)} at {EvidenceJson.Stamp(ApprovedAt!.Value)} (recorded by {Text(Request.RecordedBy)}) for: " +
              string.Join("; ", Scope.Select(e => $"{Text(e.Service)} forward {Code(e.CurrentModelId, inTable: false)}, rollback {Code(e.RollbackModelId, inTable: false)}")) + ".\n\n");

        md.Append("## Files\n\n");
        foreach (var f in Files) md.Append("- ").Append(Text(f)).Append('\n');
        md.Append("- manifest.json (SHA-256 of every file above; verify with `Test-RollbackEvidence -Path <this folder>`)\n");
        if (_escaped) md.Append('\n').Append(UntrustedText.ForMarkdownText(UntrustedText.EscapeNote)).Append('\n');
        return md.ToString();
    }

    // Set while rendering when some value was shown escaped, so the summary can say how it showed it.
    private bool _escaped;

    private string Text(string? s)
    {
        _escaped |= UntrustedText.NeedsEscape(s);
        return UntrustedText.ForMarkdownText(s);
    }

    private static string? Shorten(string? value) => value == null ? null : UntrustedText.Shorten(value);

    // Equal once whitespace at the ends, invisible characters and look-alike letters are set aside.
    private static bool LookAlike(string? before, string? after) =>
        before != null && after != null && string.Equals(LookAlikes.Fold(before.Trim()), LookAlikes.Fold(after.Trim()), StringComparison.Ordinal);

    private string Code(string? s, bool inTable = true)
    {
        _escaped |= UntrustedText.NeedsEscape(s);
        return UntrustedText.ForMarkdownCode(s, inTable);
    }
}
