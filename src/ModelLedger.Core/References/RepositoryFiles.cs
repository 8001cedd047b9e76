using System;
using System.Collections.Generic;
using System.IO;

namespace ModelLedger.References
{
    /// <summary>
    /// The files of a repository tree worth scanning: folders that hold no authored configuration (.git, bin, obj,
    /// node_modules) are skipped, and so are symbolic-link folders (a link back up the tree would loop). One folder
    /// is listed at a time, so memory does not grow with the tree.
    /// </summary>
    public static class RepositoryFiles
    {
        private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules" };

        public static IReadOnlyCollection<string> SkippedFolders => Skipped;

        public static IEnumerable<string> Under(string root)
        {
            if (File.Exists(root)) { yield return root; yield break; }
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
                    continue;   // an unreadable folder is skipped, as grep -r does (with a warning from the cmdlet's verbose stream)
                }
                Array.Sort(files, StringComparer.Ordinal);
                foreach (var f in files) yield return f;
                Array.Sort(dirs, StringComparer.Ordinal);
                for (var i = dirs.Length - 1; i >= 0; i--)
                {
                    var name = Path.GetFileName(dirs[i]);
                    if (Skipped.Contains(name)) continue;
                    try { if ((File.GetAttributes(dirs[i]) & FileAttributes.ReparsePoint) != 0) continue; }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
                    pending.Push(dirs[i]);
                }
            }
        }
    }
}
