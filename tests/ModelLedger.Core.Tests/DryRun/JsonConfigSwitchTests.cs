using System.Linq;
using System.Text;
using ModelLedger.Config;

namespace ModelLedger.Core.Tests.DryRun;

/// <summary>The dry run's JSON switch: Config/ locates the one string and rewrites only its characters.</summary>
public class JsonConfigSwitchTests
{
    private static ConfigScalarLocation Find(string path, byte[] content, ConfigKeyPath key)
    {
        var at = ConfigFile.Parse(path, content, ConfigFormat.Json).Locate(null, key);
        at.RequireString();
        return at;
    }

    private static byte[] Replace(ConfigScalarLocation at, string value) => ConfigScalarSwitch.Replace(at, value);

    private static byte[] Utf8(string s, bool bom = false)
    {
        var body = Encoding.UTF8.GetBytes(s);
        return bom ? new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray() : body;
    }

    public static TheoryData<string, bool, string> Variants => new()
    {
        { "{\n  \"llm\": {\n    \"model\": \"gpt-4o-2024-08-06\"\n  }\n}\n", false, "llm.model" },
        { "{\r\n    \"llm\" : { \"model\" :\t\"gpt-4o-2024-08-06\" },\r\n    \"other\": 1\r\n}", true, "llm.model" },
        { "// staging\n{ /* why */ \"llm\": { \"model\": \"gpt-4o-2024-08-06\", }, // trailing\n}", false, "llm.model" },
        { "{\"z\":1,\"llm\":{\"temperature\":0.2,\"model\":\"gpt-4o-2024-08-06\"}}", false, "llm.model" },
        { "{ \"services\": [ { \"model\": \"x\" }, { \"model\": \"gpt-4o-2024-08-06\" } ] }", false, "services.1.model" },
        { "[ \"a\", [ \"b\", \"gpt-4o-2024-08-06\" ] ]", false, "1.1" },
        { "{\"llm\":{\"model\":\"gpt-4o-\\u0032024-08-06\"}}", false, "llm.model" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void ReplacesOnlyTheValueAndRestoresByteForByte(string text, bool bom, string key)
    {
        var original = Utf8(text, bom);
        var slot = Find("c.json", original, ConfigKeyPath.Parse(key));
        Assert.Equal("gpt-4o-2024-08-06", slot.Value);

        var switched = Replace(slot, "gpt-4o-2024-05-13");
        var again = Find("c.json", switched, ConfigKeyPath.Parse(key));
        Assert.Equal("gpt-4o-2024-05-13", again.Value);
        // Everything before and after the value is the same bytes.
        Assert.Equal(original.Take(slot.ByteStart), switched.Take(slot.ByteStart));
        Assert.Equal(original.Skip(slot.ByteStart + slot.ByteLength), switched.Skip(again.ByteStart + again.ByteLength));

        var back = Replace(again, "gpt-4o-2024-08-06");
        if (!text.Contains("\\u")) Assert.Equal(original, back);
    }

    [Theory]
    [InlineData("a\"b\\c\nd")]
    [InlineData("tab\there")]
    [InlineData("ünïcødé-模型")]
    public void ValuesNeedingEscapesRoundTrip(string value)
    {
        var original = Utf8("{\"m\":\"old\"}");
        var slot = Find("c.json", original, ConfigKeyPath.Parse("m"));
        var switched = Replace(slot, value);
        Assert.Equal(value, Find("c.json", switched, ConfigKeyPath.Parse("m")).Value);
    }

    [Fact]
    public void ReportsTheLineOfTheValue()
    {
        var slot = Find("c.json", Utf8("{\n\n  \"m\":\n  \"x\"\n}"), ConfigKeyPath.Parse("m"));
        Assert.Equal(4, slot.Line);
    }

    [Fact]
    public void MissingKeyNamesWhatTheLevelHas()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Find("c.json", Utf8("{\"llm\":{\"chat\":\"a\",\"embed\":\"b\"}}"), ConfigKeyPath.Parse("llm.model")));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, ex.ErrorId);
        Assert.Contains("'llm' has: 'chat', 'embed'", ex.Message);
        Assert.Equal("llm.model", ex.Field);
    }

    [Fact]
    public void ACaseDifferenceIsAHintNeverAMatch()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Find("c.json", Utf8("{\"LLM\":{\"Model\":\"a\"}}"), ConfigKeyPath.Parse("llm.model")));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, ex.ErrorId);
        Assert.Contains("'LLM.Model'", ex.Message);
    }

    [Theory]
    [InlineData("{\"m\":1}", "a number")]
    [InlineData("{\"m\":{\"id\":\"x\"}}", "an object")]
    [InlineData("{\"m\":null}", "null")]
    public void ANonStringValueIsConfigInvalid(string json, string what)
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Find("c.json", Utf8(json), ConfigKeyPath.Parse("m")));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ex.ErrorId);
        Assert.Contains(what, ex.Message);
    }

    [Fact]
    public void ARepeatedKeyIsRefusedBecauseReadersDisagree()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Find("c.json", Utf8("{\"m\":\"a\",\n\"m\":\"b\"}"), ConfigKeyPath.Parse("m")));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ex.ErrorId);
        Assert.Contains("2 times", ex.Message);
    }

    [Fact]
    public void MalformedJsonNamesTheLine()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Find("c.json", Utf8("{\n\"m\": \"a\",\n\"n\": }"), ConfigKeyPath.Parse("m")));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ex.ErrorId);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Utf16IsRefusedRatherThanRewritten()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("{\"m\":\"a\"}")).ToArray();
        var ex = Assert.Throws<ModelLedgerException>(() => Find("c.json", bytes, ConfigKeyPath.Parse("m")));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ex.ErrorId);
        Assert.Contains("UTF-16", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData(".a")]
    public void AnEmptySegmentIsNotAPath(string key)
    {
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigKeyPath.Parse(key));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, ex.ErrorId);
    }

    [Fact]
    public void InvalidUtf8InsideAStringIsConfigInvalidNotACrash()
    {
        var bytes = Utf8("{\"m\":\"gpt-\"}");
        bytes = bytes.Take(8).Concat(new byte[] { 0xC3, 0x28 }).Concat(bytes.Skip(8)).ToArray();
        var ex = Assert.Throws<ModelLedgerException>(() => Find("c.json", bytes, ConfigKeyPath.Parse("m")));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ex.ErrorId);
        Assert.Contains("UTF-8", ex.Message);
    }
}
