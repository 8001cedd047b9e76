using System.Text;
using ModelLedger.Config;
using static ModelLedger.Core.Tests.Config.RealConfigs;

namespace ModelLedger.Core.Tests.Config;

public class DotEnvConfigTests
{
    private static ConfigScalarLocation Locate(string env, string key) =>
        ConfigFile.Parse("deploy/.env", Utf8(env)).Locate(null, ConfigKeyPath.Parse(key));

    [Theory]
    [InlineData("SEARCH_SUMMARIZER_MODEL", "gemini-2.5-flash", 3, nameof(ScalarStyle.DotEnvUnquoted))]
    [InlineData("REPORT_WRITER_MODEL", "gpt-5.1-2025-11-13", 4, nameof(ScalarStyle.DotEnvDoubleQuoted))]
    [InlineData("TAGGER_MODEL", "gpt-4o-mini-2024-07-18", 5, nameof(ScalarStyle.DotEnvSingleQuoted))]
    [InlineData("EMPTY", "", 6, nameof(ScalarStyle.DotEnvUnquoted))]
    public void ComposeVariablesAreReadExactly(string name, string value, int line, string style)
    {
        var at = Locate(ComposeEnv, name);
        Assert.Equal(value, at.Value);
        Assert.Equal(line, at.Line);
        Assert.Equal(style, at.Style.ToString());
        Assert.Equal(value, Encoding.UTF8.GetString(at.File.Content, at.ByteStart, at.ByteLength));
    }

    [Theory]
    [InlineData("SEARCH_SUMMARIZER_MODEL")]
    [InlineData("REPORT_WRITER_MODEL")]
    [InlineData("TAGGER_MODEL")]
    public void SwitchAndRestoreKeepCrLfCommentsAndExport(string name)
    {
        var at = Locate(ComposeEnv, name);
        var switched = ConfigScalarSwitch.Replace(at, "gpt-4.1-2025-04-14");
        var text = Encoding.UTF8.GetString(switched);
        Assert.Contains("gpt-4.1-2025-04-14", text);
        Assert.Contains("export SEARCH_SUMMARIZER_MODEL=", text);
        Assert.Contains("  # comment\r\n", text);
        var again = ConfigFile.Parse("deploy/.env", switched).Locate(null, ConfigKeyPath.Parse(name));
        Assert.Equal(Utf8(ComposeEnv), ConfigScalarSwitch.Replace(again, at.Value!));
    }

    [Theory]
    [InlineData("SEARCH_SUMMARIZER_MODEL", "has space")]
    [InlineData("SEARCH_SUMMARIZER_MODEL", "$HOME")]
    [InlineData("REPORT_WRITER_MODEL", "a\"b")]
    [InlineData("TAGGER_MODEL", "it's")]
    public void AValueTheQuotingCannotHoldIsRefused(string name, string value)
    {
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigScalarSwitch.Replace(Locate(ComposeEnv, name), value));
        Assert.Equal(ErrorIds.DryRunConfigUnsupported, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, ex.Category);
    }

    [Fact]
    public void AVariableDefinedTwiceIsAnErrorNotTheLastOneWins()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Locate("MODEL=a\nOTHER=1\nMODEL=b\n", "MODEL"));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, ex.Category);
        Assert.Equal(3, ex.Line);
        Assert.Contains("2 times (lines 1, 3)", ex.Message);
    }

    [Fact]
    public void MalformedLinesAndMissingVariablesAreNamed()
    {
        var bad = Assert.Throws<ModelLedgerException>(() => Locate("A=1\nnot a variable\n", "A"));
        Assert.Equal(ErrorIds.DryRunConfigInvalid, bad.ErrorId);
        Assert.Equal(2, bad.Line);
        var open = Assert.Throws<ModelLedgerException>(() => Locate("A=\"never closed\n", "A"));
        Assert.Contains("never closed", open.Message);
        var missing = Assert.Throws<ModelLedgerException>(() => Locate(ComposeEnv, "SEARCH_SUMARIZER_MODEL"));
        Assert.Equal(ErrorIds.DryRunConfigKeyNotFound, missing.ErrorId);
        Assert.Contains("no variable", missing.Message);
        Assert.Contains("'SEARCH_SUMMARIZER_MODEL'", missing.Message);
    }

    [Fact]
    public void AMultiLineDoubleQuotedValueIsReadButNotSwitched()
    {
        var at = Locate("A=\"line1\nline2\"\nB=x\n", "A");
        Assert.Equal("line1\nline2", at.Value);
        Assert.Equal(ErrorIds.DryRunConfigUnsupported, Assert.Throws<ModelLedgerException>(() => ConfigScalarSwitch.Replace(at, "y")).ErrorId);
        Assert.Equal("x", Locate("A=\"line1\nline2\"\nB=x\n", "B").Value);
        Assert.Equal(3, Locate("A=\"line1\nline2\"\nB=x\n", "B").Line);
    }
}
