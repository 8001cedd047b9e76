using System.Linq;

namespace ModelLedger.HelpBuilder.Tests;

public class MarkdownHelpParserTests
{
    internal const string Valid = """
        ---
        external help file: ModelLedger.dll-Help.xml
        Module Name: ModelLedger
        ---

        # Get-Thing

        ## SYNOPSIS
        Gets the things.

        ## DESCRIPTION
        First paragraph
        continues here.

        - item one
        - item two

        Last paragraph.

        ## EXAMPLES

        ### Example 1: List them
        ```powershell
        # A comment in code is not a heading.
        Get-Thing -Path ./a.json
        ```

        Lists every thing.

        ### Example 2: Filter
        Before the code.
        ```powershell
        Get-Thing -Name x*
        ```
        Shows x things.

        ## PARAMETERS

        ### -Path
        The file.

        ### -TimeoutSec
        Seconds to wait.

        ```yaml
        Type: Int32
        Default value: 30
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String[]
        Paths.

        ## OUTPUTS

        ### ModelLedger.Thing
        One per thing.

        ## NOTES
        A note.

        ## RELATED LINKS

        [Get-Other](Get-Other.md)

        - [Reference](https://example.invalid/ref)
        """;

    [Fact]
    public void ReadsEverySection()
    {
        var doc = MarkdownHelpParser.Parse(Valid, "/docs/Get-Thing.md");

        Assert.Equal("Get-Thing", doc.Name);
        Assert.Equal("Gets the things.", doc.Synopsis);
        Assert.Equal(new[] { "First paragraph continues here.", "- item one", "- item two", "Last paragraph." }, doc.Description);

        Assert.Equal(2, doc.Examples.Count);
        Assert.Equal("Example 1: List them", doc.Examples[0].Title);
        Assert.Equal("# A comment in code is not a heading.\nGet-Thing -Path ./a.json", doc.Examples[0].Code);
        Assert.Equal(new[] { "Lists every thing." }, doc.Examples[0].Remarks);
        Assert.Equal(new[] { "Before the code." }, doc.Examples[1].Introduction);
        Assert.Equal(new[] { "Shows x things." }, doc.Examples[1].Remarks);

        Assert.Equal(new[] { "Path", "TimeoutSec" }, doc.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { "Seconds to wait." }, doc.Parameters[1].Description);
        Assert.Equal("30", doc.Parameters[1].DefaultValue);
        Assert.Null(doc.Parameters[0].DefaultValue);

        Assert.Equal("System.String[]", Assert.Single(doc.Inputs).Name);
        Assert.Equal(new[] { "One per thing." }, Assert.Single(doc.Outputs).Description);
        Assert.Equal(new[] { "A note." }, doc.Notes);
        Assert.Equal(new[] { ("Get-Other", ""), ("Reference", "https://example.invalid/ref") }, doc.Links.Select(l => (l.Text, l.Uri)));
    }

    [Fact]
    public void MissingSynopsisNamesTheFile()
    {
        var ex = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(Remove(Valid, "## SYNOPSIS\nGets the things.\n"), "/docs/Get-Thing.md"));
        Assert.Contains("no SYNOPSIS", ex.Message);
        Assert.StartsWith("/docs/Get-Thing.md(", ex.ToBuildMessage());
        Assert.Contains("error MLHELP001", ex.ToBuildMessage());
    }

    [Fact]
    public void EmptySynopsisIsAnErrorAtItsHeading()
    {
        var ex = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(Valid.Replace("Gets the things.", ""), "/docs/Get-Thing.md"));
        Assert.Contains("no SYNOPSIS", ex.Message);
        Assert.Equal(Line(Valid, "## SYNOPSIS"), ex.Line);
    }

    [Fact]
    public void ExampleWithoutCodeNamesTheExampleAndLine()
    {
        var text = Valid.Replace("```powershell\nGet-Thing -Name x*\n```\n", "");
        var ex = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(text, "/docs/Get-Thing.md"));
        Assert.Contains("Example 2 ('Example 2: Filter') has no code", ex.Message);
        Assert.Equal(Line(text, "### Example 2: Filter"), ex.Line);
    }

    [Fact]
    public void MissingDescriptionAndExamplesAreErrors()
    {
        var noDescription = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(
            "# Get-Thing\n## SYNOPSIS\nx\n## EXAMPLES\n### Example 1: a\n```powershell\nGet-Thing\n```\n", "Get-Thing.md"));
        Assert.Contains("no DESCRIPTION", noDescription.Message);
        var noExamples = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse("# Get-Thing\n## SYNOPSIS\nx\n## DESCRIPTION\ny\n", "Get-Thing.md"));
        Assert.Contains("no examples", noExamples.Message);
    }

    [Theory]
    [InlineData("### -Path\nThe file.\n", "### -Path\n", "Parameter -Path has no description")]
    [InlineData("### -Path\n", "### -Path\nThe file.\n\n### -path\n", "documented twice")]
    [InlineData("### -Path\n", "### Path\n", "not a parameter heading")]
    [InlineData("## NOTES\n", "## NOTEZ\n", "Unknown section '## NOTEZ'")]
    [InlineData("## NOTES\n", "## NOTES\n\n## NOTES\n", "appears twice")]
    [InlineData("# Get-Thing\n", "# Get-Other\n", "does not match the file name")]
    [InlineData("A note.\n", "A note.\n```text\nnever closed\n", "never closed")]
    public void MalformedDocsAreRejectedWithAFix(string find, string replace, string expected)
    {
        var ex = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(Valid.Replace(find, replace), "/docs/Get-Thing.md"));
        Assert.Contains(expected, ex.Message);
        Assert.True(ex.Line >= 1);
    }

    [Fact]
    public void PlainRelatedLinksAndLooseInputTextAreKept()
    {
        var doc = MarkdownHelpParser.Parse(
            "# Get-Thing\n## SYNOPSIS\nx\n## DESCRIPTION\ny\n## EXAMPLES\n### Example 1: a\n```powershell\nGet-Thing\n```\n## INPUTS\nNone\n## RELATED LINKS\nabout_ModelLedger\n",
            "Get-Thing.md");
        Assert.Equal("None", Assert.Single(doc.Inputs).Name);
        Assert.Equal("about_ModelLedger", Assert.Single(doc.Links).Text);
    }

    private static string Remove(string text, string part)
    {
        Assert.Contains(part, text);
        return text.Replace(part, "");
    }

    private static int Line(string text, string line) => text.Split('\n').ToList().IndexOf(line) + 1;
}
