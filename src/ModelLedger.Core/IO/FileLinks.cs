using System;
using System.IO;

namespace ModelLedger.IO;

/// <summary>
/// Whether a path is a symbolic link (or another reparse point), itself or through a folder between it and a root.
/// .NET reports links as <see cref="FileAttributes.ReparsePoint"/> on Windows and on Unix alike.
/// </summary>
internal static class FileLinks
{
    public static bool IsLink(string path)
    {
        try { return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>True when <paramref name="path"/> or a folder between it and <paramref name="root"/> (exclusive) is a link.</summary>
    public static bool IsLinkBelow(string root, string path)
    {
        var top = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var p = Path.GetFullPath(path); p.Length > top.Length; p = Path.GetDirectoryName(p) ?? top)
            if (IsLink(p)) return true;
        return false;
    }
}
