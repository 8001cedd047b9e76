using System;
using System.IO;

namespace ModelLedger.Ledger.Editing;

/// <summary>Opens a ledger file for editing (JSON, or CSV by extension), or starts a new one.</summary>
internal static class LedgerDocument
{
    /// <summary>The ledger at <paramref name="path"/>; a new empty one when the file does not exist and <paramref name="create"/> is set.</summary>
    public static ILedgerDocument Open(string path, bool create)
    {
        if (!File.Exists(path))
        {
            if (!create) throw FileErrors.NotFound(ErrorIds.LedgerNotFound, "Ledger", path, LedgerErrors.EditNotFoundFix);
            return New(path);
        }
        byte[] raw;
        try { raw = IO.InputFile.ReadAllBytes(path, IO.InputLimits.Ledger); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw FileErrors.Unreadable(ErrorIds.LedgerUnreadable, "Ledger", path, ex);
        }
        // Parse first: an invalid ledger is reported as LedgerInvalid with its line, before any layout is needed.
        LedgerReader.Parse(path, raw);
        var bytes = LedgerBytes.Split(raw);
        return LedgerReader.IsCsv(path) ? new CsvLedgerDocument(path, bytes) : new JsonLedgerDocument(path, bytes);
    }

    /// <summary>A new, empty ledger for <paramref name="path"/> (CSV by extension, else JSON), whether or not a file is there.</summary>
    public static ILedgerDocument New(string path) =>
        LedgerReader.IsCsv(path) ? CsvLedgerDocument.CreateNew(path) : JsonLedgerDocument.CreateNew(path);

    /// <summary>Writes the edited ledger atomically (readers see the old file or the new one, never a part).</summary>
    public static void Save(string path, ILedgerDocument document)
    {
        try { IO.AtomicFile.WriteAllBytes(path, document.ToBytes()); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw LedgerEditErrors.WriteFailed(path, ex);
        }
    }
}
