using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests.Pwsh;

/// <summary>
/// The README is the operator's page: short enough to read (at most 300 lines of at most 100 columns), the two
/// fresh-clone commands near the top, and its printed gate output exactly what the example gate prints under real
/// pwsh into a redirected 80-column log.
/// </summary>
public class ReadmeTests
{
    private static string[] Lines() => File.ReadAllText(Repo.File("README.md")).Replace("\r", "").Split('\n');

    [Fact]
    public void TheReadmeIsAtMostThreeHundredLinesOfAtMostOneHundredColumns()
    {
        var lines = Lines();
        Assert.True(lines.Length <= 300, $"README.md has {lines.Length} lines");
        var wide = lines.Select((l, i) => (l, i)).Where(x => x.l.Length > 100).Select(x => $"{x.i + 1}: {x.l}").ToList();
        Assert.True(wide.Count == 0, "README lines wider than 100 columns:\n" + string.Join("\n", wide));
    }

    [Fact]
    public void TheTwoFreshCloneCommandsAreNearTheTop()
    {
        var top = string.Join("\n", Lines().Take(40));
        Assert.Contains("dotnet tool restore && dotnet build src/ModelLedger -c Release \\\n  && dotnet pwsh -NoProfile -File examples/release-gate.ps1", top);
        Assert.Contains("\ndotnet test CometModelOps.sln\n", top);
    }

    [Fact]
    public void TheReadmesGateOutputIsWhatTheExampleGatePrints()
    {
        const string prompt = "$ dotnet pwsh -NoProfile -File examples/release-gate.ps1";
        var lines = Lines().ToList();
        var start = lines.IndexOf(prompt);
        Assert.True(start >= 0, "README has no block starting with: " + prompt);
        var end = lines.FindIndex(start, l => l == "```");
        var block = string.Join("\n", lines.Skip(start + 1).Take(end - start - 1));

        using var dir = new TempDir();
        var run = RealPwsh.RunFile("examples/release-gate.ps1", new[] { "-JUnitPath", dir.File("modelledger-gate.xml") });
        Assert.Equal(1, run.Code);
        Assert.DoesNotContain('\u001b', run.Out);   // a redirected log gets no escape codes
        var printed = run.Out.Replace("\r", "").TrimEnd('\n');
        Assert.Equal(JUnitPathless(block), JUnitPathless(printed));
    }

    // The JUnit file's path is the machine's temp folder; the rest is byte for byte.
    private static string JUnitPathless(string text) => Regex.Replace(text, @"\S*[/\\]modelledger-gate\.xml", "<temp>/modelledger-gate.xml");
}
