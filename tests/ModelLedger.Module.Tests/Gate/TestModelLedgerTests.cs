using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The release gate through the hosted engine. Each rule of the runbook's step 4 and each failure-mode row a
/// gate can detect has a ledger that triggers it and one that does not.
/// </summary>
public class TestModelLedgerTests
{
    private static readonly string[] Catalogue = { "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18", "gpt-5.4-mini", "gpt-5.4-mini-2026-03-17" };

    private static List<PSObject> Gate(PowerShellHarness ps, string ledger, string snapshot, string extra = "", Dictionary<string, object?>? vars = null)
    {
        var v = vars ?? new();
        v["l"] = ledger;
        v["s"] = snapshot;
        var run = ps.Run($"Test-ModelLedger -Path $l -SnapshotPath $s {extra}", v);
        Assert.Empty(run.AllErrors);
        Assert.All(run.Output, o => Assert.Equal("ModelLedger.LedgerFinding", o.TypeNames[0]));
        return run.Output.ToList();
    }

    private static PSObject Finding(List<PSObject> findings, string service, string check) =>
        Assert.Single(findings, f => (string?)f.Properties["Service"].Value == service && (string)f.Properties["Check"].Value == check);

    private static string Status(PSObject finding) => finding.Properties["Status"].Value!.ToString()!;

    private static string Message(PSObject finding) => (string)finding.Properties["Message"].Value!;

    [Fact]
    public void ExampleDataShowsOnePassingOneFailingAndOneWarningService()
    {
        using var ps = new PowerShellHarness();
        var findings = Gate(ps, Repo.File("examples", "data", "ledger.json"), Repo.File("examples", "data", "models-snapshot.json"), "-AsOf '2026-11-24T09:00:00Z' -ConfigRoot $root", new() { ["root"] = Repo.File("examples", "data", "release") });
        string Worst(string service) => findings.Where(f => (string?)f.Properties["Service"].Value == service).Select(Status).OrderBy(s => s == "Fail" ? 0 : s == "Warn" ? 1 : 2).First();
        Assert.Equal("Pass", Worst("support-router"));
        Assert.Equal("Fail", Worst("report-writer"));
        Assert.Equal("Warn", Worst("search-summarizer"));
        Assert.Equal(2 + 3 * 7 + 8, findings.Count); // two snapshot checks, seven checks per service, ModelIdPinned per recorded ID (8)
    }

    [Fact]
    public void OneFindingPerServiceAndCheckPassIncluded()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var findings = Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18")), Snapshot(dir, Catalogue),
            "-Deployed @{ a = 'gpt-4o-2024-08-06' }");
        var checks = findings.Where(f => (string)f.Properties["Service"].Value! == "a").Select(f => (string)f.Properties["Check"].Value!).ToList();
        Assert.Equal(new[] { "LedgerEntryComplete", "DeployedMatchesLedger", "CurrentModelAvailable", "RollbackModelDefined", "RollbackModelAvailable", "EmergencyAlternative", "ModelIdPinned", "ModelIdPinned", "ModelIdPinned", "RollbackOwner" }, checks);
        Assert.All(findings, f => Assert.Equal("Pass", Status(f)));
    }

    // Step 4, fail: "the current model ID is not in the approved ledger".
    [Fact]
    public void DeployedIdDifferentFromLedgerOrServiceNotInLedgerFails()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var ledger = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18"));
        var snapshot = Snapshot(dir, Catalogue);

        var ok = Gate(ps, ledger, snapshot, "-Deployed @{ A = 'gpt-4o-2024-08-06' }");
        Assert.Equal("Pass", Status(Finding(ok, "a", "DeployedMatchesLedger")));

        var nearMiss = Gate(ps, ledger, snapshot, "-Deployed @{ a = 'GPT-4o-2024-08-06' }");
        var f = Finding(nearMiss, "a", "DeployedMatchesLedger");
        Assert.Equal("Fail", Status(f));
        Assert.Contains("'GPT-4o-2024-08-06'", Message(f));
        Assert.Contains("near miss", Message(f));

        var unknown = Gate(ps, ledger, snapshot, "-Deployed @{ a = 'gpt-4o-2024-08-06'; 'new-service' = 'gpt-4o-2024-08-06' }");
        var missing = Finding(unknown, "new-service", "DeployedMatchesLedger");
        Assert.Equal("Fail", Status(missing));
        Assert.Contains("has no ledger entry", Message(missing));
    }

    // Step 4, fail: "the rollback model ID is empty".
    [Fact]
    public void EmptyRollbackIdFails()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var snapshot = Snapshot(dir, Catalogue);
        var bad = Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", null, "gpt-4o-mini-2024-07-18")), snapshot);
        Assert.Equal("Fail", Status(Finding(bad, "a", "RollbackModelDefined")));
        var good = Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18")), snapshot);
        Assert.Equal("Pass", Status(Finding(good, "a", "RollbackModelDefined")));
    }

    // Step 4, fail: "the response shape from the models endpoint no longer matches the parser used by the gate".
    [Theory]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T06:00:00Z\",\"source\":\"s\",\"models\":[{\"name\":\"gpt-4o\"}]}", "SnapshotInvalid")]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T06:00:00Z\",\"source\":\"s\",\"models\":[]}", "SnapshotInvalid")]
    [InlineData("<html>login</html>", "SnapshotInvalid")]
    public void SnapshotThatIsNotTheDocumentedShapeStopsTheGateWithAnError(string content, string errorId)
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var snapshot = dir.Write("bad.json", content);
        var run = ps.Run("Test-ModelLedger -Path $l -SnapshotPath $s", new() { ["l"] = Repo.File("examples", "data", "ledger.json"), ["s"] = snapshot });
        ErrorAssert.Single(run, errorId, ErrorCategory.InvalidData);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void MissingSnapshotIsATerminatingSnapshotNotFound()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("try { Test-ModelLedger -Path $l -SnapshotPath ./nope.json -ErrorAction Stop; 'continued' } catch { $_.FullyQualifiedErrorId }",
            new() { ["l"] = Repo.File("examples", "data", "ledger.json") });
        Assert.Equal("SnapshotNotFound,ModelLedger.Commands.TestModelLedgerCommand", Assert.Single(run.Output).BaseObject);
    }

    // Step 4, fail: "the release changes both model identifier and unrelated routing logic without a rollback owner".
    [Fact]
    public void ModelAndRoutingChangeWithoutRollbackOwnerFails()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var snapshot = Snapshot(dir, Catalogue);
        var noOwner = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18", rollbackOwner: null));
        var both = "-Deployed @{ a = @{ modelid = 'gpt-4o-2024-08-06'; ROUTINGCHANGED = $true } }";
        Assert.Equal("Fail", Status(Finding(Gate(ps, noOwner, snapshot, both), "a", "RollbackOwner")));
        // Not triggered: routing unchanged, or a rollback owner named.
        Assert.Equal("Pass", Status(Finding(Gate(ps, noOwner, snapshot, "-Deployed @{ a = @{ ModelId = 'gpt-4o-2024-08-06'; RoutingChanged = $false } }"), "a", "RollbackOwner")));
        var withOwner = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18", rollbackOwner: "sre-oncall"));
        Assert.Equal("Pass", Status(Finding(Gate(ps, withOwner, snapshot, both), "a", "RollbackOwner")));
    }

    // Step 4, warn: "the last validation snapshot is older than your internal policy allows".
    [Fact]
    public void StaleSnapshotWarnsFreshDoesNot()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var ledger = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18"));
        var old = Snapshot(dir, Catalogue, DateTimeOffset.UtcNow.AddDays(-3));
        var fresh = Snapshot(dir, Catalogue, DateTimeOffset.UtcNow.AddHours(-1));
        var stale = Finding(Gate(ps, ledger, old), "(snapshot)", "SnapshotFresh");
        Assert.Equal("Warn", Status(stale));
        Assert.Contains("older than the 24 hours policy", Message(stale));
        Assert.Equal("Pass", Status(Finding(Gate(ps, ledger, fresh), "(snapshot)", "SnapshotFresh")));
        Assert.Equal("Pass", Status(Finding(Gate(ps, ledger, old, "-MaxSnapshotAge ([timespan]::FromDays(7))"), "(snapshot)", "SnapshotFresh")));
        Assert.Equal("Pass", Status(Finding(Gate(ps, ledger, old, "-AsOf ([datetimeoffset]::UtcNow.AddDays(-3))"), "(snapshot)", "SnapshotFresh")));
        // A short policy is said in seconds, never "0 minutes".
        var seconds = Finding(Gate(ps, ledger, fresh, "-MaxSnapshotAge ([timespan]::FromSeconds(1))"), "(snapshot)", "SnapshotFresh");
        Assert.Contains("older than the 1 second policy", Message(seconds));
        Assert.Contains(", 60 minutes ago,", Message(seconds));
    }

    // Step 4, warn: "the emergency alternative is missing but the primary rollback ID is present".
    [Fact]
    public void MissingEmergencyAlternativeWarnsWhenRollbackIsPresent()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var snapshot = Snapshot(dir, Catalogue);
        var none = Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13")), snapshot);
        Assert.Equal("Warn", Status(Finding(none, "a", "EmergencyAlternative")));
        Assert.Equal("Pass", Status(Finding(none, "a", "RollbackModelAvailable")));
        var gone = Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "retired-model")), snapshot);
        Assert.Equal("Warn", Status(Finding(gone, "a", "EmergencyAlternative")));
        var ok = Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18")), snapshot);
        Assert.Equal("Pass", Status(Finding(ok, "a", "EmergencyAlternative")));
    }

    // Step 4, warn: "optional metadata fields are absent but the documented identifier field is present".
    [Fact]
    public void AbsentOptionalMetadataWarnsButNeverDecides()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var ledger = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18"));
        var bare = Gate(ps, ledger, Snapshot(dir, Catalogue, metadata: false));
        Assert.Equal("Warn", Status(Finding(bare, "(snapshot)", "SnapshotMetadata")));
        Assert.DoesNotContain(bare, f => Status(f) == "Fail");
        Assert.Equal("Pass", Status(Finding(Gate(ps, ledger, Snapshot(dir, Catalogue)), "(snapshot)", "SnapshotMetadata")));
    }

    // Failure mode: "Forward ID is present, rollback ID is missing" -> do not proceed unless an approved emergency alternative is validated.
    [Fact]
    public void RollbackMissingFromSnapshotFailsUnlessTheEmergencyAlternativeIsAvailable()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var snapshot = Snapshot(dir, Catalogue);
        var fail = Finding(Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4-0613")), snapshot), "a", "RollbackModelAvailable");
        Assert.Equal("Fail", Status(fail));
        Assert.Contains("'gpt-4-0613' is not in the snapshot", Message(fail));
        var warn = Finding(Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4-0613", "gpt-4o-mini-2024-07-18")), snapshot), "a", "RollbackModelAvailable");
        Assert.Equal("Warn", Status(warn));
        Assert.Contains("emergency alternative 'gpt-4o-mini-2024-07-18' is available", Message(warn));
    }

    // Failure mode: "Validation works with a personal key but fails with production key".
    [Fact]
    public void SnapshotCapturedWithAnotherCredentialFailsWhenALabelIsRequired()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var ledger = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18"));
        var personal = Snapshot(dir, Catalogue, label: "personal");
        var f = Finding(Gate(ps, ledger, personal, "-CredentialLabel production"), "(snapshot)", "CredentialLabelMatches");
        Assert.Equal("Fail", Status(f));
        Assert.Contains("'personal'", Message(f));
        Assert.Equal("Pass", Status(Finding(Gate(ps, ledger, Snapshot(dir, Catalogue, label: "production"), "-CredentialLabel production"), "(snapshot)", "CredentialLabelMatches")));
        Assert.DoesNotContain(Gate(ps, ledger, personal), x => (string)x.Properties["Check"].Value! == "CredentialLabelMatches");
    }

    [Theory]
    [InlineData("GPT-4o-2024-08-06", "gpt-4o-2024-08-06")]   // case
    [InlineData("gpt-4o-2024-08-06 ", "gpt-4o-2024-08-06")]  // trailing whitespace, kept exactly as written
    [InlineData("gpt-5.4-mini-2026-03-18", "gpt-5.4-mini")]  // date suffix / alias vs dated
    public void NearMissFailsAndNamesTheNearMiss(string ledgerId, string nearMiss)
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var f = Finding(Gate(ps, Ledger(dir, Entry("a", ledgerId, "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18")), Snapshot(dir, Catalogue)), "a", "CurrentModelAvailable");
        Assert.Equal("Fail", Status(f));
        Assert.Contains($"'{nearMiss}'", Message(f));
        Assert.Contains("not a match", Message(f));
    }

    [Fact]
    public void ModelsInTheSnapshotButNotInTheLedgerNeverFailOrWarn()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var many = Catalogue.Concat(Enumerable.Range(0, 50).Select(i => "unapproved-model-" + i));
        var findings = Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini-2024-07-18")), Snapshot(dir, many), "-Deployed @{}");
        Assert.All(findings, f => Assert.Equal("Pass", Status(f)));
        Assert.DoesNotContain(findings, f => ((string?)f.Properties["ModelId"].Value ?? "").StartsWith("unapproved", StringComparison.Ordinal));
    }

    [Fact]
    public void IncompleteEntryFailsOnRequiredAndWarnsOnRecommendedFields()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var snapshot = Snapshot(dir, Catalogue);
        var noOwner = Finding(Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", owner: null)), snapshot), "a", "LedgerEntryComplete");
        Assert.Equal("Fail", Status(noOwner));
        Assert.Contains("owner", Message(noOwner));
        var noRef = Finding(Gate(ps, Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", changeRef: null)), snapshot), "a", "LedgerEntryComplete");
        Assert.Equal("Warn", Status(noRef));
        Assert.Contains("changeRef", Message(noRef));
    }

    [Fact]
    public void QuietReturnsOneBool()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var snapshot = Snapshot(dir, Catalogue);
        var good = ps.Run("Test-ModelLedger $l $s -Quiet", new() { ["l"] = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13")), ["s"] = snapshot });
        Assert.Equal(true, Assert.Single(good.Output).BaseObject); // a warning alone does not fail
        var bad = ps.Run("Test-ModelLedger $l $s -Quiet", new() { ["l"] = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", null)), ["s"] = snapshot });
        Assert.Equal(false, Assert.Single(bad.Output).BaseObject);
    }

    [Fact]
    public void PipelineEntriesAndModelObjectsWorkLikeFiles()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run(@"
$models = 'gpt-4o-2024-08-06','gpt-4o-2024-05-13' | ForEach-Object { [ModelLedger.CometModel]@{ Id = $_; OwnedBy = 'openai'; Object = 'model'; Created = [datetimeoffset]::UtcNow; CapturedAt = [datetimeoffset]::UtcNow } }
Get-ModelLedger $l | Test-ModelLedger -Model $models -Check RollbackModelAvailable, CurrentModelAvailable",
            new() { ["l"] = Ledger(dir, Entry("a", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13"), Entry("b", "gpt-4o-2024-08-06", "gone")) });
        Assert.Empty(run.AllErrors);
        Assert.Equal(4, run.Output.Count);
        Assert.Equal("Fail", Status(Finding(run.Output.ToList(), "b", "RollbackModelAvailable")));
        Assert.Equal("Pass", Status(Finding(run.Output.ToList(), "a", "CurrentModelAvailable")));
    }

    [Theory]
    [InlineData("@{ a = 5 }", "not a model ID string")]
    [InlineData("@{ a = @{ Model = 'x' } }", "not ModelId or RoutingChanged")]
    [InlineData("@{ a = @{ RoutingChanged = $true } }", "has no ModelId")]
    public void MalformedDeployedIsATerminatingDeployedInvalid(string deployed, string problem)
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run($"Test-ModelLedger $l $s -Deployed {deployed}", new() { ["l"] = Repo.File("examples", "data", "ledger.json"), ["s"] = Repo.File("examples", "data", "models-snapshot.json") });
        var e = ErrorAssert.Single(run, "DeployedInvalid", ErrorCategory.InvalidArgument);
        Assert.Contains(problem, e.Exception.Message);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void JUnitReportHasTheShapePublishTestResultsReads()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var xml = dir.File("out/gate.xml");
        var findings = Gate(ps, Repo.File("examples", "data", "ledger.json"), Repo.File("examples", "data", "models-snapshot.json"), "-OutputFormat JUnit -OutputPath $x -ConfigRoot $root", new() { ["x"] = xml, ["root"] = Repo.File("examples", "data", "release") });
        var doc = XDocument.Load(xml);
        var suites = doc.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        var suite = Assert.Single(suites.Elements("testsuite"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(findings.Count, cases.Count);
        Assert.Equal(findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)suite.Attribute("tests"));
        var failing = cases.Where(c => c.Element("failure") != null).ToList();
        Assert.Equal(findings.Count(f => Status(f) == "Fail").ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)suite.Attribute("failures"));
        Assert.Equal((string?)suite.Attribute("failures"), failing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(cases, c => { Assert.NotNull(c.Attribute("classname")); Assert.NotNull(c.Attribute("name")); Assert.NotNull(c.Attribute("time")); });
        var fail = Assert.Single(failing);
        Assert.Equal("report-writer", (string?)fail.Attribute("classname"));
        Assert.Equal("RollbackModelAvailable", (string?)fail.Attribute("name"));
        Assert.False(string.IsNullOrEmpty((string?)fail.Element("failure")!.Attribute("message")));
        Assert.NotNull(suite.Attribute("timestamp"));
        Assert.DoesNotContain(Directory.GetFiles(dir.File("out")), f => f.Contains(".mltmp-"));
    }

    [Fact]
    public void MarkdownReportIsATableForAChangeTicket()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var md = dir.File("gate.md");
        Gate(ps, Repo.File("examples", "data", "ledger.json"), Repo.File("examples", "data", "models-snapshot.json"), "-OutputFormat Markdown -OutputPath $x", new() { ["x"] = md });
        var text = File.ReadAllText(md);
        Assert.StartsWith("**Gate result: FAILED**", text);
        Assert.Contains("| Service | Check | Status | Model ID | Message |", text);
        Assert.Contains("| report-writer | RollbackModelAvailable | Fail | `gpt-4.1-2025-04-14` |", text);
    }

    [Fact]
    public void OutputFormatWithoutPathIsRefused()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $l $s -OutputFormat JUnit", new() { ["l"] = Repo.File("examples", "data", "ledger.json"), ["s"] = Repo.File("examples", "data", "models-snapshot.json") });
        ErrorAssert.Single(run, "OutputFormatIncomplete", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void WhatIfDoesNotWriteTheReport()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var xml = dir.File("gate.xml");
        var findings = Gate(ps, Repo.File("examples", "data", "ledger.json"), Repo.File("examples", "data", "models-snapshot.json"), "-OutputFormat JUnit -OutputPath $x -WhatIf", new() { ["x"] = xml });
        Assert.NotEmpty(findings);
        Assert.False(File.Exists(xml));
    }

    [Fact]
    public void DefaultTableShowsStatusAsPlainTextWhenRenderingIsPlain()
    {
        using var ps = new PowerShellHarness();
        var text = ps.Render("Test-ModelLedger $l $s -Check RollbackModelAvailable", new() { ["l"] = Repo.File("examples", "data", "ledger.json"), ["s"] = Repo.File("examples", "data", "models-snapshot.json") }).HostText;
        Assert.Contains("report-writer", text);
        Assert.Contains("Fail", text);
        Assert.Contains("gpt-4.1-2025-04-14", text);
        Assert.False(text.Contains("\u001b[", StringComparison.Ordinal), text);
    }

    [Fact]
    public void ALargeLedgerReportsProgressWithAPercentageAndCompletes()
    {
        using var dir = new TempDir();
        var entries = Enumerable.Range(0, 2500).Select(i => GateFiles.Entry("svc-" + i, "m" + i, "r" + i)).ToArray();
        var ledger = GateFiles.Ledger(dir, entries);
        var snapshot = GateFiles.Snapshot(dir, Enumerable.Range(0, 2500).SelectMany(i => new[] { "m" + i, "r" + i }));
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $l -SnapshotPath $s -Quiet", new() { ["l"] = ledger, ["s"] = snapshot });
        Assert.Equal(true, run.Output.Single().BaseObject);
        Assert.Equal(new[] { "1000 entries checked", "2000 entries checked" }, run.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription));
        Assert.Equal(new[] { 40, 80 }, run.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.PercentComplete));
        Assert.Equal(ProgressRecordType.Completed, run.Progress.Last().RecordType);
    }
}

[Collection("ProcessEnvironment")]
public class TestModelLedgerAzureDevOpsTests
{
    [Fact]
    public void UnderAzureDevOpsFailuresAndWarningsBecomeLoggingCommands()
    {
        var before = Environment.GetEnvironmentVariable("TF_BUILD");
        Environment.SetEnvironmentVariable("TF_BUILD", "True");
        try
        {
            using var ps = new PowerShellHarness();
            var run = ps.Run("$null = Test-ModelLedger $l $s -ConfigRoot $root", new() { ["l"] = Repo.File("examples", "data", "ledger.json"), ["s"] = Repo.File("examples", "data", "models-snapshot.json"), ["root"] = Repo.File("examples", "data", "release") });
            var lines = run.HostText.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("##vso[", StringComparison.Ordinal)).ToList();
            Assert.Contains(lines, l => l.StartsWith("##vso[task.logissue type=error;code=RollbackModelAvailable]report-writer RollbackModelAvailable: ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("##vso[task.logissue type=warning;code=EmergencyAlternative]report-writer", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("##vso[task.logissue type=warning;code=RollbackModelAvailable]search-summarizer", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("support-router"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TF_BUILD", before);
        }
        using var outside = new PowerShellHarness();
        var quiet = outside.Run("$null = Test-ModelLedger $l $s", new() { ["l"] = Repo.File("examples", "data", "ledger.json"), ["s"] = Repo.File("examples", "data", "models-snapshot.json") });
        Assert.DoesNotContain("##vso[", quiet.HostText);
    }
}
