using System;
using System.IO;

namespace ModelLedger.IO;

/// <summary>
/// Writes a file so that readers see the old content or the new content, never a partial one: the bytes go to a
/// temporary sibling, are flushed to disk, and the sibling is renamed over the target. The file keeps its identity:
/// a symbolic link is written through (its target gets the bytes, the link stays), the new file gets the old one's
/// mode and (where this account may set it) owner before any byte is written, and a path that names a device, FIFO
/// or socket (/dev/full as a report) is refused with an <see cref="IOException"/>, never replaced.
/// </summary>
internal static class AtomicFile
{
    public const string TempMarker = ".mltmp-";

    public static void WriteAllBytes(string path, byte[] content) => WriteAllBytes(path, content, unixMode: null);

    /// <summary>
    /// As <see cref="WriteAllBytes(string, byte[])"/>; with <paramref name="unixMode"/> the file gets those permission
    /// bits before any content is written, so a copy of sensitive bytes is never readable by others, not even briefly.
    /// </summary>
    public static void WriteAllBytes(string path, byte[] content, int? unixMode)
    {
        var full = RealPath.Of(path) ?? throw new IOException($"'{path}' is a link that cannot be followed (a loop, or no link support here), so nothing was written.");
        var kind = FileKinds.Of(full);
        if (kind is not FileKind.Regular and not FileKind.Missing) throw new NotRegularFileException(full, kind, "nothing was written");
        var mode = unixMode ?? (kind == FileKind.Regular ? UnixPermissions.TryGet(full) : null);
        var owner = kind == FileKind.Regular ? FileKinds.Owner(full) : null;
        var dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + TempMarker + Guid.NewGuid().ToString("N").Substring(0, 8));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                if (mode is int m) UnixPermissions.Set(temp, m);
                if (owner is var (uid, gid) && FileKinds.Owner(temp) != owner) UnixPermissions.TrySetOwner(temp, uid, gid);
                stream.Write(content, 0, content.Length);
                stream.Flush(true);
            }
            CrashPoint.Hit("atomic-write:" + Path.GetFileName(full));
            Replace(temp, full);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Renames <paramref name="source"/> over <paramref name="destination"/> (replacing it when it exists).</summary>
    public static void Replace(string source, string destination)
    {
        if (File.Exists(destination))
            File.Replace(source, destination, null, ignoreMetadataErrors: true);
        else
            File.Move(source, destination);
    }

    public static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
