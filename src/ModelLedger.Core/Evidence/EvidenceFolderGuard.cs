using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLedger.IO;

namespace ModelLedger.Evidence;

/// <summary>
/// Decides whether Export-RollbackEvidence may write to a folder. -Force replaces only an earlier evidence bundle:
/// a folder whose manifest.json says ModelLedger wrote it and that holds nothing the manifest does not list.
/// Anything else (a repository, a home folder, the folder holding the ledger) is refused, whatever the switches.
/// </summary>
internal static class EvidenceFolderGuard
{
    public static void Check(string folder, bool force)
    {
        if (File.Exists(folder))
            throw EvidenceErrors.FolderIsFile(folder);
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any()) return;
        if (!force)
            throw EvidenceErrors.FolderNotEmpty(folder);

        if (FileLinks.IsLink(folder))
            throw EvidenceErrors.FolderNotBundle(folder, "is a link, not an evidence bundle");
        var listed = EvidenceManifest.TryListBundle(folder);
        if (listed == null)
            throw EvidenceErrors.FolderNotBundle(folder, "is not an evidence bundle (it has no ModelLedger manifest.json)");
        var known = new HashSet<string>(listed, StringComparer.Ordinal) { EvidenceManifest.FileName };
        var foreign = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Where(p => !(Directory.Exists(p) && !FileLinks.IsLink(p)))
            .Select(p => EvidenceManifest.Relative(folder, p))
            .Where(n => !known.Contains(n))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        if (foreign.Count > 0)
            throw EvidenceErrors.FolderNotBundle(folder,
                $"holds {foreign.Count} file(s) its evidence manifest does not list ({string.Join(", ", foreign.Take(5))}{(foreign.Count > 5 ? ", ..." : "")}), so it is not only an earlier bundle");
    }
}
