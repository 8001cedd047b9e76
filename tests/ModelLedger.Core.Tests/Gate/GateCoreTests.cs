using System;
using System.Linq;
using ModelLedger.Gate;
using ModelLedger.ModelIds;
using ModelLedger.Snapshots;

namespace ModelLedger.Core.Tests;

public class GateCoreTests
{
    [Theory]
    [InlineData("gpt-4o", new[] { "GPT-4o", "gpt-4o-2024-08-06", "gpt-4o " })]
    [InlineData("gpt-4o-2024-08-06", new[] { "gpt-4o", "GPT-4o", "gpt-4o " })]
    [InlineData("claude-haiku-4-5-20251001", new[] { "claude-haiku-4-5" })]
    public void HintsFindCaseWhitespaceAndDateSuffixNearMisses(string missing, string[] expected)
    {
        var hints = new ModelIdHints(new[] { "gpt-4o", "GPT-4o", "gpt-4o-2024-08-06", "gpt-4o ", "claude-haiku-4-5", "gpt-4.1" });
        Assert.Equal(expected.Where(e => e != missing), hints.For(missing).Where(h => h != missing));
    }

    [Fact]
    public void HintsNeverReturnTheIdItselfAndAreEmptyForStrangers()
    {
        var hints = new ModelIdHints(new[] { "a-model", "b-model" });
        Assert.Empty(hints.For("a-model"));
        Assert.Empty(hints.For("zzz"));
        Assert.Equal("", hints.Describe("zzz"));
    }

    [Fact]
    public void AzureDevOpsLinesEscapeDataAndProperties()
    {
        var f = new LedgerFinding { Service = "svc", Check = "Current;Model]", Status = FindingStatus.Fail, Message = "100% bad\r\nnext line" };
        var line = Assert.Single(FindingReport.AzureDevOpsIssues(new[] { f, new LedgerFinding { Status = FindingStatus.Pass, Check = "x", Message = "ok" } }));
        // Line breaks in the data are shown as visible escapes (UntrustedText.ForDisplay) before the agent's own % escaping.
        Assert.Equal("##vso[task.logissue type=error;code=Current%3BModel%5D]svc Current;Model]: 100%AZP25 bad\\r\\nnext line", line);
    }

    [Fact]
    public void JUnitSurvivesControlCharactersInLedgerValues()
    {
        var xml = FindingReport.ToJUnitXml(new[] { new LedgerFinding { Service = "svc\u0001", Check = "c", Status = FindingStatus.Fail, Message = "bad\u0007" } });
        var doc = System.Xml.Linq.XDocument.Parse(xml);
        Assert.Equal("1", (string?)doc.Root!.Attribute("failures"));
    }

    [Fact]
    public void EmptySnapshotCannotGate()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => new GateEvaluator(new ModelSnapshot { Source = "x" }, new GateOptions()));
        Assert.Equal(ErrorIds.SnapshotInvalid, ex.ErrorId);
        Assert.Contains("lists no models", ex.Message);
    }

    [Fact]
    public void GateStreamsEntriesAndScalesWithHashLookups()
    {
        // 20,000 entries against 100,000 models: a nested scan would be 2e9 comparisons; this must finish at once.
        var snapshot = new ModelSnapshot { CapturedAt = DateTimeOffset.UtcNow, Source = "x" };
        for (var i = 0; i < 100_000; i++) snapshot.Models.Add(new CometModel { Id = "model-" + i, OwnedBy = "o", Object = "model", Created = DateTimeOffset.UtcNow });
        var gate = new GateEvaluator(snapshot, new GateOptions());
        var fails = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var entry = new LedgerEntry { Service = "s" + i, CurrentModelId = "model-" + (i * 5), RollbackModelId = "model-" + (i * 5 + 1), EmergencyAlternative = "model-" + (i * 5 + 2), Owner = "o", UseCase = "u", ValidationMethod = "v", ChangeRef = "c", RollbackOwner = "r" };
            fails += gate.Evaluate(entry).Count(f => f.Status == FindingStatus.Fail);
        }
        Assert.Equal(0, fails);
    }

    [Fact]
    public void AnEntryCountsAsSeenWhetherOrNotItsFindingsAreEnumerated()
    {
        var snapshot = new ModelSnapshot { CapturedAt = DateTimeOffset.UtcNow, Source = "x" };
        snapshot.Models.Add(new CometModel { Id = "m1", OwnedBy = "o", Object = "model", Created = DateTimeOffset.UtcNow });
        var deployed = new System.Collections.Generic.Dictionary<string, DeployedRelease>(StringComparer.OrdinalIgnoreCase) { ["svc"] = new DeployedRelease("m1", false) };
        var gate = new GateEvaluator(snapshot, new GateOptions { Deployed = deployed });
        _ = gate.Evaluate(new LedgerEntry { Service = "svc", CurrentModelId = "m1", Owner = "o" }); // findings never enumerated
        Assert.Empty(gate.Finish());
    }
}
