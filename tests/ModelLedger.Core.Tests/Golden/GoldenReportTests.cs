using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using ModelLedger.Evidence;
using ModelLedger.Gate;
using ModelLedger.Ledger;
using ModelLedger.Snapshots;

namespace ModelLedger.Core.Tests.Golden;

/// <summary>
/// Golden files pin the reports people and pipelines read: findings.junit.xml, findings.md and summary.md, for the
/// example data and for hostile values (a "##vso[" command after a newline, a backtick, a bidi override, a character
/// outside the BMP, a forged -ApprovedBy paragraph). Every input is fixed (times, account, version), so any change to
/// the output is a diff to review.
///
/// To regenerate after an intended change, run the tests with MODELLEDGER_UPDATE_GOLDEN=1 and review the diff:
///     MODELLEDGER_UPDATE_GOLDEN=1 dotnet test tests/ModelLedger.Core.Tests --filter FullyQualifiedName~GoldenReportTests
///     git diff tests/ModelLedger.Core.Tests/Golden/
/// The files are compared with line endings normalized to LF.
/// </summary>
public class GoldenReportTests
{
    private static readonly DateTimeOffset ReleaseTime = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static string Here([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    private static string RepoFile(params string[] parts) => Path.Combine(new[] { Here(), "..", "..", ".." }.Concat(parts).ToArray());

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(Here(), name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("MODELLEDGER_UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"No golden file {path}: run with MODELLEDGER_UPDATE_GOLDEN=1 to create it, then review it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    private static List<LedgerFinding> ExampleFindings()
    {
        // As the README's main job gates it: with the example release and its baseline checkout.
        var snapshot = SnapshotReader.ReadFile(RepoFile("examples", "data", "models-snapshot.json"));
        var release = new ReleaseCheckout(RepoFile("examples", "data", "release"), RepoFile("examples", "data", "release-baseline"));
        var gate = new GateEvaluator(snapshot, new GateOptions { AsOf = ReleaseTime, CredentialLabels = new[] { "production" }, ReleaseCheckout = release });
        var ledger = LedgerReader.ReadFile(RepoFile("examples", "data", "ledger.json"));
        release.Register(ledger);
        var findings = gate.SnapshotFindings().ToList();
        foreach (var entry in ledger) findings.AddRange(gate.Evaluate(entry));
        findings.AddRange(gate.Finish());
        return findings;
    }

    private const string Injected = "gpt-4o\n##vso[task.setvariable variable=GATE_OK]true";

    private static List<LedgerFinding> HostileFindings() => new()
    {
        new() { Service = "svc`|\n# Approved", Check = CheckNames.CurrentModelAvailable, Status = FindingStatus.Fail, ModelId = Injected, Message = $"'{Injected}' is not in the snapshot." },
        new() { Service = "bidi\u202Etxt.exe", Check = CheckNames.RollbackModelAvailable, Status = FindingStatus.Warn, ModelId = "a`b``c", Message = "ESC \u001b[2J and NUL \0 in a message." },
        new() { Service = "emoji", Check = CheckNames.RollbackModelDefined, Status = FindingStatus.Pass, ModelId = "model-\U0001F600", Message = "Rollback ID recorded." },
    };

    [Fact]
    public void ExampleFindingsAsJUnit() => AssertGolden("example.findings.junit.xml", FindingReport.ToJUnitXml(ExampleFindings(), timestamp: ReleaseTime));

    [Fact]
    public void ExampleFindingsAsMarkdown() => AssertGolden("example.findings.md", FindingReport.ToMarkdown(ExampleFindings()));

    [Fact]
    public void HostileFindingsAsJUnit() => AssertGolden("hostile.findings.junit.xml", FindingReport.ToJUnitXml(HostileFindings(), timestamp: ReleaseTime));

    [Fact]
    public void HostileFindingsAsMarkdown() => AssertGolden("hostile.findings.md", FindingReport.ToMarkdown(HostileFindings()));

    [Fact]
    public void ExampleSummary() => AssertGolden("example.summary.md", Summary(RepoFile("examples", "data", "ledger.json"), "j.doe (platform-ai)", ExampleFindings()));

    [Fact]
    public void HostileSummary()
    {
        using var t = new TempFiles();
        var ledger = t.Write("ledger.json",
            "{ \"schemaVersion\": 1, \"entries\": [ { \"service\": \"svc\\n## Injected heading\", \"currentModelId\": \"" + Injected.Replace("\n", "\\n") + "\", " +
            "\"rollbackModelId\": \"back`tick|pipe\", \"owner\": \"o\", \"rollbackOwner\": \"r\\u202E\", \"changeRef\": \"CHG-1\\n![img](http://e/x.png)\", " +
            "\"notes\": \"line one\\n\\n# Heading\\n<img src=x>\" } ] }");
        AssertGolden("hostile.summary.md", Summary(ledger, "j.doe\n\n**APPROVED BY CISO**", HostileFindings()));
    }

    private static string Summary(string ledger, string approvedBy, List<LedgerFinding> findings)
    {
        using var t = new TempFiles();
        var request = new EvidenceRequest
        {
            LedgerPath = ledger,
            ApprovedBy = approvedBy,
            ApprovedAt = ReleaseTime,
            RecordedBy = "release-bot",
            CreatedAt = ReleaseTime,
            ModuleVersion = "0.0.0-golden",
        };
        request.SnapshotPaths.Add(RepoFile("examples", "data", "models-snapshot.json"));
        request.Findings.AddRange(findings);
        request.DryRuns.Add(new DryRunResult
        {
            Service = findings.Select(f => f.Service).First(s => s != null), Status = DryRunStatus.Passed, ForwardModelId = "gpt-5.4-mini-2026-03-17",
            RollbackModelId = "gpt-4o-2024-08-06", ObservedModelId = "gpt-4o-2024-08-06", SwitchedAt = ReleaseTime.AddMinutes(-20), RestoredAt = ReleaseTime.AddMinutes(-19), Restored = true,
        });
        var bundle = EvidenceWriter.Write(Path.Combine(t.Dir, "bundle"), request, force: false);
        return File.ReadAllText(Path.Combine(bundle.Path, "summary.md"));
    }
}
