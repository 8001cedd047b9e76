using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Every cmdlet, run with a canary key in $env:COMETAPI_API_KEY (and as -ApiKey where it takes one), with
/// -Verbose and -Debug, in Azure DevOps mode: all six streams, the host text, every error and exception, and
/// every file the run wrote are scanned for the key.
/// </summary>
[Collection("ProcessEnvironment")]
public class SecretHygieneTests
{
    public static TheoryData<string, string> EveryCmdlet => new()
    {
        { "Get-ModelLedger", "Get-ModelLedger $ledger -Verbose -Debug; Get-ModelLedger $work/missing.json" },
        { "Test-ModelLedger", "Test-ModelLedger $ledger -SnapshotPath $snapshot -AsOf '2026-11-24T09:00:00Z' -OutputFormat JUnit -OutputPath $work/gate.xml -Verbose; " +
                              "Test-ModelLedger $ledger -SnapshotPath $snapshot -OutputFormat Markdown -OutputPath $work/gate.md -CredentialLabel production" },
        { "Compare-CometModelSnapshot", "Compare-CometModelSnapshot -ReferencePath $previous -DifferencePath $snapshot -LedgerPath $ledger -Verbose" },
        { "Get-CometModel (env key)", "Get-CometModel -BaseUri $api -NoCache -OutSnapshot $work/snap.json -CredentialLabel production -PassThru -Verbose -Debug" },
        { "Get-CometModel (-ApiKey)", "Get-CometModel -BaseUri $api -ApiKey $key -NoCache -Id missing-model -Verbose" },
        { "Get-CometModel (rejected)", "Get-CometModel -BaseUri $api -NoCache -MaximumRetryCount 0 -Id echo-401 -Verbose" },
        { "Get-CometModel (insecure)", "Get-CometModel -BaseUri 'http://models.example.invalid' -ApiKey $key -NoCache" },
        { "Get-CometModel (key in -BaseUri)", "Get-CometModel -BaseUri \"htps://api.example.invalid/?api_key=$env:COMETAPI_API_KEY\" -NoCache -Verbose; " +
                                              "Get-CometModel -BaseUri $env:COMETAPI_API_KEY -NoCache; Get-CometModel -BaseUri \"$api/$env:COMETAPI_API_KEY\" -NoCache -OutSnapshot $work/path.json -PassThru -Verbose" },
        { "Get-CometModel (hostile list)", "Get-CometModel -BaseUri $api -ApiKey $key -NoCache -OutSnapshot $work/hostile.json -PassThru -Verbose" },
        { "Invoke-RollbackDryRun", "Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.chat.model -ProbeScript { param($c) $c.ExpectedModelId } -WorkloadScript { throw 'workload failed' } -Verbose" },
    };

    [Theory]
    [MemberData(nameof(EveryCmdlet))]
    public void TheKeyAppearsNowhere(string cmdlet, string script)
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        // The server echoes the Authorization header back in its error text, as a misbehaving proxy might.
        api.Handler = r => cmdlet.Contains("rejected")
            ? FakeResponse.Error(401, "invalid_api_key", "bad token " + r.Header("Authorization"), "rq-echo")
            : cmdlet.Contains("hostile")
                ? FakeResponse.CometModels("gpt-5.4-mini-2026-03-17", key) // a server that lists the key as a model
                : FakeResponse.CometModels("gpt-5.4-mini-2026-03-17", "gpt-4o-2024-08-06", "claude-haiku-4-5-20251001");
        var config = dir.File("staging.json");
        File.Copy(Repo.File("examples", "data", "staging", "support-router.config.json"), config);
        var vars = new Dictionary<string, object?>
        {
            ["work"] = dir.Path, ["config"] = config,
            ["ledger"] = Repo.File("examples", "data", "ledger.json"),
            ["snapshot"] = Repo.File("examples", "data", "models-snapshot.json"),
            ["previous"] = Repo.File("examples", "data", "models-snapshot-previous.json"),
        };
        var before = Environment.GetEnvironmentVariable("COMETAPI_API_KEY");
        var tfBuild = Environment.GetEnvironmentVariable("TF_BUILD");
        try
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", key);
            Environment.SetEnvironmentVariable("TF_BUILD", "True");
            using var ps = new PowerShellHarness();
            ps.Run("$DebugPreference = 'Continue'");
            var run = RunWithKey(ps, script, api, key, vars);   // scans streams, host text, errors, exceptions, output properties
            Assert.True(run.Output.Count + run.AllErrors.Count() > 0, $"{cmdlet}: the script did nothing");
            AssertFolderHasNoKey(dir.Path, key);
            Assert.All(api.Requests.Skip(1), r => Assert.DoesNotContain(key, r.Target));
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", before);
            Environment.SetEnvironmentVariable("TF_BUILD", tfBuild);
        }
    }
}
