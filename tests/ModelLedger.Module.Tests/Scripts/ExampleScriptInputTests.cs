using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Each example script under real pwsh with a misspelled parameter, a missing input and a failing input: it never
/// falls back to the example data once given input, and every exit code its help documents holds.
/// </summary>
public class ExampleScriptInputTests
{
    // [CmdletBinding()]: pwsh refuses the misspelled name before the script runs (exit 1, nothing on stdout), where
    // before it was ignored and the example data was judged instead. (A prefix of a real name, -Ledger for
    // -LedgerPath, is PowerShell's own abbreviation and binds.)
    [Theory]
    [InlineData("examples/release-gate.ps1", "-LedgerFile")]
    [InlineData("examples/drift-check.ps1", "-LedgerFile")]
    [InlineData("examples/ledger-review.ps1", "-LedgerFile")]
    [InlineData("examples/promote-model.ps1", "-NewModelName")]
    [InlineData("examples/release-evidence.ps1", "-PreviousLedgerFile")]
    [InlineData("examples/rollback-dry-run.ps1", "-ConfigFile")]
    [InlineData("examples/runbook-walkthrough.ps1", "-LedgerPath")]
    [InlineData("examples/snapshot-models.ps1", "-OutputSnapshot")]
    [InlineData("examples/register-drift-check-task.ps1", "-LedgerFile")]
    public void AMisspelledParameterStopsTheScriptBeforeItRuns(string script, string wrong)
    {
        using var dir = new TempDir();
        var (code, output, err) = RealPwsh.Example(script, wrong, dir.File("x.json"));
        Assert.Equal(1, code);
        Assert.Contains($"A parameter cannot be found that matches parameter name '{wrong.TrimStart('-')}'", err);
        Assert.Equal("", output.Trim());
    }

    [Theory]
    [InlineData("examples/release-gate.ps1", 2, "-LedgerPath needs -SnapshotPath (a saved snapshot) or -Live", "-LedgerPath", "LEDGER")]
    [InlineData("examples/release-gate.ps1", 2, "-SnapshotPath was given without -LedgerPath", "-SnapshotPath", "LEDGER")]
    [InlineData("examples/drift-check.ps1", 2, "-LedgerPath is required", "-ReferencePath", "LEDGER")]
    [InlineData("examples/drift-check.ps1", 2, "pass -SnapshotFolder, or both -ReferencePath and -DifferencePath", "-LedgerPath", "LEDGER")]
    [InlineData("examples/rollback-dry-run.ps1", 2, "-Service, -ConfigPath missing", "-LedgerPath", "LEDGER")]
    [InlineData("examples/release-evidence.ps1", 2, "-PreviousLedgerPath, -SnapshotPath missing", "-LedgerPath", "LEDGER")]
    [InlineData("examples/promote-model.ps1", 2, "-SnapshotPath, -Service, -NewModelId missing", "-LedgerPath", "LEDGER")]
    [InlineData("examples/ledger-review.ps1", 2, "LedgerNotFound", "-LedgerPath", "NOPE")]
    [InlineData("examples/runbook-walkthrough.ps1", 1, "does not belong to the set", "-Service", "nope")]
    public void AMissingInputIsTheCouldNotRunExitCodeWithTheReasonNeverTheExample(string script, int expected, string reason, string parameter, string value)
    {
        using var dir = new TempDir();
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var arg = value switch { "LEDGER" => ledger, "NOPE" => dir.File("nope.json"), _ => value };
        var (code, output, err) = RealPwsh.Example(script, parameter, arg);
        Assert.True(code == expected, $"exit {code}\n{output}\n{err}");
        Assert.Contains(reason, (err + output).Replace("\n", " ").Replace("  ", " "));
        foreach (var example in new[] { "support-router", "embedded example", "READY", "Release may proceed", "Evidence verified" })
            Assert.DoesNotContain(example, output);
    }

    [Fact]
    public void ReleaseEvidenceWithAConfigAndNoServiceSaysToNameOne()
    {
        using var dir = new TempDir();
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var snapshot = Snapshot(dir, new[] { "m1", "m0" });
        var config = dir.Write("staging.json", "{ \"model\": \"m1\" }");
        var run = RealPwsh.RunCommand($"& ./examples/release-evidence.ps1 -LedgerPath '{ledger}' -PreviousLedgerPath '{ledger}' -SnapshotPath '{snapshot}' " +
            $"-ConfigPath '{config}' -ProbeScript {{ 'm0' }} -OutputPath '{dir.File("evidence")}'; 'exit=' + $LASTEXITCODE");
        Assert.Contains("exit=2", run.PlainOut);
        Assert.Contains("-ConfigPath rehearses one service: name it with -Service.", run.PlainErr.Replace("\n", " "));
        Assert.DoesNotContain("NullArray", run.PlainErr);
        Assert.False(Directory.Exists(dir.File("evidence")));
    }

    [Fact]
    public void ReleaseGateOnTheOperatorsDataIsJudgedAsOfNowAndBlocksOnAFailedCheck()
    {
        using var dir = new TempDir();
        // Captured two days ago: fresh as of the example's date would be judged stale now (a warning, not a pass).
        var snapshot = Snapshot(dir, new[] { "m1" }, System.DateTimeOffset.UtcNow.AddDays(-2));
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var (code, output, err) = RealPwsh.Example("examples/release-gate.ps1", "-LedgerPath", ledger, "-SnapshotPath", snapshot, "-JUnitPath", dir.File("g.xml"));
        Assert.True(code == 1, output + err);
        Assert.Contains("RELEASE BLOCKED by these checks (service, check, model ID):\n  svc\n    RollbackModelAvailable\n      m0", output.Replace("\r", ""));
        Assert.Contains("older than", output);
        Assert.DoesNotContain("embedded example", output);
        // Without -ConfigRoot the release's own files were not read, and the output says so.
        Assert.Contains("Not checked: what the release ships (DeployedMatchesLedger). Pass -ConfigRoot", System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "));
    }

    [Fact]
    public void DriftCheckHonoursBaseUriInSnapshotFolderMode()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels("m1", "m0");
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var env = new Dictionary<string, string> { ["COMETAPI_API_KEY"] = CometApiTestKit.NewKey() };   // no COMETAPI_BASE_URL
        var (code, output, err) = RealPwsh.Example(env, "examples/drift-check.ps1", "-SnapshotFolder", dir.File("snaps"), "-LedgerPath", ledger, "-BaseUri", api.BaseUri);
        Assert.True(code == 0, output + err);
        Assert.Contains("First snapshot captured", output);
        Assert.Equal(1, api.RequestCount);
    }

    // Without a key the advice is in the script's own terms (it has no -ApiKey or -SnapshotPath), the error ID kept.
    [Fact]
    public void DriftCheckWithoutAKeySaysWhatToDoInTheScriptsOwnTerms()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels("m1", "m0");
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var (code, output, err) = RealPwsh.Example("examples/drift-check.ps1", "-SnapshotFolder", dir.File("snaps"), "-LedgerPath", ledger, "-BaseUri", api.BaseUri);
        Assert.True(code == 2, output + err);
        var text = System.Text.RegularExpressions.Regex.Replace(err, @"\s+", " ");
        Assert.Contains("Drift check could not run: no snapshot was captured [CometApiKeyMissing]:", text);
        Assert.Contains("Set COMETAPI_API_KEY (one -CredentialLabel) or COMETAPI_API_KEY_<LABEL>", text);
        Assert.Contains("compare two saved snapshots with -ReferencePath and -DifferencePath", text);
        Assert.DoesNotContain("-ApiKey", err);
        Assert.DoesNotContain("-SnapshotPath", err);
        Assert.All(err.Replace("\r", "").Split('\n'), line => Assert.True(line.Length <= 80, line));
        Assert.Equal(0, api.RequestCount);
    }

    [Fact]
    public void ReleaseGateLiveWithoutAKeySaysWhatToDoInTheScriptsOwnTerms()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels("m1", "m0");
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var (code, output, err) = RealPwsh.Example("examples/release-gate.ps1", "-LedgerPath", ledger, "-Live", "-BaseUri", api.BaseUri, "-CredentialLabel", "production");
        Assert.True(code == 2, output + err);
        var text = System.Text.RegularExpressions.Regex.Replace(output + err, @"\s+", " ");
        Assert.Contains("[CometApiKeyMissing]: no CometAPI key was given. Set COMETAPI_API_KEY", text);
        Assert.Contains("gate a saved snapshot with -SnapshotPath instead of -Live", text);
        Assert.DoesNotContain("-ApiKey", output + err);
        Assert.Equal(0, api.RequestCount);
    }

    [Fact]
    public void ReleaseGateLiveHonoursBaseUriAndPrintsTheCaptureWarningWrappedToEightyColumns()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels("m1", "m0");
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var env = new Dictionary<string, string> { ["COMETAPI_API_KEY"] = CometApiTestKit.NewKey() };   // no COMETAPI_BASE_URL
        var run = RealPwsh.RunFile("examples/release-gate.ps1", new[] { "-LedgerPath", ledger, "-Live", "-BaseUri", api.BaseUri, "-JUnitPath", dir.File("g.xml") }, env);
        Assert.True(run.Code == 0, run.ToString());
        Assert.Equal(1, api.RequestCount);
        // No -CredentialLabel: Get-CometModel's warning, once, wrapped within 80 columns and without colour.
        Assert.Contains("WARNING: The snapshot records no credential class: pass -CredentialLabel", System.Text.RegularExpressions.Regex.Replace(run.Out, @"\s+", " "));
        Assert.False(run.Out.Contains('\u001b', System.StringComparison.Ordinal), run.Out.Replace("\u001b", "<ESC>"));
        Assert.DoesNotContain("WARNING", run.Err);
        Assert.All(run.Out.Replace("\r", "").Split('\n'), line => Assert.True(line.Length <= 80, line));

        var without = RealPwsh.Example("examples/release-gate.ps1", "-LedgerPath", ledger, "-SnapshotPath", Snapshot(dir, new[] { "m1", "m0" }), "-BaseUri", api.BaseUri);
        Assert.True(without.Code == 2, without.Out + without.Err);
        Assert.Contains("-BaseUri is used only with -Live", without.Err);
        var insecure = RealPwsh.Example(env, "examples/release-gate.ps1", "-LedgerPath", ledger, "-Live", "-BaseUri", "http://models.example.invalid", "-JUnitPath", dir.File("h.xml"));
        Assert.True(insecure.Code == 2, insecure.Out + insecure.Err);
        Assert.Contains("CometApiInsecureTransport", insecure.Err);
        Assert.Equal(1, api.RequestCount);
    }

    [Fact]
    public void PromoteModelExitsTwoOnARefusedIdAsDocumented()
    {
        using var dir = new TempDir();
        var ledger = Ledger(dir, Entry("svc", "m1", "m0"));
        var snapshot = Snapshot(dir, new[] { "m1", "m0" });
        var (code, output, err) = RealPwsh.Example("examples/promote-model.ps1", "-LedgerPath", ledger, "-SnapshotPath", snapshot,
            "-Service", "svc", "-NewModelId", "totally-made-up-model", "-WorkPath", dir.File("work"));
        Assert.True(code == 2, output + err);
        Assert.Contains("ModelIdNotInSnapshot", err);
        Assert.DoesNotContain("PROMOTED", output);
    }

    // On the operator's data the evidence folder is theirs: -OutputPath, or one named after their -ChangeRef; never
    // the example's CHG-1042 folder (which a second run found not empty: EvidenceFolderNotEmpty).
    [Fact]
    public void ReleaseEvidenceOnTheOperatorsDataWritesToTheirChangeRefsFolderOrNeedsOutputPath()
    {
        using var dir = new TempDir();
        var before = Ledger(dir, Entry("svc", "m0", "m9"));
        var after = Ledger(dir, Entry("svc", "m1", "m0"));
        var snapshot = Snapshot(dir, new[] { "m1", "m0" });
        var inputs = new[] { "-LedgerPath", after, "-PreviousLedgerPath", before, "-SnapshotPath", snapshot };

        var none = RealPwsh.Example("examples/release-evidence.ps1", inputs);
        Assert.True(none.Code == 2, none.Out + none.Err);
        Assert.Contains("-OutputPath missing: name the evidence folder, or pass -ChangeRef", System.Text.RegularExpressions.Regex.Replace(none.Err, @"\s+", " "));
        Assert.DoesNotContain("CHG-1042", none.Out + none.Err);

        var reference = "team/CHG-" + System.Guid.NewGuid().ToString("N").Substring(0, 8);
        var folder = Path.Combine(Path.GetTempPath(), "modelledger-evidence", reference.Replace('/', '_'));
        try
        {
            var (code, output, err) = RealPwsh.Example("examples/release-evidence.ps1", inputs.Concat(new[] { "-ChangeRef", reference }).ToArray());
            Assert.True(code == 1, output + err);   // no dry run: Missing, but written and verified
            Assert.Contains("Evidence folder:\n  " + folder + "\n", output.Replace("\r", ""));
            Assert.Contains("Evidence verified", output);
            Assert.DoesNotContain("CHG-1042", output + err);
            Assert.Contains(reference, File.ReadAllText(Path.Combine(folder, "summary.md")));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    // The issue's case: two services changed, one dry run (handed over as CLIXML) for one of them.
    [Fact]
    public void ReleaseEvidenceOnTheOperatorsDataExitsOneWhenAChangedServiceWasNeverRehearsed()
    {
        using var dir = new TempDir();
        var before = Ledger(dir, Entry("alpha", "a-old", "a-older"), Entry("beta", "b-old", "b-older"));
        var after = Ledger(dir, Entry("alpha", "a-new", "a-old"), Entry("beta", "b-new", "b-old"));
        var snapshot = Snapshot(dir, new[] { "a-new", "a-old", "b-new", "b-old" });
        var dry = dir.File("dry-alpha.xml");
        var saved = RealPwsh.RunCommand("[ModelLedger.DryRunResult]@{ Service = 'alpha'; RollbackModelId = 'a-old'; ObservedModelId = 'a-old'; Restored = $true; Status = 'Passed' } | Export-Clixml '" + dry + "'");
        Assert.True(saved.Code == 0, saved.ToString());
        var (code, output, err) = RealPwsh.Example("examples/release-evidence.ps1", "-LedgerPath", after, "-PreviousLedgerPath", before, "-SnapshotPath", snapshot,
            "-DryRunPath", dry, "-ApprovedBy", "owner", "-OutputPath", dir.File("evidence"));
        Assert.True(code == 1, output + err);
        var text = output.Replace("\r", "");
        Assert.Contains("Evidence verified", text);
        Assert.Contains("EVIDENCE INCOMPLETE:\n  Missing for beta: I confirmed the application config uses exact model ID\n  strings.", text);
        Assert.Contains("Missing for beta: I verified the rollback action can be performed without a", text);
        Assert.DoesNotContain("Missing for alpha", text);
    }
}

/// <summary>Every example script's own output fits 80 columns under real pwsh; a long ID or path is printed whole on its own line.</summary>
public class ExampleScriptWidthTests
{
    private static readonly string LongId = "vendor-model-" + new string('x', 58) + "-2026-03-17-preview";   // 90 characters

    private static void AssertFits(string output, string script, bool printsTheId = true)
    {
        Assert.Equal(90, LongId.Length);
        var lines = output.Replace("\r", "").Split('\n');
        foreach (var line in lines)
            Assert.True(line.Length <= 80 || !line.Trim().Contains(' '), $"{script}: a line of {line.Length} columns:\n{line}");
        if (printsTheId) Assert.True(lines.Any(l => l.Trim() == LongId), $"{script} never printed the 90-character ID whole on its own line:\n{output}");
    }

    [Fact]
    public void ReleaseGateDriftCheckPromotionAndReviewFitEightyColumnsWithANinetyCharacterId()
    {
        using var dir = new TempDir();
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("svc", "m1", LongId));
        var withId = GateFiles.Snapshot(dir, new[] { "m1", LongId, "m2" });
        var withoutId = GateFiles.Snapshot(dir, new[] { "m1", "m2" });

        var gate = RealPwsh.Example("examples/release-gate.ps1", "-LedgerPath", ledger, "-SnapshotPath", withoutId, "-JUnitPath", dir.File("g.xml"));
        Assert.True(gate.Code == 1, gate.Out + gate.Err);
        AssertFits(gate.Out, "release-gate");

        var drift = RealPwsh.Example("examples/drift-check.ps1", "-ReferencePath", withId, "-DifferencePath", withoutId, "-LedgerPath", ledger);
        Assert.True(drift.Code == 3, drift.Out + drift.Err);
        AssertFits(drift.Out, "drift-check");

        var promote = RealPwsh.Example("examples/promote-model.ps1", "-LedgerPath", GateFiles.Ledger(dir, GateFiles.Entry("svc", "m1", "m0")), "-SnapshotPath", withId,
            "-Service", "svc", "-NewModelId", LongId, "-WorkPath", dir.File("work"), "-ApprovedBy", "owner");
        Assert.True(promote.Code == 0, promote.Out + promote.Err);
        AssertFits(promote.Out, "promote-model");

        var review = RealPwsh.Example("examples/ledger-review.ps1", "-LedgerPath", ledger);
        Assert.True(review.Code == 0, review.Out + review.Err);
        AssertFits(review.Out, "ledger-review", printsTheId: false);
    }
}
