using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.Module.Tests;

/// <summary>Tab completion through TabExpansion2, as the console does it.</summary>
public class CompletionTests
{
    private static List<string> Complete(PowerShellHarness ps, string line) =>
        ps.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText", new() { ["line"] = line })
          .Output.Select(o => o.ToString()!).ToList();

    [Fact]
    public void ConfigKeyCompletesFromTheEntrysRefsForTheConfigsFileName()
    {
        using var ps = new PowerShellHarness();
        ps.Run("$ExecutionContext.SessionState.Path.SetLocation($RepoRoot)");
        Assert.Equal(new[] { "'model_list[model_name=report-writer].litellm_params.model#openai/{id}'" },
            Complete(ps, "Invoke-RollbackDryRun -LedgerPath ./examples/data/ledger.json -Service report-writer -ConfigPath ./staging/config.yaml -ConfigKey "));
        Assert.Equal(new[] { "'model_list[model_name=report-writer].litellm_params.model#openai/{id}'", "REPORT_WRITER_MODEL" },
            Complete(ps, "Invoke-RollbackDryRun -LedgerPath ./examples/data/ledger.json -Service report-writer -ConfigKey "));
        Assert.DoesNotContain(Complete(ps, "Invoke-RollbackDryRun -LedgerPath ./examples/data/ledger.json -Service nobody -ConfigKey "), c => c.Contains("model_list"));
    }

    [Fact]
    public void ServiceCompletesFromTheLedgerOnTheLineRelativeToTheCurrentLocation()
    {
        using var ps = new PowerShellHarness();
        ps.Run("$ExecutionContext.SessionState.Path.SetLocation($RepoRoot)");
        Assert.Equal(new[] { "report-writer", "search-summarizer", "support-router" }, Complete(ps, "Get-ModelLedger -Path ./examples/data/ledger.json -Service "));
        Assert.Equal(new[] { "search-summarizer", "support-router" }, Complete(ps, "Get-ModelLedger ./examples/data/ledger.json -Service S"));
        Assert.Equal(new[] { "support-router" }, Complete(ps, "Invoke-RollbackDryRun -LedgerPath ./examples/data/ledger.json -Service su"));
    }

    [Fact]
    public void ServiceNamesThatNeedQuotesAreQuoted()
    {
        using var dir = new TempDir();
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("billing bot", "m", "r"), GateFiles.Entry("it's-ok", "m", "r"));
        using var ps = new PowerShellHarness();
        Assert.Equal(new[] { "'billing bot'", "'it''s-ok'" }, Complete(ps, $"Get-ModelLedger -Path '{ledger}' -Service "));
    }

    [Fact]
    public void IdCompletesFromTheSnapshotOnTheLine()
    {
        using var ps = new PowerShellHarness();
        ps.Run("$ExecutionContext.SessionState.Path.SetLocation($RepoRoot)");
        var ids = Complete(ps, "Get-CometModel -SnapshotPath ./examples/data/models-snapshot.json -Id gpt-4");
        Assert.Contains("gpt-4o-2024-08-06", ids);
        Assert.All(ids, id => Assert.StartsWith("gpt-4", id));
    }

    [Fact]
    public void CheckCompletesTheGateCheckNames()
    {
        using var ps = new PowerShellHarness();
        Assert.Equal(new[] { "RollbackModelAvailable", "RollbackModelDefined", "RollbackOwner", "RollbackWindowOpen" }, Complete(ps, "Test-ModelLedger -Check Rollback").OrderBy(x => x));
    }

    [Fact]
    public void CompletionNeverThrowsOnAMissingOrBrokenFile()
    {
        using var dir = new TempDir();
        var broken = dir.Write("broken.json", "{ not json");
        using var ps = new PowerShellHarness();
        var run = ps.Run("(TabExpansion2 -inputScript $l -cursorColumn $l.Length).CompletionMatches.Count", new() { ["l"] = $"Get-ModelLedger -Path '{broken}' -Service " });
        Assert.Empty(run.AllErrors);
        Assert.DoesNotContain(Complete(ps, $"Get-CometModel -SnapshotPath '{dir.File("none.json")}' -Id g"), c => c.StartsWith("gpt", System.StringComparison.Ordinal));
    }
}
