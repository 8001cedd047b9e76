using System.IO;

namespace ModelLedger.IO;

/// <summary>
/// Rewrites an existing file's bytes in place: the same file (inode) keeps its owner, group, mode and ACL, and a
/// symbolic link is written through, so its target changes and the link stays. Used where the file's identity
/// matters more than an atomic rename (a config the dry run switches and restores: the journal written before the
/// switch covers a write cut short). <see cref="AtomicFile"/> is for files the module owns.
/// </summary>
internal static class InPlaceFile
{
    public static void Overwrite(string path, byte[] content)
    {
        // FileMode.Open never creates: a file deleted meanwhile is an error, not a new file with default permissions.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
        // New bytes first, then the length: a reader never sees an empty file. A process killed between the two
        // leaves the new bytes followed by the old file's tail; TornWrite recognizes exactly that state.
        stream.Write(content, 0, content.Length);
        stream.Flush(true);
        CrashPoint.Hit("in-place-write:" + Path.GetFileName(path));
        stream.SetLength(content.Length);
        stream.Flush(true);
    }
}
