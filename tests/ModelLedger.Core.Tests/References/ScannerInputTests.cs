using System.IO;
using System.Linq;
using System.Text;
using ModelLedger.References;

namespace ModelLedger.Core.Tests.References;

/// <summary>Issue 22 item 6: no fixed segment limit, UTF-16 files with a BOM, and IDs no token can ever equal.</summary>
public class ScannerInputTests
{
    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    public void AnIdAfterManySeparatorsOnOneLineIsFound(int separators)
    {
        using var t = new TempFiles();
        // "a:a:a:...:gpt-4o/x": the ID sits after `separators` ':' and '/' characters on one run.
        var prefix = string.Concat(Enumerable.Range(0, separators).Select(i => i % 2 == 0 ? "a:" : "b/"));
        var p = t.Write("f.txt", "x " + prefix + "gpt-4o/tail\n");
        var r = Assert.Single(new ReferenceScanner(new[] { "gpt-4o" }, null).Scan(p, t.Dir));
        Assert.Equal((1, 3 + prefix.Length), (r.Line, r.Column));
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void Utf16FilesWithABomAreScannedWithLinesAndColumns(string encodingName)
    {
        using var t = new TempFiles();
        var encoding = Encoding.GetEncoding(encodingName);
        var p = t.PathOf("out.txt");
        // What Windows PowerShell 5.1's '>' writes: a BOM, then UTF-16 text (every ASCII char has a NUL byte).
        File.WriteAllBytes(p, encoding.GetPreamble().Concat(encoding.GetBytes("first\r\n  model = \"gpt-4o\" # ü\r\n")).ToArray());
        var scanner = new ReferenceScanner(new[] { "gpt-4o" }, null);
        var r = Assert.Single(scanner.Scan(p, t.Dir));
        Assert.Null(scanner.SkipReason);
        Assert.Equal((2, 12, "gpt-4o"), (r.Line, r.Column, r.ModelId));
        Assert.Equal("  model = \"gpt-4o\" # ü", r.Text);
    }

    [Fact]
    public void AUtf16ConfigGetsNoConfigRefBecauseTheGateReadsConfigsAsUtf8()
    {
        using var t = new TempFiles();
        var p = t.PathOf("appsettings.json");
        File.WriteAllBytes(p, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{ \"Model\": \"gpt-4o\" }")).ToArray());
        var r = Assert.Single(new ReferenceScanner(new[] { "gpt-4o" }, null).Scan(p, t.Dir));
        Assert.Null(r.ConfigRef);
    }

    [Fact]
    public void NulBytesWithoutAUtf16BomStillMarkABinaryFile()
    {
        using var t = new TempFiles();
        var p = t.PathOf("blob.bin");
        File.WriteAllBytes(p, Encoding.Unicode.GetBytes("gpt-4o"));
        var scanner = new ReferenceScanner(new[] { "gpt-4o" }, null);
        Assert.Empty(scanner.Scan(p, t.Dir));
        Assert.Equal("binary", scanner.SkipReason);
    }

    [Fact]
    public void IdsNoTokenCanEqualAreListedOnce()
    {
        var ledger = new[] { new LedgerEntry { Service = "s", CurrentModelId = "x@y", RollbackModelId = "gpt-4o" } };
        var unfindable = ReferenceScanner.Unfindable(new[] { "gpt-4o", "a*b", "m[1]", "x@y", "c+1", "with space", "ends.", "openai/o3", "ft:gpt-4o:acme", "gpt-5.4-mini", "о3-cyrillic" }, ledger);
        Assert.Equal(new[] { "a*b", "m[1]", "x@y", "c+1", "with space", "ends." }, unfindable);
    }

    [Fact]
    public void EveryIdTheRuleCallsFindableIsFoundInText()
    {
        // The other side of Unfindable: an ID it does not list is found when written on its own.
        foreach (var id in new[] { "openai/o3", "ft:gpt-4o:acme", "gpt-5.4-mini", "о3-cyrillic", ".hidden-model" })
        {
            Assert.Empty(ReferenceScanner.Unfindable(new[] { id }, null));
            using var t = new TempFiles();
            var p = t.Write("f.txt", $"use {id} here.\n");
            Assert.Equal(new[] { id }, new ReferenceScanner(new[] { id }, null).Scan(p, t.Dir).Select(r => r.ModelId));
        }
    }
}
