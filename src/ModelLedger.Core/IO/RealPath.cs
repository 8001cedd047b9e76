using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace ModelLedger.IO;

/// <summary>
/// Where a path really leads: every symbolic link on the way (folders included) followed, and "." and ".." taken
/// after the link before them, as the operating system does (realpath(3)). netstandard2.0 has no such call; the
/// link text comes from FileSystemInfo.LinkTarget (.NET 6+), found by reflection like <see cref="UnixPermissions"/>.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40; // Linux's own limit (ELOOP)
    private static readonly PropertyInfo? LinkTarget = typeof(FileSystemInfo).GetProperty("LinkTarget");

    /// <summary>The real path, or null when a link cannot be read (no API for it, a loop): callers then refuse the path.</summary>
    public static string? Of(string path)
    {
        // Not GetFullPath: it takes ".." by text, before the link in front of it is followed.
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var current = Path.GetPathRoot(full) ?? "";
        var pending = new LinkedList<string>(Parts(full.Substring(current.Length)));
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.First!.Value;
            pending.RemoveFirst();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            if (!FileLinks.IsLink(next))
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks || Target(next) is not string target) return null;
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target) ?? "";
            var parts = Parts(Path.IsPathRooted(target) ? target.Substring(current.Length) : target);
            for (var i = parts.Length - 1; i >= 0; i--) pending.AddFirst(parts[i]);
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> really leads to <paramref name="root"/> or below it (both resolved).</summary>
    public static bool IsInside(string root, string path)
    {
        var realRoot = Of(root);
        var realPath = Of(path);
        if (realRoot == null || realPath == null) return false;
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var top = realRoot.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return string.Equals(realPath, top, comparison) || realPath.StartsWith(top + Path.DirectorySeparatorChar, comparison);
    }

    private static string[] Parts(string path) => path.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);

    private static string? Target(string link)
    {
        if (LinkTarget == null) return null;
        try { return LinkTarget.GetValue(new FileInfo(link)) as string; }
        catch (TargetInvocationException) { return null; }
    }
}
