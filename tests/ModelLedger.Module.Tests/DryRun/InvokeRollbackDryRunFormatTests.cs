using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;

namespace ModelLedger.Module.Tests;

/// <summary>Invoke-RollbackDryRun on YAML, .env and JSON configs taken from the example release tree.</summary>
public class InvokeRollbackDryRunFormatTests
{
    private static readonly string Ledger = Repo.File("examples", "data", "ledger.json");

    // A probe for each format that re-reads the file as the application would and reports the ID it sends.
    internal const string LiteLlmProbe = "{ param($ctx) [regex]::Match([System.IO.File]::ReadAllText($ctx.ConfigPath), '(?m)model_name: report-writer\\s+litellm_params:\\s+model: openai/(\\S+)').Groups[1].Value }";
    internal const string EnvProbe = "{ param($ctx) [regex]::Match([System.IO.File]::ReadAllText($ctx.ConfigPath), '(?m)^REPORT_WRITER_MODEL=\"([^\"]*)\"').Groups[1].Value }";
    internal const string AppSettingsProbe = "{ param($ctx) [regex]::Match([System.IO.File]::ReadAllText($ctx.ConfigPath), '\"Model\": \"([^\"]*)\"').Groups[1].Value }";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // service, file in the release tree, -ConfigKey ('' = taken from the ledger's ref), probe, switched text
        { "report-writer", "deploy/litellm/config.yaml", "", LiteLlmProbe, "model: openai/gpt-4.1-2025-04-14" },
        { "report-writer", "deploy/litellm/config.yaml", "model_list[model_name=report-writer].litellm_params.model#openai/{id}", LiteLlmProbe, "model: openai/gpt-4.1-2025-04-14" },
        { "report-writer", "deploy/compose/.env", "", EnvProbe, "REPORT_WRITER_MODEL=\"gpt-4.1-2025-04-14\"" },
        { "support-router", "services/support-router/appsettings.json", "", AppSettingsProbe, "\"Model\": \"gpt-4o-2024-08-06\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachFormatSwitchesOnlyTheScalarAndRestoresByteForByte(string service, string file, string configKey, string probe, string switchedText)
    {
        using var dir = new TempDir();
        var config = Path.Combine(ReleaseTree.Copy(dir), file.Replace('/', Path.DirectorySeparatorChar));
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        var key = configKey.Length > 0 ? $"-ConfigKey '{configKey}' " : "";
        var run = ps.Run($"$global:saw = $null; Invoke-RollbackDryRun {service} -LedgerPath $ledger -ConfigPath $config {key}-ProbeScript {probe} " +
                         "-WorkloadScript { param($ctx) $global:saw = [System.IO.File]::ReadAllText($ctx.ConfigPath) }",
            new() { ["ledger"] = Ledger, ["config"] = config });
        Assert.Empty(run.AllErrors);
        var result = DryRunView.Single(run);
        Assert.Equal("Passed", result.Status);
        Assert.True(result.Restored);
        var during = (string)ps.GetVariable("saw")!;
        Assert.Contains(switchedText, during);
        // Only the scalar changed while switched: same length difference as the two IDs, everything else equal.
        var original = Encoding.UTF8.GetString(before);
        Assert.Equal(original.Length + result.RollbackModelId!.Length - result.ForwardModelId!.Length, during.Length);
        Assert.Equal(before, File.ReadAllBytes(config));
        Assert.False(File.Exists(config + ".dryrun-journal.json"));
    }

    [Fact]
    public void ConfigFormatOverridesAFileNameThatSaysNothing()
    {
        using var dir = new TempDir();
        var config = dir.Write("router-settings", "# rendered by the chart\nMODEL=gpt-4o-2024-08-06\n");
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("support-router", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13"));
        using var ps = new PowerShellHarness();
        var vars = new Dictionary<string, object?> { ["ledger"] = ledger, ["config"] = config };
        var unnamed = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey MODEL -ProbeScript { 'x' }", vars);
        ErrorAssert.Single(unnamed, "DryRunConfigInvalid", ErrorCategory.InvalidData);
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey MODEL -ConfigFormat DotEnv -ProbeScript { param($c) ([System.IO.File]::ReadAllText($c.ConfigPath) -split '=|\\n')[2] }", vars);
        Assert.Empty(run.AllErrors);
        Assert.Equal("Passed", DryRunView.Single(run).Status);
    }

    [Fact]
    public void AMultiDocumentManifestNeedsConfigDocument()
    {
        using var dir = new TempDir();
        var config = dir.Write("app.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  MODEL: gpt-4o-2024-08-06\n---\napiVersion: apps/v1\nkind: Deployment\n");
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("support-router", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13"));
        using var ps = new PowerShellHarness();
        var vars = new Dictionary<string, object?> { ["ledger"] = ledger, ["config"] = config };
        var ambiguous = ErrorAssert.Single(ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey data.MODEL -ProbeScript { 'x' }", vars),
            "DryRunConfigInvalid", ErrorCategory.InvalidData);
        Assert.Contains("2 YAML documents", ambiguous.Exception.Message);
        var run = ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey data.MODEL -ConfigDocument 0 -ProbeScript { param($c) $c.ExpectedModelId }", vars);
        Assert.Empty(run.AllErrors);
        Assert.Equal("Passed", DryRunView.Single(run).Status);
    }

    [Theory]
    [InlineData("deployment.replicas", "holds a number")]
    [InlineData("probes.readiness", "")]
    public void AScalarThatCannotBeSwitchedInPlaceChangesNothing(string key, string extra)
    {
        using var dir = new TempDir();
        var root = ReleaseTree.Copy(dir);
        var config = Path.Combine(root, "deploy", "charts", "support-router", "values.yaml");
        // The value reaches deployment.* through the merge key <<: [*common, *probes]: switching it would change both.
        var text = File.ReadAllText(config).Replace("readiness: /healthz", "readiness: gpt-4o-2024-08-06");
        File.WriteAllText(config, text);
        var before = File.ReadAllBytes(config);
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("support-router", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13"));
        using var ps = new PowerShellHarness();
        var run = ps.Run($"Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey {(key == "probes.readiness" ? "deployment.readiness" : key)} -ProbeScript {{ 'x' }}",
            new() { ["ledger"] = ledger, ["config"] = config });
        if (extra.Length > 0)
        {
            var invalid = ErrorAssert.Single(run, "DryRunConfigInvalid", ErrorCategory.InvalidData);
            Assert.Contains(extra, invalid.Exception.Message);
        }
        else
        {
            var error = ErrorAssert.Single(run, "DryRunConfigUnsupported", ErrorCategory.InvalidOperation);
            Assert.Contains("merge key", error.Exception.Message);
            Assert.Contains("Nothing was changed", error.Exception.Message);
        }
        Assert.Equal(before, File.ReadAllBytes(config));
        Assert.False(File.Exists(config + ".dryrun-journal.json"));
    }

    [Fact]
    public void APlainScalarThatWouldNeedQuotesIsDryRunConfigUnsupported()
    {
        using var dir = new TempDir();
        var config = dir.Write("values.yaml", "llm:\n  model: gpt-4o-2024-08-06\n");
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("support-router", "gpt-4o-2024-08-06", "vendor: 2024"));
        using var ps = new PowerShellHarness();
        var error = ErrorAssert.Single(ps.Run("Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript { 'x' }",
            new() { ["ledger"] = ledger, ["config"] = config }), "DryRunConfigUnsupported", ErrorCategory.InvalidOperation);
        Assert.Contains("plain (unquoted) YAML", error.Exception.Message);
        Assert.Equal("llm:\n  model: gpt-4o-2024-08-06\n", File.ReadAllText(config));
    }

    [Fact]
    public void WithoutConfigKeyTheEntryMustHaveExactlyOneRefForTheFile()
    {
        using var dir = new TempDir();
        var config = dir.Write("other.yaml", "model: gpt-5.1-2025-11-13\n");
        using var ps = new PowerShellHarness();
        var error = ErrorAssert.Single(ps.Run("Invoke-RollbackDryRun report-writer -LedgerPath $ledger -ConfigPath $config -ProbeScript { 'x' }",
            new() { ["ledger"] = Ledger, ["config"] = config }), "DryRunConfigKeyNotFound", ErrorCategory.InvalidArgument);
        Assert.Contains("none of its configRefs names a file called 'other.yaml'", error.Exception.Message);
    }

    [Fact]
    public void AConfigThatDoesNotFitTheTemplateIsAMismatchAndNothingChanges()
    {
        using var dir = new TempDir();
        var root = ReleaseTree.Copy(dir);
        ReleaseTree.Edit(root, "deploy/litellm/config.yaml", "model: openai/gpt-5.1-2025-11-13", "model: azure/gpt-5.1-2025-11-13");
        var config = Path.Combine(root, "deploy", "litellm", "config.yaml");
        var before = File.ReadAllBytes(config);
        using var ps = new PowerShellHarness();
        var error = ErrorAssert.Single(ps.Run("Invoke-RollbackDryRun report-writer -LedgerPath $ledger -ConfigPath $config -ProbeScript { 'x' }",
            new() { ["ledger"] = Ledger, ["config"] = config }), "DryRunConfigMismatch", ErrorCategory.InvalidData);
        Assert.Contains("does not fit the template 'openai/{id}'", error.Exception.Message);
        Assert.Contains("line 6", error.Exception.Message);
        Assert.Equal(before, File.ReadAllBytes(config));
    }
}
