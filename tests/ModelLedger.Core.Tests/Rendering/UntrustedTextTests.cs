using ModelLedger.Rendering;

namespace ModelLedger.Core.Tests.Rendering;

/// <summary>The one rule for showing text the module does not control: each sink's form, and what it keeps exact.</summary>
public class UntrustedTextTests
{
    private const string Hostile = "gpt-4o\n##vso[task.setvariable variable=GATE_OK]true";

    [Theory]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nb", @"a\r\nb")]
    [InlineData("a\tb", @"a\tb")]
    [InlineData("\u001b[31mred", @"\u001B[31mred")]
    [InlineData("abc\u202Eexe.txt", @"abc\u202Eexe.txt")]
    [InlineData("x\u2066y\u2069", @"x\u2066y\u2069")]
    [InlineData("zero\u200Bwidth", @"zero\u200Bwidth")]
    [InlineData("nul\0", @"nul\u0000")]
    [InlineData("c1\u0085", @"c1\u0085")]
    public void ControlBidiAndInvisibleCharactersBecomeVisibleEscapes(string value, string shown)
    {
        Assert.Equal(shown, UntrustedText.ForDisplay(value));
        Assert.True(UntrustedText.NeedsEscape(value));
    }

    [Theory]
    [InlineData("x ##vso[task.complete result=Succeeded]", @"x #\u0023vso[task.complete result=Succeeded]")]
    [InlineData("##VSO[task.setvariable variable=a]b", @"#\u0023VSO[task.setvariable variable=a]b")]
    [InlineData("##[error]fake", @"#\u0023[error]fake")]
    public void AzureDevOpsCommandPrefixIsNeutralizedAnywhereInTheValue(string value, string shown)
    {
        Assert.Equal(shown, UntrustedText.ForDisplay(value));
        Assert.DoesNotContain("##vso[", UntrustedText.ForDisplay(value), System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void HostileIdBecomesOneLineWithoutACommand()
    {
        var shown = UntrustedText.ForDisplay(Hostile);
        Assert.Equal(@"gpt-4o\n#\u0023vso[task.setvariable variable=GATE_OK]true", shown);
        Assert.DoesNotContain('\n', shown);
    }

    [Theory]
    [InlineData("gpt-4o-2024-08-06")]
    [InlineData("model-\U0001F600-emoji")] // a surrogate pair: outside the BMP, kept exactly
    [InlineData("ünïcödé 模型")]
    [InlineData("# one hash, [brackets] and 100%")]
    public void OrdinaryTextIsUnchanged(string value)
    {
        Assert.False(UntrustedText.NeedsEscape(value));
        Assert.Same(value, UntrustedText.ForDisplay(value));
    }

    [Fact]
    public void LoneSurrogateHalvesAreEscapedNotReplaced()
    {
        Assert.Equal(@"a\uD83Db\uDE00", UntrustedText.ForDisplay("a\uD83Db\uDE00"));
    }

    [Fact]
    public void MarkdownTextCannotOpenHeadingsImagesHtmlOrCells()
    {
        var md = UntrustedText.ForMarkdownText("j.doe\n\n**APPROVED BY CISO**\n# Heading ![x](http://e/x.png) <img src=x> a|b");
        Assert.Equal(@"j.doe\\n\\n\*\*APPROVED BY CISO\*\*\\n\# Heading \!\[x\](http://e/x.png) \<img src=x\> a\|b", md);
        Assert.DoesNotContain('\n', md);
    }

    [Fact]
    public void MarkdownTextEscapesABlockMarkerAtTheStart()
    {
        Assert.Equal(@"\- item", UntrustedText.ForMarkdownText("- item"));
        Assert.Equal("a - b", UntrustedText.ForMarkdownText("a - b"));
    }

    [Theory]
    [InlineData("gpt-4o", "`gpt-4o`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`start", "`` `start ``")]
    [InlineData("a``b`", "``` a``b` ```")]
    [InlineData("a|b", @"`a\|b`")]
    public void CodeSpansUseAFenceLongerThanAnyBacktickRunInside(string value, string span)
    {
        Assert.Equal(span, UntrustedText.ForMarkdownCode(value));
    }

    [Fact]
    public void CodeSpanOutsideATableKeepsThePipe()
    {
        Assert.Equal("`a|b`", UntrustedText.ForMarkdownCode("a|b", inTableCell: false));
        Assert.Equal("", UntrustedText.ForMarkdownCode(null));
    }

    [Fact]
    public void ExceptionMessagesAreStoredInDisplayFormAndTargetsStayExact()
    {
        var ex = new ModelLedgerException(ErrorIds.LedgerInvalid, FailureCategory.InvalidData, $"Model '{Hostile}' is bad.") { Target = Hostile };
        Assert.DoesNotContain('\n', ex.Message);
        Assert.DoesNotContain("##vso[", ex.Message);
        Assert.Equal(Hostile, ex.Target);
    }

    [Fact]
    public void OutputObjectsOfferDisplayFormsAndKeepTheirDataExact()
    {
        var finding = new LedgerFinding { Service = "svc\u202E", Check = "CurrentModelAvailable", ModelId = Hostile, Message = $"'{Hostile}' is missing." };
        Assert.Equal(Hostile, finding.ModelId);
        Assert.Equal(UntrustedText.ForDisplay(Hostile), finding.DisplayModelId());
        Assert.Equal(@"svc\u202E", finding.DisplayService());
        Assert.DoesNotContain('\n', finding.DisplayMessage());
        Assert.DoesNotContain('\n', finding.ToString());
        var diff = new SnapshotDifference { Id = Hostile, ApprovedAs = "svc\n##vso[x]" };
        Assert.DoesNotContain("##vso[", diff.DisplayId() + diff.DisplayApprovedAs() + diff.ToString());
        Assert.Equal(UntrustedText.ForDisplay(Hostile), new CometModel { Id = Hostile }.DisplayId());
        Assert.All(new[] { new DryRunResult { Message = Hostile }.DisplayMessage(), new LedgerEntry { Service = Hostile }.ToString() },
            s => Assert.DoesNotContain('\n', s));
    }

    [Fact]
    public void EscapeNoteDescribesTheEscapesItUses()
    {
        Assert.Contains(@"\n", UntrustedText.EscapeNote);
        Assert.Contains(@"\u202E", UntrustedText.EscapeNote);
        Assert.Contains("exact values", UntrustedText.EscapeNote);
        Assert.DoesNotContain('\n', UntrustedText.EscapeNote);
    }
}
