using System.Linq;
using ModelLedger.Config;

namespace ModelLedger.Core.Tests.Config;

public class ConfigRefGrammarTests
{
    [Fact]
    public void ALiteLlmRefHasPathSelectorKeyAndTemplate()
    {
        var r = ConfigRef.ParseSyntax("deploy/litellm/config.yaml#model_list[model_name=report-writer].litellm_params.model#openai/{id}");
        Assert.Equal("deploy/litellm/config.yaml", r.Path);
        Assert.Null(r.Document);
        Assert.Equal(ConfigFormat.Yaml, r.Format);
        Assert.Equal(new[] { KeySegmentKind.Name, KeySegmentKind.Select, KeySegmentKind.Name, KeySegmentKind.Name }, r.Key.Segments.Select(s => s.Kind));
        Assert.Equal("model_name", r.Key.Segments[1].Field);
        Assert.Equal("report-writer", r.Key.Segments[1].Value);
        Assert.Equal("openai/", r.Template.Prefix);
        Assert.Equal("openai/gpt-5.1", r.Template.Apply("gpt-5.1"));
    }

    [Fact]
    public void DocumentIndexQuotedSegmentsAndArrayIndexes()
    {
        var r = ConfigRef.ParseSyntax("k8s/app.yaml@1#spec.containers.0.env[name=\"MODEL.ID\"].value");
        Assert.Equal(1, r.Document);
        Assert.Equal(KeySegmentKind.Index, r.Key.Segments[2].Kind);
        Assert.Equal("MODEL.ID", r.Key.Segments[4].Value);

        var q = ConfigRef.ParseSyntax("appsettings.json#Logging.\"Microsoft.AspNetCore\"");
        Assert.Equal("Microsoft.AspNetCore", q.Key.Segments[1].Name);
        var hashInQuotes = ConfigRef.ParseSyntax("a.json#\"x#y\".\"say \\\"hi\\\"\"#pre-{id}");
        Assert.Equal("x#y", hashInQuotes.Key.Segments[0].Name);
        Assert.Equal("say \"hi\"", hashInQuotes.Key.Segments[1].Name);
        Assert.Equal("pre-{id}", hashInQuotes.Template.Text);
        var quotedDigits = ConfigKeyPath.ParseSyntax("\"0\"");
        Assert.Equal(KeySegmentKind.Name, quotedDigits.Segments[0].Kind);
    }

    [Theory]
    [InlineData(".env", ConfigFormat.DotEnv)]
    [InlineData("deploy/prod.env", ConfigFormat.DotEnv)]
    [InlineData("a.jsonc", ConfigFormat.Json)]
    [InlineData("values.yml", ConfigFormat.Yaml)]
    public void TheFormatFollowsTheFileName(string path, ConfigFormat format) =>
        Assert.Equal(format, ConfigRef.ParseSyntax(path + "#KEY").Format);

    [Theory]
    [InlineData("config.yaml", "no '#<key>'")]
    [InlineData("#a.b", "path before '#' is empty")]
    [InlineData("/etc/app.json#a", "absolute")]
    [InlineData("deploy\\app.json#a", "'/'")]
    [InlineData("../app.json#a", "'..'")]
    [InlineData("app.toml#a", "no config extension")]
    [InlineData("app.json@1#a", "not YAML")]
    [InlineData("app.json#a..b", "segment 2 is empty")]
    [InlineData("app.json#a.", "ends with '.'")]
    [InlineData("app.json#list[name]", "not '[field=value]'")]
    [InlineData("app.json#list[name=x", "never closed")]
    [InlineData("app.json#\"open", "never closed")]
    [InlineData("app.json#0[a=b]", "follows an array index")]
    [InlineData("app.json#a#openai/", "has no {id}")]
    [InlineData("app.json#a#{id}{id}", "more than once")]
    [InlineData(".env#A.B", "variable name alone")]
    [InlineData("app.json#a]b", "double-quoted segment")]
    public void MalformedRefsSayWhatIsWrong(string text, string expected)
    {
        var ex = Assert.Throws<ConfigRefSyntaxException>(() => ConfigRef.ParseSyntax(text));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void AMalformedConfigKeyParameterIsDryRunConfigKeyNotFoundInvalidArgument()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigRef.ParseKeyAndTemplate("model_list[model_name=x.model"));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, ex.Category);
        var template = Assert.Throws<ModelLedgerException>(() => ConfigRef.ParseKeyAndTemplate("llm.model#openai/"));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, template.ErrorId);
        Assert.Contains("{id}", template.Message);
    }

    [Fact]
    public void TemplatesExtractOnlyWhenPrefixAndSuffixMatchExactly()
    {
        var t = IdTemplate.ParseSyntax("openai/{id}@v1");
        Assert.True(t.TryExtract("openai/gpt-5@v1", out var id));
        Assert.Equal("gpt-5", id);
        Assert.False(t.TryExtract("OpenAI/gpt-5@v1", out _));
        Assert.False(t.TryExtract("openai/@v", out _));
        Assert.True(IdTemplate.Identity.TryExtract("x", out var same));
        Assert.Equal("x", same);
    }
}
