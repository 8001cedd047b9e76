using ModelLedger.Config;
using static ModelLedger.Core.Tests.Config.RealConfigs;

namespace ModelLedger.Core.Tests.Config;

public class JsonConfigTests
{
    private static ConfigScalarLocation Locate(string json, string key) =>
        ConfigFile.Parse("appsettings.json", Utf8(json)).Locate(null, ConfigKeyPath.Parse(key));

    [Fact]
    public void AppSettingsWithCommentsAndTrailingCommasIsReadExactly()
    {
        var at = Locate(AppSettings, "Llm.Chat.Model");
        Assert.Equal("gpt-5.4-mini-2026-03-17", at.Value);
        Assert.Equal(6, at.Line);
        Assert.Equal(25, at.Column);
        Assert.Equal(ScalarStyle.JsonString, at.Style);
        Assert.Equal("Warning", Locate(AppSettings, "Logging.LogLevel.\"Microsoft.AspNetCore\"").Value);
        var switched = ConfigScalarSwitch.Replace(at, "gpt-4o-2024-08-06");
        var again = ConfigFile.Parse("appsettings.json", switched).Locate(null, ConfigKeyPath.Parse("Llm.Chat.Model"));
        Assert.Equal(Utf8(AppSettings), ConfigScalarSwitch.Replace(again, at.Value!));
    }

    [Fact]
    public void SelectorsWorkOnJsonArrays()
    {
        const string json = "{ \"routes\": [ { \"name\": \"chat\", \"model\": \"a\" }, { \"name\": \"embed\", \"model\": \"b\" } ] }";
        var at = Locate(json, "routes[name=embed].model");
        Assert.Equal("b", at.Value);
        Assert.Equal("routes.1.model", at.ConcretePath);
        var ex = Assert.Throws<ModelLedgerException>(() => Locate(json, "routes[name=rerank].model"));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, ex.ErrorId);
        Assert.Contains("'name=chat', 'name=embed'", ex.Message);
    }

    [Fact]
    public void ANumberIsNotAStringAndCannotBeSwitched()
    {
        var at = Locate(AppSettings, "Llm.Chat.TimeoutSeconds");
        Assert.False(at.IsString);
        Assert.Equal("a number", at.Describe());
        Assert.Equal(ErrorIds.DryRunConfigUnsupported, Assert.Throws<ModelLedgerException>(() => ConfigScalarSwitch.Replace(at, "x")).ErrorId);
    }
}
