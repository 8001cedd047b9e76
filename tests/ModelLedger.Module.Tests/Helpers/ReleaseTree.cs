using System.IO;

namespace ModelLedger.Module.Tests;

/// <summary>A copy of the example release tree (examples/data/release or release-baseline) that a test may edit.</summary>
public static class ReleaseTree
{
    public static string Copy(TempDir dir, string example = "release", string name = "release")
    {
        var source = Repo.File("examples", "data", example);
        var target = dir.File(name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public static void Edit(string root, string relativePath, string from, string to)
    {
        var path = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }
}
