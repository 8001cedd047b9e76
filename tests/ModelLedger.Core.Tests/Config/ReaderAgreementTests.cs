using System.Linq;
using System.Text;
using ModelLedger.Config;
using ModelLedger.Rendering;
using static ModelLedger.Core.Tests.Config.RealConfigs;

namespace ModelLedger.Core.Tests.Config;

/// <summary>
/// Issue 21 item 4 and issue 22 item 1: the readers read what the application reads, or refuse the file with
/// DryRunConfigInvalid naming the line; they never crash, whatever the nesting.
/// </summary>
public class ReaderAgreementTests
{
    private static ConfigFile Parse(string name, string text) => ConfigFile.Parse(name, Utf8(text));

    private static ConfigScalarLocation Locate(string name, string text, string key, int? doc = null) =>
        Parse(name, text).Locate(doc, ConfigKeyPath.Parse(key));

    private static ModelLedgerException Refused(string name, string text, string? key = null)
    {
        var ex = Assert.Throws<ModelLedgerException>(() =>
        {
            var file = Parse(name, text);
            if (key != null) file.Locate(null, ConfigKeyPath.Parse(key));
        });
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ex.ErrorId);
        return ex;
    }

    // Rendered Helm manifests and kubectl dumps end with '---' (kubernetes/kubernetes, helm/helm testdata).
    [Theory]
    [InlineData("spec:\n  model: gpt-4o\n---\n")]
    [InlineData("spec:\n  model: gpt-4o\n---")]
    [InlineData("spec:\n  model: gpt-4o\n--- # end of chart\n")]
    [InlineData("---\nspec:\n  model: gpt-4o\n---\n---\n")]
    public void ATrailingEmptyDocumentDoesNotCountAsASecondDocument(string yaml)
    {
        var at = Locate("deploy.yaml", yaml, "spec.model");
        Assert.Equal("gpt-4o", at.Value);
        Assert.Equal("gpt-4o", Encoding.UTF8.GetString(at.File.Content, at.ByteStart, at.ByteLength));
        // Document indexes still count every '---', as PyYAML's load_all does.
        Assert.Equal("gpt-4o", Locate("deploy.yaml", yaml, "spec.model", 0).Value);
    }

    [Fact]
    public void TwoDocumentsWithContentStillNeedAnIndexWhenAnEmptyOneFollows()
    {
        const string yaml = "a: gpt-4o\n---\na: gpt-4o-mini\n---\n";
        var ex = Refused("two.yaml", yaml, "a");
        Assert.Contains("holds 2 YAML documents", ex.Message);
        Assert.Equal("gpt-4o-mini", Locate("two.yaml", yaml, "a", 1).Value);
    }

    [Theory]
    [InlineData(".env", true)]
    [InlineData("prod.env", true)]
    [InlineData(".env.production", true)]
    [InlineData(".env.local", true)]
    [InlineData(".env.sample", true)]
    [InlineData(".env.example", true)]
    [InlineData(".ENV.Production", true)]
    [InlineData("environment", false)]
    [InlineData("my.env.txt", false)]
    public void DotEnvClaimsItsNamesAndTheirVariants(string name, bool dotenv)
    {
        Assert.Equal(dotenv ? ConfigFormat.DotEnv : (ConfigFormat?)null, ConfigFormats.FromPath("deploy/" + name));
        if (!dotenv) return;
        var parsed = ConfigRef.ParseSyntax($"web/{name}#NEXT_PUBLIC_MODEL");
        Assert.Equal(ConfigFormat.DotEnv, parsed.Format);
        Assert.Equal("gpt-4o", Locate(name, "NEXT_PUBLIC_MODEL=gpt-4o\n", "NEXT_PUBLIC_MODEL").Value);
    }

    [Fact]
    public void ANameStartingWithDotEnvButEndingInAnotherExtensionKeepsThatFormat()
    {
        Assert.Equal(ConfigFormat.Json, ConfigFormats.FromPath(".env.json"));
        Assert.Equal(ConfigFormat.Yaml, ConfigFormats.FromPath(".env.yaml"));
    }

    // aider's model-settings.yml is a list at the top of the file (Aider-AI/aider, aider/resources/model-settings.yml).
    private const string AiderSettings =
        "- name: gpt-4-turbo\n  edit_format: udiff\n  weak_model_name: gpt-4o-mini\n" +
        "- name: gpt-4o\n  edit_format: diff\n  weak_model_name: gpt-4o-mini-2024-07-18\n";

    [Theory]
    [InlineData("[name=gpt-4-turbo].weak_model_name", "gpt-4o-mini", 3, "0.weak_model_name")]
    [InlineData("[name=gpt-4o].weak_model_name", "gpt-4o-mini-2024-07-18", 6, "1.weak_model_name")]
    [InlineData("[name=\"gpt-4o\"].weak_model_name", "gpt-4o-mini-2024-07-18", 6, "1.weak_model_name")]
    [InlineData("1.weak_model_name", "gpt-4o-mini-2024-07-18", 6, "1.weak_model_name")]
    public void ARootLevelListTakesASelectorAndAnIndex(string key, string value, int line, string concrete)
    {
        var at = Locate("model-settings.yml", AiderSettings, key);
        Assert.Equal(value, at.Value);
        Assert.Equal(line, at.Line);
        Assert.Equal(concrete, at.ConcretePath);
        var json = Locate("list.json", "[{\"name\":\"gpt-4-turbo\",\"weak_model_name\":\"gpt-4o-mini\"},\n {\"name\":\"gpt-4o\",\"weak_model_name\":\"gpt-4o-mini-2024-07-18\"}]", key);
        Assert.Equal(value, json.Value);
        var parsed = ConfigRef.ParseSyntax("model-settings.yml#" + key);
        Assert.Equal(key, parsed.Key.Text);
        Assert.Equal(key.Replace("\"", ""), ConfigKeyPath.Join(parsed.Key.Segments));
    }

    [Theory]
    [InlineData("[name=x]y", "expected '.' at character 9")]
    [InlineData("[name=x].", "ends with '.'")]
    [InlineData("[name=x", "never closed")]
    [InlineData("[=x].y", "not '[field=value]'")]
    public void AMalformedRootSelectorNamesTheCharacter(string key, string problem)
    {
        var ex = Assert.Throws<ConfigRefSyntaxException>(() => ConfigKeyPath.ParseSyntax(key));
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void ARootSelectorOnAMappingSaysTheTopLevelIsNotAList()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Locate("m.yaml", "name: x\n", "[name=x].model"));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, ex.ErrorId);
        Assert.Contains("the top level holds a mapping, not a sequence", ex.Message);
    }

    [Fact]
    public void ALongValueIsQuotedToAHundredAndTwentyCharactersWithItsLength()
    {
        var value = new string('x', 6700);
        var quoted = UntrustedText.Excerpt(value);
        Assert.Equal(new string('x', 120) + "... (6700 characters)", quoted);
        Assert.Equal("short\\nline", UntrustedText.Excerpt("short\nline"));
        // A surrogate pair is never cut in half.
        var emoji = new string('a', 119) + "\U0001F600" + new string('b', 10);
        Assert.Equal(new string('a', 119) + "... (131 characters)", UntrustedText.Shorten(emoji));
    }

    [Fact]
    public void AValueTooLongToSwitchIsQuotedShortInTheRefusal()
    {
        var at = Locate("c.yaml", "model: gpt-4o\n", "model");
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigScalarSwitch.Replace(at, "a: " + new string('y', 5000)));
        Assert.Contains("... (5003 characters)", ex.Message);
        Assert.True(ex.Message.Length < 800, ex.Message);
    }

    // Modelled on a chart template (helm/examples, charts/hello-world/templates/deployment.yaml).
    [Theory]
    [InlineData("spec:\n  model: {{ .Values.model }}\n", 2)]
    [InlineData("{{- if .Values.enabled }}\nspec:\n  model: {{ .Values.model | quote }}\n{{- end }}\n", 1)]
    [InlineData("metadata:\n  name: {{ include \"chart.fullname\" . }}\n  labels:\n    {{- include \"chart.labels\" . | nindent 4 }}\n", 2)]
    public void AHelmTemplateIsNamedAsATemplateWithWhereToPointTheRef(string yaml, int line)
    {
        var ex = Refused("deployment.yaml", yaml);
        Assert.Contains("Helm or Go template", ex.Message);
        Assert.Contains("values file (values.yaml) or at a manifest rendered with 'helm template'", ex.Message);
        Assert.Equal(line, ex.Line);
    }

    [Theory]
    [InlineData("model: \"{{ .Values.model }}\"\n")]
    [InlineData("model: gpt-4o # {{ not a template }}\n")]
    [InlineData("prompt: |\n  Hello {{ name }}\nmodel: gpt-4o\n")]
    public void BracesInsideQuotesCommentsAndBlockScalarsAreText(string yaml)
    {
        Assert.Equal(1, Parse("values.yaml", yaml).DocumentCount);
    }

    [Fact]
    public void ADotEnvWithALoneCarriageReturnIsInvalidNamingTheLine()
    {
        var ex = Refused("app.env", "# models\nMODEL=gpt-ledger\rMODEL=gpt-other\n");
        Assert.Equal(2, ex.Line);
        Assert.Contains("carriage return", ex.Message);
        Refused("app.env", "MODEL=\"gpt-ledger\rx\"\n");
        Refused("app.env", "MODEL=gpt-ledger\r");
        // CRLF is an ordinary line ending.
        Assert.Equal("gpt-other", Locate("app.env", "A=1\r\nMODEL=gpt-other\r\n", "MODEL").Value);
    }

    [Fact]
    public void ADotEnvWithAByteOrderMarkIsInvalidOnLineOne()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8("MODEL=gpt-ledger\n")).ToArray();
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigFile.Parse(".env", bytes));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ex.ErrorId);
        Assert.Equal(1, ex.Line);
        Assert.Contains("byte order mark", ex.Message);
        // YAML and JSON loaders skip a BOM, so those formats still read it.
        Assert.Equal("gpt-ledger", ConfigFile.Parse("c.yaml", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8("MODEL: gpt-ledger\n")).ToArray())
            .Locate(null, ConfigKeyPath.Parse("MODEL")).Value);
    }

    [Theory]
    [InlineData("base: &b {model: a}\nother: &o {model: b}\nsvc:\n  <<: *b\n  <<: *o\n", 5)]
    [InlineData("base: &b {model: a}\nother: &o {model: b}\nsvc:\n  <<: *b\n  !!merge <<: *o\n", 5)]
    [InlineData("base: &b {model: a}\nother: &o {model: b}\nsvc: {<<: *b, <<: *o}\n", 3)]
    public void TwoMergeKeysInOneMappingAreInvalid(string yaml, int line)
    {
        var ex = Refused("c.yaml", yaml);
        Assert.Contains("second merge key", ex.Message);
        Assert.Equal(line, ex.Line);
    }

    [Fact]
    public void ATaggedMergeKeyMergesAndAQuotedOneIsAnOrdinaryKey()
    {
        Assert.Equal("a", Locate("c.yaml", "base: &b {model: a}\nsvc:\n  !!merge <<: *b\n", "svc.model").Value);
        var ex = Assert.Throws<ModelLedgerException>(() => Locate("c.yaml", "base: &b {model: a}\nsvc:\n  \"<<\": *b\n", "svc.model"));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, ex.ErrorId);
    }

    [Fact]
    public void AnAnchorDefinedTwiceIsInvalidButEachDocumentHasItsOwnAnchors()
    {
        var ex = Refused("c.yaml", "a: &m gpt-4o\nb: &m gpt-4o-mini\nc: *m\n");
        Assert.Equal(2, ex.Line);
        Assert.Contains("anchor &m twice (lines 1 and 2)", ex.Message);
        Assert.Equal("gpt-4o", Locate("c.yaml", "a: &m gpt-4o\nc: *m\n---\nb: &m gpt-4o-mini\nc: *m\n", "c", 0).Value);
    }

    // LiteLLM load-balances between list entries of one model_name, inherited ones included.
    [Fact]
    public void ASelectorMatchingAnInheritedFieldTooIsAmbiguous()
    {
        const string yaml =
            "model_list:\n" +
            "  - &writer\n    model_name: report-writer\n    litellm_params:\n      model: openai/gpt-5.1\n" +
            "  - <<: *writer\n    litellm_params:\n      model: openai/gpt-4.1\n";
        var ex = Refused("config.yaml", yaml, "model_list[model_name=report-writer].litellm_params.model");
        Assert.Contains("2 items of 'model_list' have model_name 'report-writer' (items 0, 1)", ex.Message);
        // An item named only through a merge is still selected by it.
        const string inherited =
            "defaults: &d\n  model_name: tagger\nmodel_list:\n  - <<: *d\n    litellm_params:\n      model: openai/gpt-4o-mini\n";
        Assert.Equal("openai/gpt-4o-mini", Locate("config.yaml", inherited, "model_list[model_name=tagger].litellm_params.model").Value);
    }

    [Theory]
    [InlineData("a: &a\n  x: 1\n  <<: *a\n", 3)]
    [InlineData("a: &a [1, *a]\n", 1)]
    [InlineData("a: &a\n  b:\n    <<: *a\n", 3)]
    public void AValueThatContainsItselfIsInvalid(string yaml, int line)
    {
        var ex = Refused("c.yaml", yaml);
        Assert.Equal(line, ex.Line);
        Assert.Contains("contains itself", ex.Message);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_001)]
    public void NestingDeeperThanTheLimitIsInvalidNeverAStackOverflow(int depth)
    {
        var flow = new string('[', depth) + new string(']', depth) + "\n";
        var ex = Refused("deep.yaml", flow);
        Assert.Contains("more than 1000 levels", ex.Message);
        var block = new StringBuilder();
        for (var i = 0; i < 1100; i++) block.Append(' ', i).Append("k:\n");
        Assert.Contains("more than 1000 levels", Refused("deep.yaml", block.ToString()).Message);
    }

    [Fact]
    public void NestingUpToTheLimitReads()
    {
        var flow = "a: " + new string('[', 999) + "gpt-4o" + new string(']', 999) + "\n";
        Assert.Equal("gpt-4o", Locate("ok.yaml", flow, "a" + string.Concat(Enumerable.Repeat(".0", 999))).Value);
    }

    [Fact]
    public void MergeKeysChainedDeeperThanTheLimitAreInvalid()
    {
        var sb = new StringBuilder("m0: &m0 {model: gpt-4o}\n");
        for (var i = 1; i <= 1001; i++) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"m{i}: &m{i} {{<<: *m{i - 1}}}\n");
        var ex = Refused("chain.yaml", sb.ToString());
        Assert.Contains("chains merge keys", ex.Message);
        Assert.Equal(1002, ex.Line);
    }
}
