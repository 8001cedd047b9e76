using System;
using System.IO;
using ModelLedger.Ledger;
using ModelLedger.Snapshots;

namespace ModelLedger.Bootstrap;

/// <summary>
/// The runbook's own files a repository keeps beside its config (a reviewed ledger, saved models snapshots): they
/// list model IDs by design, so a draft that scanned them as config would count every ID as an unused value.
/// </summary>
internal static class RunbookFiles
{
    /// <summary>"a ModelLedger ledger", "a models snapshot", or null for any other file (or one that does not read as either).</summary>
    public static string? Describe(string path, long maxBytes)
    {
        var extension = Path.GetExtension(path);
        var json = string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase);
        if (!json && !LedgerReader.IsCsv(path)) return null;
        string text;
        try
        {
            if (new FileInfo(path).Length > maxBytes) return null;
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // Only a file that names their fields is parsed as a ledger or a snapshot; a plain config is only read.
        try
        {
            if (text.IndexOf("currentModelId", StringComparison.OrdinalIgnoreCase) >= 0 && LedgerReader.ReadFile(path).Count > 0) return "a ModelLedger ledger";
            if (json && text.IndexOf("\"capturedAt\"", StringComparison.Ordinal) >= 0 && SnapshotReader.ReadFile(path).Models.Count > 0) return "a models snapshot";
        }
        catch (ModelLedgerException)
        {
        }
        return null;
    }
}
