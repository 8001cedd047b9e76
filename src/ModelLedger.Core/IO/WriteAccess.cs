using System;
using System.IO;

namespace ModelLedger.IO;

/// <summary>
/// Whether an existing file may be rewritten as its owner would: a file marked read-only (on Unix: no owner-write
/// bit, which even root respects here, since root may write anything) or one this account cannot open for writing
/// is refused before anything changes. The dry run's config and the ledger editors share the rule.
/// </summary>
internal static class WriteAccess
{
    /// <summary>Why <paramref name="path"/> must not be written ("is read-only (mode 0444: ...)"), or null when it may be.</summary>
    public static string? Refusal(string path, out Exception? inner)
    {
        inner = null;
        var mode = UnixPermissions.TryGet(path);
        if (mode is int m && (m & UnixPermissions.OwnerWrite) == 0)
            return $"is read-only (mode {Convert.ToString(m & 0xFFF, 8).PadLeft(4, '0')}: its owner may not write it)";
        if (mode == null && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
            return "is read-only (its read-only attribute is set)";
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException ex)
        {
            inner = ex;
            return "cannot be written by this account (it belongs to another user or its permissions forbid writing)";
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            // On Windows a process holding the file open without write sharing: the write would fail too.
            inner = ex;
            return $"cannot be opened for writing ({ex.Message})";
        }
        return null;
    }
}
