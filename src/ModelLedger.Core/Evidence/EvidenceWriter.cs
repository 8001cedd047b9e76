using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ModelLedger.Gate;
using ModelLedger.IO;
using ModelLedger.Ledger;
using ModelLedger.Secrets;
using ModelLedger.Snapshots;

namespace ModelLedger.Evidence;

/// <summary>
/// Writes one change's evidence bundle (runbook step 6). The files are written into a hidden sibling folder and
/// renamed into place at the end, so the bundle appears complete or not at all.
/// </summary>
internal static class EvidenceWriter
{
    public static EvidenceBundle Write(string folder, EvidenceRequest request, bool force)
    {
        folder = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        EvidenceFolderGuard.Check(folder, force);

        var after = LedgerReader.ReadFile(request.LedgerPath);
        var before = request.PreviousLedgerPath != null ? LedgerReader.ReadFile(request.PreviousLedgerPath) : null;
        var snapshots = SnapshotSet.Check(request.SnapshotPaths.Select(SnapshotReader.ReadFile).ToList());
        var diffs = before != null ? LedgerDiff.Compare(before, after) : null;
        var changed = diffs?.Where(d => d.Change != LedgerRowChange.Removed).Select(d => d.Service).ToList();
        var scope = changed is { Count: > 0 } ? after.Where(e => changed.Contains(e.Service!, StringComparer.OrdinalIgnoreCase)).ToList() : after.ToList();
        request.ChangeRef ??= string.Join(", ", scope.Select(e => e.ChangeRef).Where(c => c != null).Distinct(StringComparer.Ordinal)) is { Length: > 0 } refs ? refs : null;
        // -ChangeRef, -ApprovedBy and the ledger's changeRef reach manifest.json, summary.md and the checklist as text:
        // masked here, once, for all of them.
        request.ChangeRef = request.Scrubber.ScrubOrNull(request.ChangeRef);
        request.ApprovedBy = request.Scrubber.ScrubOrNull(request.ApprovedBy);
        DateTimeOffset? approvedAt = request.ApprovedBy != null ? (request.ApprovedAt ?? request.CreatedAt) : null;

        var missing = new List<string>();
        if (before == null) missing.Add("ledger before the change (-PreviousLedgerPath)");
        if (snapshots.Count == 0) missing.Add("models snapshot (-SnapshotPath)");
        if (request.Findings.Count == 0) missing.Add("deploy gate result (findings from Test-ModelLedger)");
        if (request.DryRuns.Count == 0) missing.Add("rollback dry-run result (Invoke-RollbackDryRun)");
        if (request.ApprovedBy == null) missing.Add("owner approval (-ApprovedBy)");

        var parent = Path.GetDirectoryName(folder) ?? ".";
        var name = Path.GetFileName(folder);
        var temp = Path.Combine(parent, "." + name + AtomicFile.TempMarker + Guid.NewGuid().ToString("N").Substring(0, 8));
        var written = new List<KeyValuePair<string, byte[]>>();
        var keyHits = new List<string>();
        try
        {
            Directory.CreateDirectory(temp);
            void Put(string file, byte[] bytes)
            {
                bytes = RedactKey(bytes, request.Scrubber, file, keyHits);
                WriteDurably(Path.Combine(temp, file), bytes);
                written.Add(new KeyValuePair<string, byte[]>(file, bytes));
            }

            Put("ledger-after" + Extension(request.LedgerPath), InputFile.ReadAllBytes(request.LedgerPath, InputLimits.Ledger));
            if (before != null)
            {
                Put("ledger-before" + Extension(request.PreviousLedgerPath!), InputFile.ReadAllBytes(request.PreviousLedgerPath!, InputLimits.Ledger));
                Put("ledger-changes.json", EvidenceJson.LedgerChanges(diffs!));
            }
            var redacted = 0;
            var snapshotFiles = new List<string>();
            for (var i = 0; i < snapshots.Count; i++)
            {
                // One snapshot keeps its one name; several are numbered in -SnapshotPath order, each holding its credentialLabel.
                var file = snapshots.Count == 1 ? "models-snapshot.json" : $"models-snapshot-{i + 1}.json";
                Put(file, SnapshotWriter.ToUtf8(SnapshotRedaction.Redact(snapshots[i], out var count)));
                redacted += count;
                snapshotFiles.Add(file);
            }
            if (request.Findings.Count > 0)
            {
                Put("findings.json", EvidenceJson.Findings(request.Findings));
                Put("findings.md", Encoding.UTF8.GetBytes(FindingReport.ToMarkdown(request.Findings)));
                Put("findings.junit.xml", Encoding.UTF8.GetBytes(FindingReport.ToJUnitXml(request.Findings, timestamp: request.CreatedAt)));
            }
            if (request.DryRuns.Count > 0) Put("dryrun.json", EvidenceJson.DryRuns(request.DryRuns));
            if (approvedAt != null) Put("approval.json", EvidenceJson.Approval(request, scope, approvedAt.Value));

            var summary = new EvidenceSummary
            {
                Request = request, Scope = scope, Diffs = diffs, Snapshots = snapshots, SnapshotFiles = snapshotFiles, RedactedValues = redacted,
                ApprovedAt = approvedAt, Files = written.Select(f => f.Key).Append("summary.md").ToList(), Missing = missing,
            };
            var checklist = summary.Checklist();
            var text = summary.ToMarkdown(checklist);
            if (keyHits.Count > 0) text += $"\nThe API key in use appeared in {string.Join(", ", keyHits)} and was replaced by {SnapshotRedaction.Redacted} in this bundle.\n";
            Put("summary.md", Encoding.UTF8.GetBytes(text));
            // The manifest's own text (changeRef, file names) passes the same scrubber as every other file.
            var manifest = request.Scrubber.ScrubBytes(EvidenceManifest.Build(written, request), out _);
            WriteDurably(Path.Combine(temp, EvidenceManifest.FileName), manifest);

            CrashPoint.Hit("evidence:before-publish");
            Publish(temp, folder);
            return new EvidenceBundle
            {
                Path = folder,
                Files = written.Select(f => f.Key).Append(EvidenceManifest.FileName).ToArray(),
                ManifestPath = Path.Combine(folder, EvidenceManifest.FileName),
                ManifestSha256 = Sha256Hex.Of(manifest),
                Missing = checklist.Where(a => !a.IsProved).Select(a => request.Scrubber.Scrub(a.ToString())).ToArray(),
                Complete = checklist.All(a => a.IsProved),
                MissingArtifacts = missing.Select(request.Scrubber.Scrub).ToArray(),
                Checklist = checklist.Select(c => new ChecklistAnswer(request.Scrubber.Scrub(c.Item), c.Status, request.Scrubber.Scrub(c.Evidence), c.Services.Select(request.Scrubber.Scrub).ToArray())).ToArray(),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDeleteFolder(temp);
            throw FileErrors.WriteFailed(ErrorIds.OutputWriteFailed, "The evidence folder", folder, ex,
                "Nothing was left half-written. Check that the parent folder exists and is writable and that the disk has space, then export again.");
        }
        catch
        {
            TryDeleteFolder(temp);
            throw;
        }
    }

    // An existing folder (empty, or an earlier bundle replaced under -Force) is moved aside first, so the rename cannot fail on it,
    // and moved back if the new one cannot take its place.
    private static void Publish(string temp, string folder)
    {
        string? aside = null;
        if (Directory.Exists(folder))
        {
            aside = Path.Combine(Path.GetDirectoryName(folder) ?? ".", "." + Path.GetFileName(folder) + ".replaced-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.Move(folder, aside);
        }
        try
        {
            Directory.Move(temp, folder);
        }
        catch
        {
            if (aside != null) Directory.Move(aside, folder);
            throw;
        }
        if (aside != null) TryDeleteFolder(aside);
    }

    private static void WriteDurably(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(true);
    }

    // Every file, whatever its encoding (a UTF-16 ledger stays UTF-16), in every form the key can take in it.
    private static byte[] RedactKey(byte[] bytes, SecretScrubber scrubber, string file, List<string> hits)
    {
        var scrubbed = scrubber.ScrubBytes(bytes, out var found);
        if (found) hits.Add(file);
        return scrubbed;
    }

    private static string Extension(string path) =>
        string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase) ? ".csv" : ".json";

    private static void TryDeleteFolder(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
