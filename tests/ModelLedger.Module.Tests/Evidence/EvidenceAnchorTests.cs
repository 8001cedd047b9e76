using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ModelLedger.Module.Tests;

/// <summary>
/// What Test-RollbackEvidence proves, and what -Force may replace: the manifest's hash anchors the bundle, links and
/// twice-listed entries always fail, and -Force never deletes a folder that is not an earlier bundle.
/// </summary>
public class EvidenceAnchorTests
{
    private static readonly string Ledger = Repo.File("examples", "data", "ledger.json");

    private static (string Folder, string Hash) Export(PowerShellHarness ps, TempDir dir, string name = "CHG-1")
    {
        var folder = dir.File(name);
        var run = ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger -ApprovedBy 'j.doe' -WarningAction SilentlyContinue",
            new() { ["out"] = folder, ["ledger"] = Ledger });
        Assert.Empty(run.AllErrors);
        return (folder, (string)Assert.Single(run.Output).Properties["ManifestSha256"].Value);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static List<PSObject> Verify(PowerShellHarness ps, string folder, string? anchor = null)
    {
        var run = ps.Run(anchor == null ? "Test-RollbackEvidence -Path $p" : "Test-RollbackEvidence -Path $p -ManifestSha256 $h", new() { ["p"] = folder, ["h"] = anchor });
        Assert.Empty(run.AllErrors);
        return run.Output.ToList();
    }

    private static string StatusOf(List<PSObject> checks, string file) =>
        checks.Where(c => (string)c.Properties["File"].Value == file).Select(c => c.Properties["Status"].Value.ToString()!).OrderBy(s => s).First();

    // What a forger does: edit a file, then rewrite its manifest line so every hash matches again.
    private static void EditAndRecomputeManifest(string folder, string file)
    {
        File.AppendAllText(Path.Combine(folder, file), "\nforged line\n");
        var manifestPath = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        foreach (var entry in manifest["files"]!.AsArray())
            if ((string?)entry!["path"] == file)
            {
                var bytes = File.ReadAllBytes(Path.Combine(folder, file));
                entry["sha256"] = Sha(bytes);
                entry["size"] = bytes.Length;
            }
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }

    [Fact]
    public void ExportReturnsTheHashOfManifestJsonsBytes()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var (folder, hash) = Export(ps, dir);
        Assert.Equal(Sha(File.ReadAllBytes(Path.Combine(folder, "manifest.json"))), hash);
        Assert.All(Verify(ps, folder, hash), c => Assert.Equal("Pass", c.Properties["Status"].Value.ToString()));
    }

    [Fact]
    public void ARecomputedManifestPassesWithoutTheAnchorAndFailsWithIt()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var (folder, hash) = Export(ps, dir);
        EditAndRecomputeManifest(folder, "summary.md");

        // Without the anchor the folder is only consistent with itself: this is the limit the help states.
        Assert.All(Verify(ps, folder), c => Assert.Equal("Pass", c.Properties["Status"].Value.ToString()));
        Assert.Equal("Fail", StatusOf(Verify(ps, folder, hash), "manifest.json"));

        // Piping the bundle binds Path and ManifestSha256 by property name.
        var quiet = ps.Run("[pscustomobject]@{ Path = $p; ManifestSha256 = $h } | Test-RollbackEvidence -Quiet", new() { ["p"] = folder, ["h"] = hash });
        Assert.False((bool)Assert.Single(quiet.Output).BaseObject);
    }

    [Fact]
    public void AnEntryListedTwiceFailsWithoutTheAnchor()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var (folder, _) = Export(ps, dir);
        var manifestPath = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var files = manifest["files"]!.AsArray();
        files.Add(files[0]!.DeepClone());
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var checks = Verify(ps, folder);
        var twice = Assert.Single(checks, c => c.Properties["Message"].Value.ToString()!.StartsWith("Listed twice", StringComparison.Ordinal));
        Assert.Equal("Fail", twice.Properties["Status"].Value.ToString());
    }

    [Fact]
    public void AFileSwappedForALinkPointingOutsideAlwaysFails()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var (folder, _) = Export(ps, dir);
        var target = Path.Combine(folder, "summary.md");
        var outside = dir.Write("outside.md", File.ReadAllText(target)); // same bytes: only the link gives it away
        File.Delete(target);
        File.CreateSymbolicLink(target, outside);

        var checks = Verify(ps, folder);
        Assert.Equal("Fail", StatusOf(checks, "summary.md"));
        Assert.Contains("link", Assert.Single(checks, c => (string)c.Properties["File"].Value == "summary.md").Properties["Message"].Value.ToString());
        var quiet = ps.Run("Test-RollbackEvidence -Path $p -Quiet", new() { ["p"] = folder });
        Assert.False((bool)Assert.Single(quiet.Output).BaseObject);
    }

    [Fact]
    public void ForceInsideARepositoryDeletesNothing()
    {
        using var dir = new TempDir();
        var repo = dir.File("repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        Directory.CreateDirectory(Path.Combine(repo, "src"));
        File.WriteAllText(Path.Combine(repo, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(repo, "src", "app.cs"), "class App {}\n");
        var ledger = Path.Combine(repo, "ledger.json");
        File.Copy(Ledger, ledger);
        // Even a manifest.json that claims to be a bundle does not make a folder with unlisted files one.
        File.WriteAllText(Path.Combine(repo, "manifest.json"), "{\"module\":\"ModelLedger\",\"files\":[]}");
        var before = Directory.GetFiles(repo, "*", SearchOption.AllDirectories).OrderBy(p => p).ToList();

        using var ps = new PowerShellHarness();
        var run = ps.Run("$null = $ExecutionContext.SessionState.Path.SetLocation($repo); Export-RollbackEvidence -Path . -LedgerPath ./ledger.json -Force -WarningAction SilentlyContinue", new() { ["repo"] = repo });
        var error = ErrorAssert.Single(run, "EvidenceFolderNotBundle", ErrorCategory.ResourceExists);
        Assert.Contains("nothing was written or deleted", error.Exception.Message);
        Assert.Contains(".git/HEAD", error.Exception.Message);
        Assert.Equal(before, Directory.GetFiles(repo, "*", SearchOption.AllDirectories).OrderBy(p => p).ToList());
        Assert.Single(Directory.GetDirectories(dir.Path)); // no temporary folder left beside it
    }

    [Fact]
    public void ForceReplacesAnEarlierBundleButNotOneWithFilesAddedToIt()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var (folder, first) = Export(ps, dir);
        var again = ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger -ApprovedBy 'k.roe' -Force -WarningAction SilentlyContinue", new() { ["out"] = folder, ["ledger"] = Ledger });
        Assert.Empty(again.AllErrors);
        Assert.NotEqual(first, (string)Assert.Single(again.Output).Properties["ManifestSha256"].Value);

        File.WriteAllText(Path.Combine(folder, "my-notes.txt"), "keep me");
        var refused = ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $ledger -Force", new() { ["out"] = folder, ["ledger"] = Ledger });
        ErrorAssert.Single(refused, "EvidenceFolderNotBundle", ErrorCategory.ResourceExists);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(folder, "my-notes.txt")));
    }
}
