using System;
using System.Collections.Generic;
using System.IO;
using ModelLedger.IO;

namespace ModelLedger.References;

/// <summary>
/// The files of a repository tree worth scanning: folders that hold no authored configuration (.git, bin, obj,
/// node_modules) are skipped, and so are symbolic-link folders (a link back up the tree would loop). One folder
/// is listed at a time, so memory does not grow with the tree.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules" };

    public static IReadOnlyCollection<string> SkippedFolders => Skipped;

    /// <summary>
    /// The files to scan under <paramref name="root"/> (or root itself when it is a file). <paramref name="skipped"/>
    /// hears each folder and file left out, with why: .git/bin/obj/node_modules, a link folder, an unreadable folder,
    /// and a FIFO, device or socket (reading a FIFO would block the scan forever; grep -r skips them too).
    /// </summary>
    public static IEnumerable<string> Under(string root, Action<string, string>? skipped = null)
    {
        if (File.Exists(root))
        {
            if (Regular(root, skipped)) yield return root;
            yield break;
        }
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            string[] files, dirs;
            try
            {
                files = Directory.GetFiles(dir);
                dirs = Directory.GetDirectories(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                skipped?.Invoke(dir, "unreadable folder: " + ex.Message);
                continue;   // as grep -r does
            }
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var f in files)
                if (Regular(f, skipped)) yield return f;
            Array.Sort(dirs, StringComparer.Ordinal);
            for (var i = dirs.Length - 1; i >= 0; i--)
            {
                var name = Path.GetFileName(dirs[i]);
                if (Skipped.Contains(name))
                {
                    skipped?.Invoke(dirs[i], "folder skipped by name (" + name + ")");
                    continue;
                }
                try
                {
                    if ((File.GetAttributes(dirs[i]) & FileAttributes.ReparsePoint) != 0)
                    {
                        skipped?.Invoke(dirs[i], "link to a folder (not followed: it could loop back up the tree)");
                        continue;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    skipped?.Invoke(dirs[i], "unreadable folder: " + ex.Message);
                    continue;
                }
                pending.Push(dirs[i]);
            }
        }
    }

    // Files only: a link is followed to what it names, which must be a regular file too.
    private static bool Regular(string file, Action<string, string>? skipped)
    {
        var kind = FileKinds.Of(file);
        if (kind is FileKind.Regular or FileKind.Missing) return true;
        skipped?.Invoke(file, FileKinds.Describe(kind) + ", not a regular file");
        return false;
    }
}
