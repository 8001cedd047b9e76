using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Module.Tests;

/// <summary>Get-ModelLedger returns configRefs as ConfigRefs (string[]) from JSON and from CSV's one ';'-separated column.</summary>
public class GetModelLedgerConfigRefsTests
{
    [Fact]
    public void JsonRefsAreAStringArrayScriptsCanQuery()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger $ledger | Where-Object { $_.ConfigRefs -like 'deploy/litellm/config.yaml#*' } | ForEach-Object { $_.Service + '=' + $_.ConfigRefs.Count }",
            new() { ["ledger"] = Repo.File("examples", "data", "ledger.json") });
        Assert.Empty(run.AllErrors);
        Assert.Equal(new[] { "report-writer=2", "search-summarizer=2" }, run.Output.Select(o => o.ToString()));
        var type = ps.Run("(Get-ModelLedger $ledger -Service support-router).ConfigRefs.GetType().FullName", new() { ["ledger"] = Repo.File("examples", "data", "ledger.json") });
        Assert.Equal("System.String[]", type.Output.Single().ToString());
    }

    [Fact]
    public void CsvRefsAreOneColumnSeparatedBySemicolons()
    {
        using var dir = new TempDir();
        var csv = dir.Write("ledger.csv", "service,currentModelId,owner,configRefs\nreport-writer,gpt-5.1-2025-11-13,data,\"deploy/litellm/config.yaml#model_list[model_name=report-writer].litellm_params.model#openai/{id}; deploy/compose/.env#REPORT_WRITER_MODEL\"\n");
        using var ps = new PowerShellHarness();
        var run = ps.Run("(Get-ModelLedger $ledger).ConfigRefs", new() { ["ledger"] = csv });
        Assert.Empty(run.AllErrors);
        Assert.Equal(new[] { "deploy/litellm/config.yaml#model_list[model_name=report-writer].litellm_params.model#openai/{id}", "deploy/compose/.env#REPORT_WRITER_MODEL" },
            run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void AMalformedCsvRefIsLedgerInvalidNamingTheColumn()
    {
        using var dir = new TempDir();
        var csv = dir.Write("ledger.csv", "service,configRefs\nreport-writer,deploy/compose/.env\n");
        using var ps = new PowerShellHarness();
        var error = ErrorAssert.Single(ps.Run("Get-ModelLedger $ledger", new() { ["ledger"] = csv }), "LedgerInvalid", ErrorCategory.InvalidData);
        Assert.Contains("line 2, field 'configRefs'", error.Exception.Message);
        Assert.Contains("no '#<key>'", error.Exception.Message);
    }
}
