using System;
using System.IO;

namespace ModelLedger.Module.Tests;

/// <summary>Paths in the repository under test.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "ModelLedger.psd1");

    /// <summary>The module version, named once in the manifest (the build and the package read it there too).</summary>
    public static string ModuleVersion { get; } =
        System.Text.RegularExpressions.Regex.Match(System.IO.File.ReadAllText(Path.Combine(Root, "ModelLedger.psd1")), @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;

    public static string File(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "CometModelOps.sln"))) return dir.FullName;
        throw new InvalidOperationException("CometModelOps.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mltest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var p = File(name);
        System.IO.File.WriteAllText(p, content);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
