using System.Text;
using ModelLedger.Ledger;

namespace ModelLedger.Core.Tests;

public class LedgerConfigRefsTests
{
    private static System.Collections.Generic.IReadOnlyList<LedgerEntry> Parse(string path, string text) => LedgerReader.Parse(path, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void JsonReadsAnArrayOfRefsExactly()
    {
        var e = Assert.Single(Parse("l.json", "{\"schemaVersion\":1,\"entries\":[{\"service\":\"s\",\n\"configRefs\":[\"a/config.yaml#model_list[model_name=s].litellm_params.model#openai/{id}\", \"b/.env#MODEL\"]}]}"));
        Assert.Equal(new[] { "a/config.yaml#model_list[model_name=s].litellm_params.model#openai/{id}", "b/.env#MODEL" }, e.ConfigRefs);
        Assert.Null(Assert.Single(Parse("l.json", "{\"schemaVersion\":1,\"entries\":[{\"service\":\"s\",\"configRefs\":null}]}")).ConfigRefs);
    }

    [Fact]
    public void CsvSplitsOneColumnOnSemicolons()
    {
        var e = Assert.Single(Parse("l.csv", "service,configRefs\ns,\"a/app.json#Llm.Model; b/.env#MODEL\"\n"));
        Assert.Equal(new[] { "a/app.json#Llm.Model", "b/.env#MODEL" }, e.ConfigRefs);
    }

    [Theory]
    [InlineData("l.json", "{\"schemaVersion\":1,\"entries\":[{\"service\":\"s\",\n\"configRefs\":[\"a/app.json\"]}]}", 2, "no '#<key>'")]
    [InlineData("l.json", "{\"schemaVersion\":1,\"entries\":[{\"service\":\"s\",\n\n\"configRefs\":\"a/app.json#x\"}]}", 3, "expected an array")]
    [InlineData("l.json", "{\"schemaVersion\":1,\"entries\":[{\"service\":\"s\",\"configRefs\":[1]}]}", 1, "not a string")]
    [InlineData("l.csv", "service,configRefs\ns,a/app.json#x\nt,a/app.json#x#openai/\n", 3, "has no {id}")]
    public void AMalformedRefIsLedgerInvalidWithFileLineAndField(string path, string text, int line, string expected)
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Parse(path, text));
        Assert.Equal(ErrorIds.LedgerInvalid, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, ex.Category);
        Assert.Equal(line, ex.Line);
        Assert.Equal("configRefs", ex.Field);
        Assert.Equal(path, ex.FilePath);
        Assert.Contains(expected, ex.Message);
    }
}
