using System;
using System.IO;
using System.Linq;
using ModelLedger.Ledger;

namespace ModelLedger.Core.Tests;

public class LedgerReaderTests
{
    [Fact]
    public void JsonAllowsCommentsTrailingCommasAndPascalCaseNames()
    {
        using var t = new TempFiles();
        var p = t.Write("l.json", "// reviewed in CHG-1\n{ \"SchemaVersion\": 1, \"Entries\": [ { \"Service\": \"a\", \"CurrentModelId\": \"m\", /* why */ \"LastValidated\": \"2026-05-10\", }, ], }");
        var e = Assert.Single(LedgerReader.ReadFile(p));
        Assert.Equal("a", e.Service);
        Assert.Equal("m", e.CurrentModelId);
        Assert.Equal(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero), e.LastValidated);
        Assert.Equal(p, e.SourcePath);
        Assert.Equal(2, e.SourceLine);
    }

    [Fact]
    public void EntryLinesPointAtEachEntry()
    {
        using var t = new TempFiles();
        var p = t.Write("l.json", "{\n\"schemaVersion\": 1,\n\"entries\": [\n{ \"service\": \"a\" },\n\n{ \"service\": \"b\" }\n]\n}");
        Assert.Equal(new int?[] { 4, 6 }, LedgerReader.ReadFile(p).Select(e => e.SourceLine));
    }

    [Fact]
    public void EntryWithoutServiceIsReadSoTheGateCanFailIt()
    {
        using var t = new TempFiles();
        var p = t.Write("l.json", "{\"schemaVersion\":1,\"entries\":[{\"currentModelId\":\"m\"},{\"currentModelId\":\"n\"}]}");
        Assert.All(LedgerReader.ReadFile(p), e => Assert.Null(e.Service));
    }

    [Fact]
    public void InvalidUtf8IsLedgerInvalid()
    {
        using var t = new TempFiles();
        var p = t.PathOf("l.json");
        File.WriteAllBytes(p, new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}' });
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerReader.ReadFile(p));
        Assert.Equal(ErrorIds.LedgerInvalid, ex.ErrorId);
        Assert.Contains("UTF-8", ex.Message);
    }

    [Fact]
    public void FolderIsLedgerNotFound()
    {
        using var t = new TempFiles();
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerReader.ReadFile(t.Dir));
        Assert.Equal(ErrorIds.LedgerNotFound, ex.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, ex.Category);
        Assert.Contains("folder", ex.Message);
    }

    [Fact]
    public void MisspelledFieldGetsASuggestion()
    {
        using var t = new TempFiles();
        var p = t.Write("l.json", "{\"schemaVersion\":1,\"entries\":[{\"service\":\"a\",\"rollback_model_id\":\"x\"}]}");
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerReader.ReadFile(p));
        Assert.Contains("Did you mean 'rollbackModelId'?", ex.Message);
        Assert.Equal("rollback_model_id", ex.Field);
    }

    [Theory]
    [InlineData("2026-05-10", 2026, 5, 10, 0)]
    [InlineData("2026-05-10T09:30:00Z", 2026, 5, 10, 9)]
    [InlineData("2026-05-10T11:30:00+02:00", 2026, 5, 10, 9)]
    public void LastValidatedAcceptsIsoDatesAsUtc(string text, int y, int m, int d, int hourUtc)
    {
        Assert.True(LedgerFields.TryParseDate(text, out var value));
        Assert.Equal(new DateTime(y, m, d, hourUtc, value.UtcDateTime.Minute, 0, DateTimeKind.Utc), value.UtcDateTime);
    }

    [Theory]
    [InlineData("05/10/2026")]
    [InlineData("10.05.2026")]
    [InlineData("yesterday")]
    public void LastValidatedRejectsAmbiguousDates(string text) => Assert.False(LedgerFields.TryParseDate(text, out _));
}
