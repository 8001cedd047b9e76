using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Model IDs, ledger values and server text from a hostile source, through the cmdlets: no sink the module writes
/// to (stream messages, error messages, the Azure DevOps log, Markdown) carries a line break, an ESC sequence or a
/// "##vso[" command of theirs, while the output objects and JSON keep every value exact.
/// </summary>
[Collection("ProcessEnvironment")]
public class HostileTextTests
{
    private const string Injected = "gpt-4o\n##vso[task.setvariable variable=GATE_OK]true";
    private const string HostileService = "svc\n##vso[task.complete result=Succeeded]\u001b[2J\u202E";

    private static void AssertNoInjectedLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var at = line.IndexOf("##vso[", StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            Assert.True(at == 0 && line.StartsWith("##vso[task.logissue ", StringComparison.Ordinal), $"an injected logging command: {line}");
            Assert.Equal(-1, line.IndexOf("##vso[", 1, StringComparison.OrdinalIgnoreCase));
        }
        Assert.False(text.Contains('\u001b'), "a raw ESC: " + text);
        Assert.False(text.Contains('\u202E'), "a raw bidi override: " + text);
    }

    private static string StreamText(ScriptRun run) => string.Join("\n", run.Verbose.Select(v => v.Message).Concat(run.Warnings.Select(w => w.Message))
        .Concat(run.AllErrors.Select(e => e.Exception.Message)).Concat(run.AllErrors.Select(e => e.ToString())));

    [Fact]
    public void AHostileListAndLedgerReachTheAzureDevOpsLogOnlyAsTheModulesOwnCommands()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels(Injected, Injected, "gpt-4o-2024-05-13");
        var snapshot = dir.File("models.json");
        var ledger = Ledger(dir, Entry(HostileService, Injected, "missing\n##vso[task.setvariable variable=X]1"));
        var tfBuild = Environment.GetEnvironmentVariable("TF_BUILD");
        try
        {
            Environment.SetEnvironmentVariable("TF_BUILD", "True");
            using var ps = new PowerShellHarness();
            var capture = RunWithKey(ps, "Get-CometModel -BaseUri $api -ApiKey $key -RetryIntervalSec 0 -NoCache -OutSnapshot $s -CredentialLabel ci -PassThru -Verbose",
                api, NewKey(), new() { ["s"] = snapshot });
            Assert.Contains(capture.Output, o => (string)o.Properties["Id"].Value == Injected); // the data stays exact
            Assert.NotEmpty(capture.Warnings); // the duplicate ID is warned about, escaped
            AssertNoInjectedLine(StreamText(capture) + "\n" + capture.HostText);

            var gate = ps.Run("Test-ModelLedger -Path $l -SnapshotPath $s -Verbose", new() { ["l"] = ledger, ["s"] = snapshot });
            Assert.Contains(gate.Output, o => (string?)o.Properties["Service"].Value == HostileService && (string?)o.Properties["ModelId"].Value == Injected);
            Assert.Contains("##vso[task.logissue type=error", gate.HostText);
            AssertNoInjectedLine(StreamText(gate) + "\n" + gate.HostText);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TF_BUILD", tfBuild);
        }
    }

    [Fact]
    public void QuotedServerErrorTextIsShownOnOneLine()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.Error(400, "invalid_request", "bad\n##vso[task.complete result=Succeeded]done\u001b[31m");
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "Get-CometModel -BaseUri $api -ApiKey $key -RetryIntervalSec 0 -NoCache", api, NewKey());
        var error = Assert.Single(run.AllErrors);
        Assert.StartsWith("CometApiRequestRejected,", error.FullyQualifiedErrorId);
        Assert.DoesNotContain('\n', error.Exception.Message);
        // The client already turns the body's control characters into spaces; the command prefix is escaped here.
        Assert.Contains(@"#\u0023vso[task.complete result=Succeeded]done", error.Exception.Message);
        AssertNoInjectedLine(StreamText(run));
    }

    [Fact]
    public void SnapshotDifferencesOfferADisplayFormAndKeepTheIdExact()
    {
        using var dir = new TempDir();
        var before = Snapshot(dir, new[] { "gpt-4o" });
        var after = Snapshot(dir, new[] { "gpt-4o", Injected });
        using var ps = new PowerShellHarness();
        var run = ps.Run("Compare-CometModelSnapshot $a $b | ForEach-Object { $_.Id; $_.DisplayId(); $_.ToString() }", new() { ["a"] = before, ["b"] = after });
        Assert.Empty(run.AllErrors);
        var values = run.Output.Select(o => (string)o.BaseObject).ToList();
        Assert.Equal(Injected, values[0]);
        Assert.Equal(@"gpt-4o\n#\u0023vso[task.setvariable variable=GATE_OK]true", values[1]);
        AssertNoInjectedLine(values[2]);
    }

    [Fact]
    public void ForgedApprovalParagraphsAndInjectedHeadingsStayInsideTheirLineOfSummaryMd()
    {
        using var dir = new TempDir();
        var ledger = Ledger(dir, Entry("svc", "m1", "m2"));
        var json = File.ReadAllText(ledger).Replace("\"changeRef\":\"CHG-1\"", "\"changeRef\":\"CHG-1\",\"notes\":\"n\\n\\n# Injected\\n![x](http://e/x.png)\"");
        File.WriteAllText(ledger, json);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Export-RollbackEvidence -Path $out -LedgerPath $l -ApprovedBy $who -WarningAction SilentlyContinue",
            new() { ["out"] = dir.File("bundle"), ["l"] = ledger, ["who"] = "j.doe\n\n**APPROVED BY CISO**" });
        Assert.Empty(run.AllErrors);
        var summary = File.ReadAllLines(Path.Combine(dir.File("bundle"), "summary.md"));
        Assert.DoesNotContain(summary, l => l.StartsWith("**APPROVED", StringComparison.Ordinal) || l.StartsWith("# Injected", StringComparison.Ordinal) || l.StartsWith("![", StringComparison.Ordinal));
        Assert.Contains(summary, l => l.StartsWith("Approved by j.doe\\\\n\\\\n\\*\\*APPROVED BY CISO\\*\\* at ", StringComparison.Ordinal));
        using var approval = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("bundle"), "approval.json")));
        Assert.Equal("j.doe\n\n**APPROVED BY CISO**", approval.RootElement.GetProperty("approvedBy").GetString()); // the JSON keeps it exact
    }
}
