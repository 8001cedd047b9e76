using System.Linq;
using System.Xml.Linq;
using ModelLedger.Gate;
using ModelLedger.Rendering;

namespace ModelLedger.Core.Tests.Rendering;

/// <summary>Each report sink of the gate shows hostile IDs and ledger values escaped, and says so.</summary>
public class FindingReportEscapingTests
{
    private const string Injected = "gpt-4o\n##vso[task.setvariable variable=GATE_OK]true";

    private static LedgerFinding[] Hostile() => new[]
    {
        new LedgerFinding { Service = "svc`\n# Approved", Check = CheckNames.CurrentModelAvailable, Status = FindingStatus.Fail, ModelId = Injected, Message = $"'{Injected}' is not in the snapshot." },
        new LedgerFinding { Service = "plain", Check = CheckNames.RollbackModelDefined, Status = FindingStatus.Pass, ModelId = "emoji-\U0001F600\u202E", Message = "ok \u001b[2J" },
    };

    [Fact]
    public void AzureDevOpsLinesCarryOneCommandEachAtTheStart()
    {
        var lines = FindingReport.AzureDevOpsIssues(Hostile()).ToList();
        var line = Assert.Single(lines);
        Assert.StartsWith("##vso[task.logissue type=error;", line);
        Assert.Equal(1, CountOf(line, "##vso["));
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void JUnitKeepsCharactersOutsideTheBmpExactAndEscapesControlsLegibly()
    {
        var xml = FindingReport.ToJUnitXml(Hostile());
        Assert.DoesNotContain('\uFFFD', xml);
        var doc = XDocument.Parse(xml);
        var pass = doc.Descendants("testcase").Single(t => (string?)t.Attribute("classname") == "plain");
        Assert.Equal(@"PASS: ok \u001B[2J", pass.Element("system-out")!.Value);
        var failure = doc.Descendants("failure").Single();
        Assert.Equal(@"'gpt-4o\n#\u0023vso[task.setvariable variable=GATE_OK]true' is not in the snapshot.", (string?)failure.Attribute("message"));
        Assert.Equal(UntrustedText.EscapeNote, (string?)doc.Descendants("property").Single(p => (string?)p.Attribute("name") == "escaping").Attribute("value"));
    }

    [Fact]
    public void JUnitKeepsASurrogatePairExact()
    {
        var xml = FindingReport.ToJUnitXml(new[] { new LedgerFinding { Service = "svc-\U0001F600", Check = "c", Status = FindingStatus.Pass, Message = "m" } });
        Assert.Equal("svc-\U0001F600", (string?)XDocument.Parse(xml).Descendants("testcase").Single().Attribute("classname"));
        Assert.DoesNotContain("escaping", xml);
    }

    [Fact]
    public void MarkdownKeepsEachFindingInItsRowAndItsCodeSpan()
    {
        var md = FindingReport.ToMarkdown(Hostile());
        var rows = md.Split('\n').Where(l => l.StartsWith("| ", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count); // header, separator, two findings
        Assert.DoesNotContain(md.Split('\n'), l => l.StartsWith("#", System.StringComparison.Ordinal));
        Assert.Contains(@"| svc\`\\n\# Approved |", rows[2]); // the service is text: its backtick, newline and heading are escaped
        Assert.Contains(@"`gpt-4o\n#\u0023vso[task.setvariable variable=GATE_OK]true`", rows[2]);
        Assert.Contains(UntrustedText.ForMarkdownText(UntrustedText.EscapeNote), md);
    }

    [Fact]
    public void MarkdownWithoutEscapesCarriesNoNote()
    {
        var md = FindingReport.ToMarkdown(new[] { new LedgerFinding { Service = "a", Check = "c", Status = FindingStatus.Pass, ModelId = "m", Message = "fine" } });
        Assert.DoesNotContain("exact values", md);
    }

    private static int CountOf(string s, string part) => (s.Length - s.Replace(part, "").Length) / part.Length;
}
