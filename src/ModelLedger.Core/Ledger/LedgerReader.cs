using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ModelLedger.IO;

namespace ModelLedger.Ledger;

/// <summary>Reads a ledger file (JSON, or CSV by extension). Only <see cref="ModelLedgerException"/> escapes.</summary>
internal static class LedgerReader
{
    public static IReadOnlyList<LedgerEntry> ReadFile(string path)
    {
        if (Directory.Exists(path))
            throw FileErrors.NotFound(ErrorIds.LedgerNotFound, "Ledger", path, LedgerErrors.FolderFix);
        if (!File.Exists(path))
            throw FileErrors.NotFound(ErrorIds.LedgerNotFound, "Ledger", path, LedgerErrors.NotFoundFix);

        byte[] raw;
        try
        {
            raw = InputFile.ReadAllBytes(path, InputLimits.Ledger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw FileErrors.Unreadable(ErrorIds.LedgerUnreadable, "Ledger", path, ex);
        }
        return Parse(path, raw);
    }

    /// <summary>
    /// Parses a ledger from the file's raw bytes (any BOM or UTF-16 is handled); <paramref name="path"/> names the
    /// file in errors and picks the format by extension. Only <see cref="ModelLedgerException"/> escapes.
    /// </summary>
    public static IReadOnlyList<LedgerEntry> Parse(string path, byte[] raw)
    {
        byte[] bytes;
        try
        {
            bytes = TextFile.ToUtf8(raw);
        }
        catch (DecoderFallbackException ex)
        {
            throw FileErrors.Invalid(ErrorIds.LedgerInvalid, "Ledger", path, null, null, "the file is not valid UTF-8 or UTF-16 text.", "Save the ledger as UTF-8.", ex);
        }

        try
        {
            return IsCsv(path) ? LedgerCsvReader.Read(path, bytes) : LedgerJsonReader.Read(path, bytes);
        }
        catch (ModelLedgerException) { throw; }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Defence in depth: a reader bug must still surface as the documented error, never a raw exception.
            throw FileErrors.Invalid(ErrorIds.LedgerInvalid, "Ledger", path, null, null, $"the file could not be parsed ({ex.Message}).",
                "Check the file against the ledger format in about_ModelLedger.", ex);
        }
    }

    public static bool IsCsv(string path) => string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);
}
