using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ModelLedger.Evidence;
using ModelLedger.IO;
using ModelLedger.References;
using static ModelLedger.Core.Tests.Hostile.HostileFiles;

namespace ModelLedger.Core.Tests.Hostile;

/// <summary>
/// Test-RollbackEvidence's checks answer hostile bundles with per-file Fails, never an exception or a hang; the
/// repository scan skips FIFOs and devices and reports every folder and file it leaves out.
/// </summary>
public class EvidenceHostileTests
{
    private static string Bundle(TempFiles t, params (string Path, string Sha)[] files)
    {
        var folder = t.PathOf("bundle");
        Directory.CreateDirectory(folder);
        var manifest = new { module = "ModelLedger", files = files.Select(f => new { path = f.Path, sha256 = f.Sha, size = 1 }).ToArray() };
        File.WriteAllText(Path.Combine(folder, EvidenceManifest.FileName), JsonSerializer.Serialize(manifest));
        return folder;
    }

    private static string Sha(string text) => Sha256Hex.Of(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void TheSameFileListedAsXAndDotSlashXFails()
    {
        using var t = new TempFiles();
        var folder = Bundle(t, ("x.json", Sha("{}")), ("./x.json", Sha("{}")));
        File.WriteAllText(Path.Combine(folder, "x.json"), "{}");
        var checks = EvidenceManifest.Verify(folder);
        Assert.Contains(checks, c => c.File == "./x.json" && c.Status == EvidenceFileStatus.Fail && c.Message.Contains("twice"));
    }

    [Fact]
    public void APathWithANulIsAFailOfItsOwnLine()
    {
        using var t = new TempFiles();
        var folder = Bundle(t, ("a\0b.json", Sha("{}")), ("ok.json", Sha("{}")));
        File.WriteAllText(Path.Combine(folder, "ok.json"), "{}");
        var checks = EvidenceManifest.Verify(folder);
        Assert.Contains(checks, c => c.File == "a\0b.json" && c.Status == EvidenceFileStatus.Fail && c.Message.Contains("NUL"));
        Assert.Contains(checks, c => c.File == "ok.json" && c.Status == EvidenceFileStatus.Pass);
    }

    [Fact]
    public void AListedFifoAndAnExtraFifoAreFailsAndAreNotOpened()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var folder = Bundle(t, ("pipe.json", Sha("{}")));
        Directory.CreateDirectory(t.PathOf("bundle/sub"));
        Fifo(t, "bundle/pipe.json");
        Fifo(t, "bundle/sub/dropped");
        var checks = EvidenceManifest.Verify(folder);
        Assert.Contains(checks, c => c.File == "pipe.json" && c.Status == EvidenceFileStatus.Fail && c.Message.Contains("FIFO"));
        Assert.Contains(checks, c => c.File == "sub/dropped" && c.Status == EvidenceFileStatus.Fail && c.Message.Contains("FIFO") && c.ActualSha256 == null);
    }

    [Fact]
    public void AFileOver2GBIsAFailOfItsOwnLine()
    {
        using var t = new TempFiles();
        var folder = Bundle(t, ("huge.bin", Sha("{}")));
        // Sparse where the file system allows it: the length is what the check reads, not the bytes.
        using (var s = new FileStream(Path.Combine(folder, "huge.bin"), FileMode.CreateNew)) s.SetLength(2L * 1024 * 1024 * 1024 + 1);
        var check = Assert.Single(EvidenceManifest.Verify(folder));
        Assert.Equal(EvidenceFileStatus.Fail, check.Status);
        Assert.Contains("2 GB", check.Message);
    }

    [Fact]
    public void AManifestThatIsAFifoIsRefusedUnopened()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        Directory.CreateDirectory(t.PathOf("bundle"));
        Fifo(t, "bundle/" + EvidenceManifest.FileName);
        var ex = Assert.Throws<ModelLedgerException>(() => EvidenceManifest.Verify(t.PathOf("bundle")));
        Assert.Equal(ErrorIds.EvidenceManifestInvalid, ex.ErrorId);
        Assert.Contains("not a regular file", ex.Message);
    }

    [Fact]
    public void TheScanSkipsFifosAndDevicesAndReportsEverySkippedFolderAndFile()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        foreach (var d in new[] { "src", ".git", "node_modules", "bin", "real" }) Directory.CreateDirectory(t.PathOf(d));
        t.Write("src/app.py", "model = 'gpt-4o'\n");
        Fifo(t, "src/pipe.txt");
        Link(t, "src/zero.txt", "/dev/zero");
        Link(t, "linked", t.PathOf("real"));
        var skipped = new List<(string Path, string Why)>();
        var files = RepositoryFiles.Under(t.Dir, (p, why) => skipped.Add((p, why))).ToList();
        Assert.Equal(new[] { t.PathOf("src/app.py") }, files);
        Assert.Contains(skipped, s => s.Path == t.PathOf("src/pipe.txt") && s.Why.Contains("FIFO"));
        Assert.Contains(skipped, s => s.Path == t.PathOf("src/zero.txt") && s.Why.Contains("character device"));
        foreach (var folder in new[] { ".git", "node_modules", "bin" })
            Assert.Contains(skipped, s => s.Path == t.PathOf(folder));
        Assert.Contains(skipped, s => s.Path == t.PathOf("linked") && s.Why.Contains("link"));
        // A FIFO named as the scan root itself is skipped too.
        Assert.Empty(RepositoryFiles.Under(t.PathOf("src/pipe.txt")));
    }
}
