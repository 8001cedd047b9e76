using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLedger.IO;

namespace ModelLedger.Evidence
{
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
                throw Refused(ErrorIds.EvidenceFolderNotEmpty, folder, "is a file, not a folder", "Choose a new folder for this change's evidence.");
            if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any()) return;
            if (!force)
                throw Refused(ErrorIds.EvidenceFolderNotEmpty, folder, "already holds files",
                    "Choose a new folder for this change's evidence, or pass -Force to replace an earlier evidence bundle there.");

            const string fix = "-Force replaces only an earlier evidence bundle. Choose a new folder (for example ./evidence/<change>) for this change's evidence.";
            if (FileLinks.IsLink(folder))
                throw Refused(ErrorIds.EvidenceFolderNotBundle, folder, "is a link, not an evidence bundle", fix);
            var listed = EvidenceManifest.TryListBundle(folder);
            if (listed == null)
                throw Refused(ErrorIds.EvidenceFolderNotBundle, folder, "is not an evidence bundle (it has no ModelLedger manifest.json)", fix);
            var known = new HashSet<string>(listed, StringComparer.Ordinal) { EvidenceManifest.FileName };
            var foreign = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
                .Where(p => !(Directory.Exists(p) && !FileLinks.IsLink(p)))
                .Select(p => EvidenceManifest.Relative(folder, p))
                .Where(n => !known.Contains(n))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            if (foreign.Count > 0)
                throw Refused(ErrorIds.EvidenceFolderNotBundle, folder,
                    $"holds {foreign.Count} file(s) its evidence manifest does not list ({string.Join(", ", foreign.Take(5))}{(foreign.Count > 5 ? ", ..." : "")}), so it is not only an earlier bundle", fix);
        }

        private static ModelLedgerException Refused(string errorId, string folder, string problem, string fix) =>
            new(errorId, FailureCategory.ResourceExists, $"The evidence folder '{folder}' {problem}; nothing was written or deleted. {fix}")
            {
                Target = folder,
                FilePath = folder,
                RecommendedAction = fix,
            };
    }
}
