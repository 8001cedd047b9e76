using System;
using System.Linq;
using ModelLedger.Ledger;

namespace ModelLedger.Core.Tests;

/// <summary>The shapes ConvertTo-Json and Export-Csv give a ledger, read without PowerShell (the real-pwsh round trips are module tests).</summary>
public class LedgerExportShapesTests
{
    private const string Entry = "{\"Service\":\"a\",\"CurrentModelId\":\"m\",\"ConfigRefs\":[\"x.json#k\"],\"RollbackUntil\":\"2026-06-01T00:00:00+00:00\",\"SourcePath\":\"/old/l.json\",\"SourceLine\":3,\"LastValidatedText\":null,\"ConfigRefsText\":\"x.json#k\",\"RollbackUntilText\":\"2026-06-01T00:00:00Z\"}";

    [Fact]
    public void ABareArrayOfEntriesReads()
    {
        using var t = new TempFiles();
        var p = t.Write("l.json", "[" + Entry + "," + Entry.Replace("\"a\"", "\"b\"") + "]");
        var entries = LedgerReader.ReadFile(p);
        Assert.Equal(new[] { "a", "b" }, entries.Select(e => e.Service));
        Assert.Equal(p, entries[0].SourcePath);
        Assert.Equal(new[] { "x.json#k" }, entries[0].ConfigRefs);
    }

    [Fact]
    public void ASingleEntryObjectReads()
    {
        using var t = new TempFiles();
        var e = Assert.Single(LedgerReader.ReadFile(t.Write("l.json", Entry)));
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), e.RollbackUntil);
    }

    [Fact]
    public void ATextTwinWinsOverAnUnreadableDateObject()
    {
        // Windows PowerShell 5.1's ConvertTo-Json writes a DateTimeOffset as an object of its properties.
        using var t = new TempFiles();
        var p = t.Write("l.json", "[{\"Service\":\"a\",\"LastValidated\":{\"DateTime\":\"Sunday, May 10, 2026 9:30:00 AM\",\"Offset\":\"00:00:00\"},\"LastValidatedText\":\"2026-05-10T09:30:00Z\"}]");
        Assert.Equal(new DateTimeOffset(2026, 5, 10, 9, 30, 0, TimeSpan.Zero), Assert.Single(LedgerReader.ReadFile(p)).LastValidated);
    }

    [Fact]
    public void ADateObjectWithoutItsTwinIsLedgerInvalid()
    {
        using var t = new TempFiles();
        var p = t.Write("l.json", "[{\"Service\":\"a\",\"LastValidated\":{\"DateTime\":\"x\"}}]");
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerReader.ReadFile(p));
        Assert.Equal(ErrorIds.LedgerInvalid, ex.ErrorId);
        Assert.Equal("LastValidated", ex.Field);
    }

    [Fact]
    public void CsvTwinColumnsWinAndSourceColumnsAreIgnored()
    {
        using var t = new TempFiles();
        var p = t.Write("l.csv", "#TYPE ModelLedger.LedgerEntry\r\n\"Service\",\"LastValidated\",\"ConfigRefs\",\"SourcePath\",\"SourceLine\",\"LastValidatedText\",\"ConfigRefsText\"\r\n" +
            "\"a\",\"05/10/2026 09:30:00 +00:00\",\"System.String[]\",\"/x/l.json\",\"4\",\"2026-05-10T09:30:00Z\",\"p.json#k;q.env#M\"\r\n");
        var e = Assert.Single(LedgerReader.ReadFile(p));
        Assert.Equal(new DateTimeOffset(2026, 5, 10, 9, 30, 0, TimeSpan.Zero), e.LastValidated);
        Assert.Equal(new[] { "p.json#k", "q.env#M" }, e.ConfigRefs);
        Assert.Equal(p, e.SourcePath);
        Assert.Equal(3, e.SourceLine);
    }

    [Fact]
    public void ACultureFormattedCsvDateWithoutItsTwinIsRefused()
    {
        using var t = new TempFiles();
        var p = t.Write("l.csv", "service,lastValidated\n a,05/10/2026 09:30:00 +00:00\n".Replace(" a", "a"));
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerReader.ReadFile(p));
        Assert.Equal(ErrorIds.LedgerInvalid, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, ex.Category);
        Assert.Equal("lastValidated", ex.Field);
    }
}
