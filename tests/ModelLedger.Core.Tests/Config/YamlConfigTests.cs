using System.Linq;
using System.Text;
using ModelLedger.Config;
using static ModelLedger.Core.Tests.Config.RealConfigs;

namespace ModelLedger.Core.Tests.Config;

public class YamlConfigTests
{
    private static ConfigScalarLocation Locate(string yaml, string key, int? doc = null) =>
        ConfigFile.Parse("config.yaml", Utf8(yaml)).Locate(doc, ConfigKeyPath.Parse(key));

    [Theory]
    [InlineData("model_list[model_name=report-writer].litellm_params.model", "openai/gpt-5.1-2025-11-13", 5, 14, nameof(ScalarStyle.YamlPlain))]
    [InlineData("model_list[model_name=search-summarizer].litellm_params.model", "openai/gemini-2.5-flash", 10, 15, nameof(ScalarStyle.YamlDoubleQuoted))]
    [InlineData("model_list[model_name=tagger].litellm_params.model", "openai/gpt-4o-mini-2024-07-18", 13, 31, nameof(ScalarStyle.YamlSingleQuoted))]
    [InlineData("model_list.1.litellm_params.api_base", "https://api.cometapi.com/v1", 11, 17, nameof(ScalarStyle.YamlPlain))]
    public void LiteLlmValuesAreFoundWithLineColumnAndStyle(string key, string value, int line, int column, string style)
    {
        var at = Locate(LiteLlm, key);
        Assert.Equal(value, at.Value);
        Assert.True(at.IsString);
        Assert.Equal(line, at.Line);
        Assert.Equal(column, at.Column);
        Assert.Equal(style, at.Style.ToString());
        Assert.Null(at.SharedReason);
        // The byte span is exactly the scalar's characters (inside its quotes).
        var raw = Encoding.UTF8.GetString(at.File.Content, at.ByteStart, at.ByteLength);
        Assert.Equal(style == nameof(ScalarStyle.YamlSingleQuoted) ? value.Replace("'", "''") : value, raw);
    }

    [Theory]
    [InlineData("model_list[model_name=report-writer].litellm_params.model", "openai/gpt-4.1-2025-04-14")]
    [InlineData("model_list[model_name=search-summarizer].litellm_params.model", "openai/gemini-2.0-flash-001")]
    [InlineData("model_list[model_name=tagger].litellm_params.model", "openai/it's-quoted")]
    public void SwitchingChangesOnlyTheScalarAndSwitchingBackRestoresEveryByte(string key, string rollback)
    {
        var at = Locate(LiteLlm, key);
        var switched = ConfigScalarSwitch.Replace(at, rollback);
        var again = ConfigFile.Parse("config.yaml", switched).Locate(null, ConfigKeyPath.Parse(key));
        Assert.Equal(rollback, again.Value);
        Assert.Equal(Utf8(LiteLlm).Take(at.ByteStart), switched.Take(at.ByteStart));
        Assert.Equal(Utf8(LiteLlm).Skip(at.ByteStart + at.ByteLength), switched.Skip(again.ByteStart + again.ByteLength));
        Assert.Equal(Utf8(LiteLlm), ConfigScalarSwitch.Replace(again, at.Value!));
    }

    [Fact]
    public void HelmValuesReadThroughAnchorsAndMergeKeysButRefuseToSwitchThem()
    {
        Assert.Equal("gpt-5.4-mini-2026-03-17", Locate(HelmValues, "llm.model").Value);
        Assert.Null(Locate(HelmValues, "llm.model").SharedReason);

        var merged = Locate(HelmValues, "deployment.model");
        Assert.Equal("gpt-4o-2024-08-06", merged.Value);
        Assert.Equal(3, merged.Line);
        Assert.NotNull(merged.SharedReason);
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigScalarSwitch.Replace(merged, "gpt-4o-2024-05-13"));
        Assert.Equal(ErrorIds.DryRunConfigUnsupported, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, ex.Category);
        Assert.Contains("Nothing was changed", ex.Message);

        var alias = Locate(HelmValues, "llm.again");
        Assert.Equal("gpt-4.1-2025-04-14", alias.Value);
        Assert.Contains("alias *m", alias.SharedReason);
        var anchored = Locate(HelmValues, "llm.shared");
        Assert.Contains("anchor &m", anchored.SharedReason);
        Assert.Equal(ErrorIds.DryRunConfigUnsupported, Assert.Throws<ModelLedgerException>(() => ConfigScalarSwitch.Replace(anchored, "x-1")).ErrorId);
        Assert.Equal("gpt-4o-2024-08-06", Locate(HelmValues, "llm.fallback.model").Value);
    }

    [Fact]
    public void ABlockScalarIsReadButNotSwitched()
    {
        var block = Locate(HelmValues, "llm.prompt");
        Assert.Equal("gpt-5.4-mini-2026-03-17\n", block.Value);
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigScalarSwitch.Replace(block, "x"));
        Assert.Equal(ErrorIds.DryRunConfigUnsupported, ex.ErrorId);
        Assert.Contains("block or multi-line", ex.Message);
    }

    [Theory]
    [InlineData("m: gpt-4o\n", "true", "a boolean")]
    [InlineData("m: gpt-4o\n", "1.5", "a number")]
    [InlineData("m: gpt-4o\n", "a: b", "': '")]
    [InlineData("m: gpt-4o\n", "x #y", "' #'")]
    [InlineData("m: gpt-4o\n", "*star", "cannot start with '*'")]
    [InlineData("m: [gpt-4o]\n", "a,b", "flow collection")]
    [InlineData("m: 'gpt-4o'\n", "line\nbreak", "line break")]
    public void APlainOrSingleQuotedScalarThatWouldNeedOtherQuotesIsRefused(string yaml, string value, string reason)
    {
        var key = yaml.StartsWith("m: [", System.StringComparison.Ordinal) ? "m.0" : "m";
        var at = Locate(yaml, key);
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigScalarSwitch.Replace(at, value));
        Assert.Equal(ErrorIds.DryRunConfigUnsupported, ex.ErrorId);
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void DoubleQuotedScalarsTakeEscapesAndHostileTextStaysData()
    {
        var at = Locate("m: \"gpt-4o\"\n", "m");
        var hostile = "x\n##vso[task.setvariable variable=a]b `whoami` \"q\" \\";
        var switched = ConfigScalarSwitch.Replace(at, hostile);
        Assert.Equal(hostile, ConfigFile.Parse("c.yaml", switched).Locate(null, ConfigKeyPath.Parse("m")).Value);
        Assert.DoesNotContain("\n##vso", Encoding.UTF8.GetString(switched));
    }

    [Fact]
    public void MultiDocumentFilesNeedADocumentIndex()
    {
        const string yaml = "kind: ConfigMap\ndata: { MODEL: gpt-a }\n---\nkind: Deployment\nspec: { model: gpt-b }\n";
        Assert.Equal("gpt-b", Locate(yaml, "spec.model", 1).Value);
        Assert.Equal(5, Locate(yaml, "spec.model", 1).Line);
        var ambiguous = Assert.Throws<ModelLedgerException>(() => Locate(yaml, "spec.model"));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ambiguous.ErrorId);
        Assert.Contains("2 YAML documents", ambiguous.Message);
        var missing = Assert.Throws<ModelLedgerException>(() => Locate(yaml, "spec.model", 2));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, missing.ErrorId);
    }

    [Fact]
    public void SelectorsMustPickExactlyOneItem()
    {
        var none = Assert.Throws<ModelLedgerException>(() => Locate(LiteLlm, "model_list[model_name=Report-Writer].litellm_params.model"));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, none.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, none.Category);
        Assert.Contains("differs in letter case", none.Message);
        Assert.Contains("model_list.0.litellm_params.model", none.Message);

        var twice = Assert.Throws<ModelLedgerException>(() => Locate("l:\n  - {n: a, m: x}\n  - {n: a, m: y}\n", "l[n=a].m"));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, twice.ErrorId);
        Assert.Contains("must pick exactly one", twice.Message);
        Assert.Equal(3, twice.Line);
    }

    [Fact]
    public void MissingKeysNameWhatTheLevelHasAndTheLine()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Locate(LiteLlm, "router_settings.model"));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, ex.ErrorId);
        Assert.Contains("'router_settings' has: 'routing_strategy'", ex.Message);
        Assert.Equal("config.yaml", ex.FilePath);
    }

    [Fact]
    public void InvalidYamlNamesTheLine()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Locate("a: 1\nb: [unclosed\nc: 2\n", "a"));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, ex.Category);
        Assert.NotNull(ex.Line);
    }

    [Theory]
    [InlineData("m: 12\n", "a number")]
    [InlineData("m: ~\n", "null")]
    [InlineData("m: yes\n", "a boolean")]
    [InlineData("m: {a: b}\n", "a mapping")]
    public void NonStringValuesAreNotModelIds(string yaml, string what)
    {
        var at = Locate(yaml, "m");
        Assert.False(at.IsString);
        Assert.Equal(what, at.Describe());
    }

    [Fact]
    public void MultiByteTextBeforeTheValueKeepsByteSpansExact()
    {
        const string yaml = "# 模型 ünïcødé 🚀\nname: \"café\"\nm: gpt-4o\n";
        var at = Locate(yaml, "m");
        Assert.Equal("gpt-4o", Encoding.UTF8.GetString(at.File.Content, at.ByteStart, at.ByteLength));
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8(yaml)).ToArray();
        var withBom = ConfigFile.Parse("c.yaml", bom).Locate(null, ConfigKeyPath.Parse("m"));
        Assert.Equal(at.ByteStart + 3, withBom.ByteStart);
        Assert.Equal(bom.Take(withBom.ByteStart), ConfigScalarSwitch.Replace(withBom, "gpt-4.1").Take(withBom.ByteStart));
    }
}
