using System;
using ModelLedger.Config;

namespace ModelLedger.Core.Tests.Config;

/// <summary>A config format is one class in one list: every -ConfigFormat value has exactly one, and the messages name what each claims.</summary>
public class ConfigFormatRegistryTests
{
    [Fact]
    public void EveryFormatValueHasExactlyOneReader()
    {
        foreach (ConfigFormat id in Enum.GetValues(typeof(ConfigFormat)))
            Assert.Single(ConfigFormats.All, f => f.Id == id);
        Assert.Equal(Enum.GetValues(typeof(ConfigFormat)).Length, ConfigFormats.All.Count);
    }

    [Theory]
    [InlineData("appsettings.json", ConfigFormat.Json)]
    [InlineData("APPSETTINGS.JSONC", ConfigFormat.Json)]
    [InlineData("values.yaml", ConfigFormat.Yaml)]
    [InlineData("model-settings.YML", ConfigFormat.Yaml)]
    [InlineData(".env", ConfigFormat.DotEnv)]
    [InlineData("prod.env", ConfigFormat.DotEnv)]
    public void TheFormatThatClaimsANameReadsIt(string name, ConfigFormat expected)
    {
        Assert.Equal(expected, ConfigFormats.FromPath("deploy/" + name));
        Assert.Single(ConfigFormats.All, f => f.Claims(name));
    }

    [Fact]
    public void AFileNoFormatClaimsNamesEveryFormatInItsMessage()
    {
        Assert.Null(ConfigFormats.FromPath("app.toml"));
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigFile.Parse("app.toml", new byte[] { (byte)'a' }));
        foreach (var f in ConfigFormats.All)
        {
            Assert.Contains(f.Claimed, ex.Message + " " + ex.RecommendedAction);
            Assert.Contains(f.Id.ToString(), ex.RecommendedAction);
        }
        var syntax = Assert.Throws<ConfigRefSyntaxException>(() => ConfigRef.ParseSyntax("app.toml#a"));
        foreach (var f in ConfigFormats.All) Assert.Contains(f.Claimed, syntax.Message);
    }

    [Fact]
    public void MessagesUseEachFormatsNouns()
    {
        var json = Assert.Throws<ModelLedgerException>(() => ConfigFile.Parse("a.json", "{\"a\": {\"b\": 1}}"u8.ToArray()).Locate(null, ConfigKeyPath.Parse("a.0")));
        Assert.Contains("has no property 'a.0'", json.Message);
        Assert.Contains("not an array", json.Message);
        var yaml = Assert.Throws<ModelLedgerException>(() => ConfigFile.Parse("a.yaml", "a:\n  b: 1\n"u8.ToArray()).Locate(null, ConfigKeyPath.Parse("a.0")));
        Assert.Contains("has no key 'a.0'", yaml.Message);
        Assert.Contains("not a sequence", yaml.Message);
        var env = Assert.Throws<ModelLedgerException>(() => ConfigFile.Parse(".env", "A=1\n"u8.ToArray()).Locate(null, ConfigKeyPath.Parse("B")));
        Assert.Contains("has no variable 'B'", env.Message);
    }
}
