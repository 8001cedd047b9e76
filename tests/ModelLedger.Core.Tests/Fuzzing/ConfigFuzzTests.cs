using System.Linq;
using System.Text;
using ModelLedger.Config;
using ModelLedger.Core.Tests.Config;
using Xunit.Abstractions;

namespace ModelLedger.Core.Tests.Fuzzing;

/// <summary>
/// Mutated YAML and .env configs (LiteLLM, Helm values with anchors, compose) through locate and switch: only the
/// documented config errors may escape, never a raw exception from the parser or from the in-place edit.
/// </summary>
public class ConfigFuzzTests
{
    private const int CiIterations = 5_000;
    private readonly ITestOutputHelper _output;

    public ConfigFuzzTests(ITestOutputHelper output) => _output = output;

    private static readonly string[] Allowed =
        { ErrorIds.DryRunConfigInvalid, ErrorIds.DryRunConfigKeyNotFound, ErrorIds.DryRunConfigUnsupported };

    private static void LocateAndSwitch(string path, byte[] bytes, string key)
    {
        var at = ConfigFile.Parse(path, bytes).Locate(null, ConfigKeyPath.Parse(key));
        if (at.IsString) ConfigScalarSwitch.Replace(at, "gpt-4.1-2025-04-14");
    }

    private void Check(FuzzOutcome outcome)
    {
        _output.WriteLine(outcome.ToString());
        Assert.True(outcome.Failures.Count == 0, string.Join("\n", outcome.Failures.Where(f => f.Length > 0)));
        Assert.True(outcome.Accepted > 0, "no mutated input parsed: " + outcome);
        Assert.True(outcome.Rejected > 0, "no mutated input was rejected: " + outcome);
    }

    [Fact]
    public void YamlConfigsOnlyEverRaiseConfigErrors() =>
        Check(FuzzRun.Run("config.yaml", new[] { Encoding.UTF8.GetBytes(RealConfigs.LiteLlm), Encoding.UTF8.GetBytes(RealConfigs.HelmValues) },
            b => LocateAndSwitch("fuzz.yaml", b, "model_list[model_name=report-writer].litellm_params.model"), Allowed, FuzzRun.Iterations(CiIterations), FuzzRun.Seed + 10));

    [Fact]
    public void DotEnvConfigsOnlyEverRaiseConfigErrors() =>
        Check(FuzzRun.Run(".env", new[] { Encoding.UTF8.GetBytes(RealConfigs.ComposeEnv) },
            b => LocateAndSwitch(".env", b, "REPORT_WRITER_MODEL"), Allowed, FuzzRun.Iterations(CiIterations), FuzzRun.Seed + 11));
}
