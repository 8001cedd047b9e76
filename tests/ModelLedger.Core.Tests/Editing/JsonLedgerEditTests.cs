using System;
using System.IO;
using System.Text;
using ModelLedger.Ledger;
using ModelLedger.Ledger.Editing;

namespace ModelLedger.Core.Tests.Editing;

/// <summary>Golden before/after files: a JSON edit changes the bytes of the changed values and nothing else.</summary>
public class JsonLedgerEditTests
{
    private const string Before = "\uFEFF// Reviewed ledger. CHG-1042 moved support-router.\r\n{\r\n  \"schemaVersion\": 1,\r\n  \"entries\": [\r\n" +
        "    {\r\n      \"service\":  \"support-router\",   // aligned on purpose\r\n      \"currentModelId\": \"gpt-4o-2024-08-06\",\r\n" +
        "      /* keep */ \"rollbackModelId\": \"gpt-4o-2024-05-13\",\r\n      \"owner\": \"platform-ai\",\r\n    },\r\n" +
        "    { \"Service\": \"report-writer\", \"CurrentModelId\": \"m1\", \"Owner\": \"data\" }\r\n  ]\r\n}\r\n";

    private static (ILedgerDocument Doc, string Path, TempFiles Files) Open(string text, bool bom = true)
    {
        var t = new TempFiles();
        var p = t.PathOf("ledger.json");
        File.WriteAllBytes(p, Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')) is var b && bom ? Prefix(b) : b);
        return (LedgerDocument.Open(p, false), p, t);
    }

    private static byte[] Prefix(byte[] b)
    {
        var r = new byte[b.Length + 3];
        r[0] = 0xEF; r[1] = 0xBB; r[2] = 0xBF;
        Buffer.BlockCopy(b, 0, r, 3, b.Length);
        return r;
    }

    private static string Text(ILedgerDocument d) => Encoding.UTF8.GetString(d.ToBytes());

    [Fact]
    public void AChangedValueChangesOnlyItsOwnBytes()
    {
        var (doc, _, t) = Open(Before);
        using var _t = t;
        doc.SetFields(0, LedgerEditRules.Promote(doc.Entries[0], "gpt-5.4-mini-2026-03-17"));
        var expected = "\uFEFF" + Before.TrimStart('\uFEFF').Replace("\"currentModelId\": \"gpt-4o-2024-08-06\"", "\"currentModelId\": \"gpt-5.4-mini-2026-03-17\"")
            .Replace("\"rollbackModelId\": \"gpt-4o-2024-05-13\"", "\"rollbackModelId\": \"gpt-4o-2024-08-06\"");
        Assert.Equal(expected, Text(doc));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, doc.ToBytes()[..3]);
    }

    [Fact]
    public void AnAbsentFieldIsAddedInTheEntrysOwnStyleKeepingItsTrailingComma()
    {
        var (doc, _, t) = Open(Before);
        using var _t = t;
        doc.SetFields(0, new (LedgerField, object?)[] { (LedgerFields.RollbackUntil, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)) });
        var expected = Before.Replace("\"owner\": \"platform-ai\",\r\n", "\"owner\": \"platform-ai\",\r\n      \"rollbackUntil\": \"2026-06-01T00:00:00Z\",\r\n");
        Assert.Equal(expected, Text(doc));
    }

    [Fact]
    public void AnAbsentFieldInAOneLinePascalCaseEntryStaysOnOneLine()
    {
        var (doc, _, t) = Open(Before);
        using var _t = t;
        doc.SetFields(1, new (LedgerField, object?)[] { (LedgerFields.ConfigRefs, new[] { "deploy/a.json#Llm.Model", "b.env#MODEL" }) });
        var expected = Before.Replace("\"Owner\": \"data\" }", "\"Owner\": \"data\", \"ConfigRefs\": [\"deploy/a.json#Llm.Model\", \"b.env#MODEL\"] }");
        Assert.Equal(expected, Text(doc));
        Assert.Equal(new[] { "deploy/a.json#Llm.Model", "b.env#MODEL" }, doc.Entries[1].ConfigRefs);
    }

    [Fact]
    public void ANewEntryCopiesTheLayoutOfTheEntryBeforeIt()
    {
        var (doc, _, t) = Open("{\n  \"schemaVersion\": 1,\n  \"entries\": [\n    {\n      \"service\": \"a\",\n      \"owner\": \"x\"\n    }\n  ]\n}\n", bom: false);
        using var _t = t;
        doc.AddEntry(new LedgerEntry { Service = "b", CurrentModelId = "m\n##vso[task.complete]", Owner = "y" });
        Assert.Equal("{\n  \"schemaVersion\": 1,\n  \"entries\": [\n    {\n      \"service\": \"a\",\n      \"owner\": \"x\"\n    },\n    {\n      \"service\": \"b\",\n      \"currentModelId\": \"m\\n##vso[task.complete]\",\n      \"owner\": \"y\"\n    }\n  ]\n}\n", Text(doc));
        Assert.Equal("m\n##vso[task.complete]", doc.Entries[1].CurrentModelId);
    }

    [Fact]
    public void RemovingAnEntryTakesItsSeparatorWithIt()
    {
        var (doc, _, t) = Open(Before);
        using var _t = t;
        doc.RemoveEntry(1);
        Assert.Equal(Before.Replace("    },\r\n    { \"Service\": \"report-writer\", \"CurrentModelId\": \"m1\", \"Owner\": \"data\" }\r\n", "    }\r\n"), Text(doc));
        var (doc2, _, t2) = Open(Before);
        using var _t2 = t2;
        doc2.RemoveEntry(0);
        Assert.Single(doc2.Entries);
        Assert.Equal("report-writer", doc2.Entries[0].Service);
        Assert.Contains("\"entries\": [\r\n    { \"Service\": \"report-writer\"", Text(doc2));
    }

    [Fact]
    public void ClearingAFieldWritesNullInPlace()
    {
        var (doc, _, t) = Open(Before);
        using var _t = t;
        doc.SetFields(0, new (LedgerField, object?)[] { (LedgerFields.RollbackModelId, null) });
        Assert.Equal(Before.Replace("\"rollbackModelId\": \"gpt-4o-2024-05-13\"", "\"rollbackModelId\": null"), Text(doc));
    }

    [Fact]
    public void ANewLedgerFileStartsFromTheDocumentedShape()
    {
        using var t = new TempFiles();
        var doc = LedgerDocument.Open(t.PathOf("new.json"), create: true);
        doc.AddEntry(new LedgerEntry { Service = "a", CurrentModelId = "m" });
        Assert.Equal("{\n  \"schemaVersion\": 1,\n  \"entries\": [\n    {\n      \"service\": \"a\",\n      \"currentModelId\": \"m\"\n    }\n  ]\n}\n", Text(doc));
    }

    [Fact]
    public void UnchangedValuesWriteIdenticalBytes()
    {
        var (doc, _, t) = Open(Before);
        using var _t = t;
        doc.SetFields(0, new (LedgerField, object?)[] { (LedgerFields.Owner, "platform-ai") });
        Assert.Equal("\uFEFF" + Before.TrimStart('\uFEFF'), Text(doc));
    }
}

public class CsvLedgerEditTests
{
    private const string Export = "#TYPE ModelLedger.LedgerEntry\r\n\"Service\",\"CurrentModelId\",\"RollbackModelId\",\"Notes\",\"SourcePath\"\r\n" +
        "\"a\",\"m1\",\"m0\",\"x, y\",\"/old\"\r\n\"b\",\"n1\",\"\",\"\",\"/old\"\r\n";

    private static ILedgerDocument Open(TempFiles t, string text)
    {
        var p = t.Write("l.csv", text);
        return LedgerDocument.Open(p, false);
    }

    [Fact]
    public void AnEditRewritesOnlyItsRowInTheFilesQuoting()
    {
        using var t = new TempFiles();
        var doc = Open(t, Export);
        doc.SetFields(1, LedgerEditRules.Promote(doc.Entries[1], "n2"));
        Assert.Equal(Export.Replace("\"b\",\"n1\",\"\"", "\"b\",\"n2\",\"n1\""), Encoding.UTF8.GetString(doc.ToBytes()));
    }

    [Fact]
    public void AFieldWithoutAColumnGetsOneAtTheEnd()
    {
        using var t = new TempFiles();
        var doc = Open(t, "service,currentModelId\na,m1\nb,n1\n");
        doc.SetFields(0, new (LedgerField, object?)[] { (LedgerFields.ConfigRefs, new[] { "p.json#k", "q.env#M" }) });
        Assert.Equal("service,currentModelId,configRefs\na,m1,p.json#k;q.env#M\nb,n1,\n", Encoding.UTF8.GetString(doc.ToBytes()));
    }

    [Fact]
    public void AddAndRemoveKeepTheOtherRows()
    {
        using var t = new TempFiles();
        var doc = Open(t, "service,currentModelId,notes\na,m1,\"two\nlines\"\nb,n1,\n");
        doc.AddEntry(new LedgerEntry { Service = "c", CurrentModelId = "k", Notes = "say \"hi\"" });
        doc.RemoveEntry(1);
        Assert.Equal("service,currentModelId,notes\na,m1,\"two\nlines\"\nc,k,\"say \"\"hi\"\"\"\n", Encoding.UTF8.GetString(doc.ToBytes()));
    }
}
