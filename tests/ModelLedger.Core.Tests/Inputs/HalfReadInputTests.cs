using System.Linq;
using System.Text;
using ModelLedger.Ledger;
using ModelLedger.Snapshots;

namespace ModelLedger.Core.Tests.Inputs;

/// <summary>
/// Inputs that a reader could silently read half of: duplicate keys anywhere, a modelCount that disagrees with the
/// list, services that differ only by surrounding whitespace. Each is an error naming the line, never a partial read.
/// </summary>
public class HalfReadInputTests
{
    private const string Entry = "{ \"service\": \"a\", \"currentModelId\": \"m\" }";

    private static ModelLedgerException LedgerError(string json)
    {
        using var t = new TempFiles();
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerReader.ReadFile(t.Write("l.json", json)));
        Assert.Equal(ErrorIds.LedgerInvalid, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, ex.Category);
        return ex;
    }

    private static ModelLedgerException SnapshotError(string json)
    {
        var ex = Assert.Throws<ModelLedgerException>(() => SnapshotReader.Parse("s.json", Encoding.UTF8.GetBytes(json)));
        Assert.Equal(ErrorIds.SnapshotInvalid, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, ex.Category);
        return ex;
    }

    private static string Snapshot(string extra = "", string models = "[{\"id\":\"m1\"},{\"id\":\"m2\"}]") =>
        "{\n\"schemaVersion\": 1,\n\"capturedAt\": \"2026-11-24T08:00:00Z\",\n\"source\": \"https://api.cometapi.com/v1/models\",\n" + extra + "\"models\": " + models + "\n}";

    [Fact]
    public void TwoEntriesArraysAreLedgerInvalidAtTheSecond()
    {
        var ex = LedgerError("{\n\"schemaVersion\": 1,\n\"entries\": [" + Entry + "],\n\"entries\": [{ \"service\": \"b\" }]\n}");
        Assert.Equal(4, ex.Line);
        Assert.Equal("entries", ex.Field);
        Assert.Contains("appears twice in the same object (first at line 3)", ex.Message);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1, \"schemaVersion\": 1, \"entries\": []}", "schemaVersion")]
    [InlineData("{\"schemaVersion\": 1, \"entries\": [{ \"service\": \"a\", \"notes\": { \"x\": 1, \"x\": 2 } }]}", "x")]
    [InlineData("{\"schemaVersion\": 1, \"entries\": [], \"\\u0065ntries\": []}", "entries")] // the same name, escaped
    public void ADuplicateKeyAnywhereInTheLedgerIsNamed(string json, string field)
    {
        Assert.Equal(field, LedgerError(json).Field);
    }

    [Theory]
    [InlineData("\"models\": [{\"id\":\"evil\"}],\n", "models")]
    [InlineData("\"capturedAt\": \"2020-01-01T00:00:00Z\",\n", "capturedAt")]
    [InlineData("\"credentialLabel\": \"personal\",\n\"credentialLabel\": \"production\",\n", "credentialLabel")]
    public void ADuplicateKeyAnywhereInTheSnapshotIsNamed(string extra, string field)
    {
        var ex = SnapshotError(Snapshot(extra));
        Assert.Equal(field, ex.Field);
        Assert.Contains("appears twice", ex.Message);
    }

    [Fact]
    public void ADuplicateIdInsideOneModelRecordIsSnapshotInvalid()
    {
        Assert.Equal("id", SnapshotError(Snapshot(models: "[{\"id\":\"m1\",\"id\":\"m2\"}]")).Field);
    }

    [Fact]
    public void AModelCountThatDisagreesWithTheListIsSnapshotInvalid()
    {
        var ex = SnapshotError(Snapshot("\"modelCount\": 3,\n"));
        Assert.Equal("modelCount", ex.Field);
        Assert.Equal(5, ex.Line);
        Assert.Contains("modelCount says 3 models but the models array holds 2", ex.Message);
        Assert.Equal(2, SnapshotReader.Parse("s.json", Encoding.UTF8.GetBytes(Snapshot("\"modelCount\": 2,\n"))).Models.Count);
    }

    [Theory]
    [InlineData("a ")]
    [InlineData(" a")]
    [InlineData("a\t")]
    public void ServicesThatDifferOnlyBySurroundingWhitespaceAreOneService(string other)
    {
        var ex = LedgerError("{\"schemaVersion\": 1, \"entries\": [\n" + Entry + ",\n{ \"service\": \"" + other.Replace("\t", "\\t") + "\" }\n]}");
        Assert.Contains("only by surrounding whitespace", ex.Message);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void WhitespaceDuplicatesAreCaughtInCsvToo()
    {
        using var t = new TempFiles();
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerReader.ReadFile(t.Write("l.csv", "service,currentModelId\na,m\n\"a \",m\n")));
        Assert.Equal(ErrorIds.LedgerInvalid, ex.ErrorId);
        Assert.Contains("only by surrounding whitespace", ex.Message);
    }

    [Fact]
    public void ADecimalSchemaVersionSaysWhatIsWrong()
    {
        var ledger = LedgerError("{\"schemaVersion\": 1.0, \"entries\": []}");
        Assert.Contains("schemaVersion is 1.0, not a whole number", ledger.Message);
        Assert.Contains("no decimal point", ledger.RecommendedAction);
        var snapshot = SnapshotError(Snapshot().Replace("\"schemaVersion\": 1", "\"schemaVersion\": 1.0"));
        Assert.Contains("schemaVersion is 1.0, not a whole number", snapshot.Message);
    }

    [Fact]
    public void ManyDistinctNamesInOneObjectAreAcceptedAndADuplicateAmongThemIsFound()
    {
        var names = string.Join(",", Enumerable.Range(0, 200).Select(i => $"\"k{i}\": {i}"));
        var json = "{\"schemaVersion\": 1, \"entries\": [{ \"service\": \"a\" }], \"$schema\": { " + names + " }}";
        using (var t = new TempFiles()) Assert.Single(LedgerReader.ReadFile(t.Write("l.json", json)));
        Assert.Equal("k7", LedgerError(json.Replace("\"k199\"", "\"k7\"")).Field);
    }
}
