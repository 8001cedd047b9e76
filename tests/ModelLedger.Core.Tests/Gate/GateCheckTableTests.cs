using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ModelLedger.Gate;
using ModelLedger.Gate.Sinks;
using ModelLedger.Snapshots;

namespace ModelLedger.Core.Tests;

/// <summary>The one check table, ModelIdPinned, several snapshots (one per credential) and the output sinks.</summary>
public class GateCheckTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static ModelSnapshot Snapshot(string? label, params string[] ids)
    {
        var s = new ModelSnapshot { CapturedAt = Now.AddHours(-1), Source = "x", CredentialLabel = label };
        foreach (var id in ids) s.Models.Add(new CometModel { Id = id, OwnedBy = "o", Object = "model", Created = Now });
        return s;
    }

    private static LedgerEntry Entry(string current, string? rollback = null, string? emergency = null) =>
        new() { Service = "svc", CurrentModelId = current, RollbackModelId = rollback, EmergencyAlternative = emergency, Owner = "o", UseCase = "u", ValidationMethod = "v", ChangeRef = "c" };

    private static IReadOnlyList<LedgerFinding> Gate(LedgerEntry entry, GateOptions? options, params ModelSnapshot[] snapshots) =>
        new GateEvaluator(snapshots, options ?? new GateOptions { AsOf = Now }).Evaluate(entry);

    [Fact]
    public void EveryCheckNameHasOneRowAndTheRowsAreUnique()
    {
        var constants = typeof(CheckNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name != nameof(CheckNames.SnapshotScope)).Select(f => (string)f.GetValue(null)!).OrderBy(n => n);
        Assert.Equal(constants, GateChecks.Names.OrderBy(n => n));
        Assert.Equal(GateChecks.Names.Count, GateChecks.Names.Distinct().Count());
        Assert.All(GateChecks.All, c => Assert.StartsWith(c.Name, c.HelpText));
    }

    [Fact]
    public void AnAliasBesideDatedSiblingsWarnsAndNamesThem()
    {
        var findings = Gate(Entry("gpt-4o", "gpt-4o-2024-05-13"), null, Snapshot(null, "gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20", "gpt-4o-2024-05-13", "gpt-4o-mini"));
        var pinned = findings.Where(f => f.Check == CheckNames.ModelIdPinned).ToList();
        Assert.Equal(2, pinned.Count);
        var current = pinned.Single(f => f.ModelId == "gpt-4o");
        Assert.Equal(FindingStatus.Warn, current.Status);
        Assert.Contains("'gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'", current.Message);
        Assert.DoesNotContain("gpt-4o-mini", current.Message);
        Assert.Contains("Record the concrete ID", current.Message);
        Assert.Equal(FindingStatus.Pass, pinned.Single(f => f.ModelId == "gpt-4o-2024-05-13").Status);
    }

    [Theory]
    [InlineData("gpt-4o-2024-08-06")]
    [InlineData("claude-haiku-4-5-20251001")]
    [InlineData("gemini-2.0-flash-001")]
    [InlineData("o1-preview-2024-09-12")]
    public void DatedAndVersionedIdsPassWithTheirId(string id)
    {
        var f = Gate(Entry(id), null, Snapshot(null, id, "gpt-4o", "claude-haiku-4-5", "gemini-2.0-flash", "o1-preview")).Single(x => x.Check == CheckNames.ModelIdPinned);
        Assert.Equal(FindingStatus.Pass, f.Status);
        Assert.Equal(id, f.ModelId);
        Assert.Contains($"'{id}' is pinned", f.Message);
    }

    [Theory]
    [InlineData("claude-3-5-sonnet-latest", "'claude-3-5-sonnet-20241022'")]
    [InlineData("o1-preview", "'o1-preview-2024-09-12'")]
    [InlineData("gemini-2.0-flash", "'gemini-2.0-flash-001'")]
    public void LatestAndBarePreviewAreMovingNames(string id, string concrete)
    {
        var f = Gate(Entry(id), null, Snapshot(null, id, "claude-3-5-sonnet-20241022", "o1-preview-2024-09-12", "gemini-2.0-flash-001")).Single(x => x.Check == CheckNames.ModelIdPinned);
        Assert.Equal(FindingStatus.Warn, f.Status);
        Assert.Contains(concrete, f.Message);
    }

    [Fact]
    public void StrictFailsAMovingRollbackIdOnly()
    {
        var snapshot = Snapshot(null, "gpt-4o", "gpt-4o-2024-08-06", "qwen-latest");
        var strict = Gate(Entry("qwen-latest", "gpt-4o"), new GateOptions { AsOf = Now, Strict = true }, snapshot).Where(f => f.Check == CheckNames.ModelIdPinned).ToList();
        Assert.Equal(FindingStatus.Fail, strict.Single(f => f.ModelId == "gpt-4o").Status);
        Assert.Contains("-Strict", strict.Single(f => f.ModelId == "gpt-4o").Message);
        Assert.Equal(FindingStatus.Warn, strict.Single(f => f.ModelId == "qwen-latest").Status);
        var lax = Gate(Entry("qwen-latest", "gpt-4o"), null, snapshot).Single(f => f.Check == CheckNames.ModelIdPinned && f.ModelId == "gpt-4o");
        Assert.Equal(FindingStatus.Warn, lax.Status);
    }

    [Fact]
    public void AMovingRollbackIdWhoseConcreteFormIsTheCurrentIdDoesNotSuggestRecordingIt()
    {
        var snapshot = Snapshot(null, "gemini-2.5-flash", "gemini-2.5-flash-001");
        var rollback = Gate(Entry("gemini-2.5-flash-001", "gemini-2.5-flash"), null, snapshot).Single(f => f.Check == CheckNames.ModelIdPinned && f.ModelId == "gemini-2.5-flash");
        Assert.Equal(FindingStatus.Warn, rollback.Status);
        Assert.Contains("'gemini-2.5-flash-001' is the current ID, so it is no rollback target", rollback.Message);
        Assert.DoesNotContain("Record the concrete ID the service uses", rollback.Message);
        // The same moving name as an emergency alternative keeps the ordinary advice.
        var emergency = Gate(Entry("gemini-2.5-flash-001", "gpt-4o-2024-08-06", "gemini-2.5-flash"), null, Snapshot(null, "gemini-2.5-flash", "gemini-2.5-flash-001", "gpt-4o-2024-08-06"))
            .Single(f => f.Check == CheckNames.ModelIdPinned && f.ModelId == "gemini-2.5-flash");
        Assert.Contains("Record the concrete ID the service uses", emergency.Message);
    }

    [Fact]
    public void ARollbackToTheCurrentIdIsNoRollback()
    {
        var f = Gate(Entry("gpt-4o-2024-08-06", "gpt-4o-2024-08-06"), null, Snapshot(null, "gpt-4o-2024-08-06")).Single(x => x.Check == CheckNames.RollbackModelDefined);
        Assert.Equal(FindingStatus.Fail, f.Status);
        Assert.Contains("a rollback to the same ID is no rollback", f.Message);
    }

    [Fact]
    public void AnIdMissingFromOneOfTwoCredentialsIsNotAvailableAndTheCredentialIsNamed()
    {
        var eu = Snapshot("production-eu", "m-2026-01-01", "r-2025-01-01");
        var us = Snapshot("production-us", "m-2026-01-01");
        var findings = Gate(Entry("m-2026-01-01", "r-2025-01-01"), null, eu, us);
        var current = findings.Single(f => f.Check == CheckNames.CurrentModelAvailable);
        Assert.Equal(FindingStatus.Pass, current.Status);
        Assert.Contains("in all 2 snapshots (credentials 'production-eu', 'production-us')", current.Message);
        var rollback = findings.Single(f => f.Check == CheckNames.RollbackModelAvailable);
        Assert.Equal(FindingStatus.Fail, rollback.Status);
        Assert.Contains("not visible to the 'production-us' credential (only to 'production-eu')", rollback.Message);
    }

    [Fact]
    public void EachSnapshotIsJudgedForFreshnessAndCredential()
    {
        var eu = Snapshot("production-eu", "m");
        var us = Snapshot("production-us", "m");
        us.CapturedAt = Now.AddDays(-3);
        var gate = new GateEvaluator(new[] { eu, us }, new GateOptions { AsOf = Now, CredentialLabels = new[] { "production-eu", "production-us", "production-ap" } });
        var findings = gate.SnapshotFindings().ToList();
        var fresh = findings.Where(f => f.Check == CheckNames.SnapshotFresh).ToList();
        Assert.Equal(new[] { FindingStatus.Pass, FindingStatus.Warn }, fresh.Select(f => f.Status));
        Assert.StartsWith("Credential 'production-us': ", fresh[1].Message);
        var labels = findings.Where(f => f.Check == CheckNames.CredentialLabelMatches).ToList();
        Assert.Equal(new[] { FindingStatus.Pass, FindingStatus.Pass, FindingStatus.Fail }, labels.Select(f => f.Status));
        Assert.Contains("No snapshot was captured with the 'production-ap' credential", labels[2].Message);
    }

    [Fact]
    public void OneSnapshotKeepsItsMessages()
    {
        var f = Gate(Entry("m"), null, Snapshot("production", "m")).Single(x => x.Check == CheckNames.CurrentModelAvailable);
        Assert.Equal("'m' is in the snapshot.", f.Message);
    }

    [Fact]
    public void SinksFollowTheCiHostPassedInAndTheConsoleFilter()
    {
        var findings = new[]
        {
            new LedgerFinding { Service = "a", Check = CheckNames.CurrentModelAvailable, Status = FindingStatus.Fail, Message = "gone" },
            new LedgerFinding { Service = "a", Check = CheckNames.ModelIdPinned, Status = FindingStatus.Warn, Message = "moving" },
            new LedgerFinding { Service = "a", Check = CheckNames.RollbackModelDefined, Status = FindingStatus.Pass, Message = "ok" },
        };
        List<string> Run(CiHost ci, ReportFormat? format, List<LedgerFinding> shown, List<string> reports)
        {
            var lines = new List<string>();
            var sinks = FindingSinks.Create(shown.Add, new[] { CheckNames.ModelIdPinned }, ci, lines.Add, format, text => { reports.Add(text); return true; });
            foreach (var f in findings) foreach (var s in sinks) s.Write(f);
            Assert.All(sinks, s => Assert.True(s.Complete()));
            return lines;
        }
        var console = new List<LedgerFinding>();
        var files = new List<string>();
        var ado = Run(CiHost.AzureDevOps, ReportFormat.Markdown, console, files);
        Assert.Equal(new[] { "##vso[task.logissue type=error;code=CurrentModelAvailable]a CurrentModelAvailable: gone", "##vso[task.logissue type=warning;code=ModelIdPinned]a ModelIdPinned: moving" }, ado);
        Assert.Equal(CheckNames.ModelIdPinned, Assert.Single(console).Check);
        Assert.Equal(FindingReport.ToMarkdown(findings), Assert.Single(files));
        Assert.Empty(Run(CiHost.None, null, new List<LedgerFinding>(), files));
        Assert.Single(files);
        Assert.Equal(CiHost.AzureDevOps, CiDetection.Detect(n => n == "TF_BUILD" ? "true" : null));
        Assert.Equal(CiHost.None, CiDetection.Detect(_ => null));
        Assert.IsType<JUnitSink>(FindingSinks.Report(ReportFormat.JUnit, _ => true));
    }
}
