using System;
using System.Management.Automation;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The COMETAPI_API_KEY / COMETAPI_BASE_URL defaults. Environment variables are process-wide, so every test that
/// touches them lives in this one class (xunit runs a class's tests one after another) and restores them.
/// </summary>
[Collection("ProcessEnvironment")]
public class GetCometModelEnvironmentTests
{
    private static void WithEnvironment(string? baseUri, string? key, Action body)
    {
        var oldBase = Environment.GetEnvironmentVariable("COMETAPI_BASE_URL");
        var oldKey = Environment.GetEnvironmentVariable("COMETAPI_API_KEY");
        try
        {
            Environment.SetEnvironmentVariable("COMETAPI_BASE_URL", baseUri);
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", key);
            body();
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMETAPI_BASE_URL", oldBase);
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", oldKey);
        }
    }

    [Fact]
    public void BaseUriAndKeyDefaultToTheEnvironment()
    {
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        WithEnvironment(api.BaseUri, key, () =>
        {
            using var ps = new PowerShellHarness();
            var run = ps.Run("Get-CometModel -NoCache -Verbose | ForEach-Object Id");
            AssertNoLeak(run, key);
            Assert.Empty(run.AllErrors);
            Assert.Equal(3, run.Output.Count);
            Assert.Equal("Bearer " + key, Assert.Single(api.Requests).Header("Authorization"));
            Assert.Contains(run.Verbose, v => v.Message.Contains("COMETAPI_API_KEY"));
        });
    }

    [Fact]
    public void ExplicitParametersWinOverTheEnvironment()
    {
        using var api = new FakeCometApi.FakeCometApi();
        var envKey = NewKey();
        var key = NewKey();
        WithEnvironment("http://127.0.0.1:1", envKey, () =>
        {
            using var ps = new PowerShellHarness();
            var run = RunWithKey(ps, "Get-CometModel -BaseUri $api -ApiKey $key -NoCache", api, key);
            AssertNoLeak(run, envKey);
            Assert.Empty(run.AllErrors);
            Assert.Equal("Bearer " + key, Assert.Single(api.Requests).Header("Authorization"));
        });
    }

    [Fact]
    public void MissingKeyIsCometApiKeyMissingAndNothingIsSent()
    {
        using var api = new FakeCometApi.FakeCometApi();
        WithEnvironment(api.BaseUri, null, () =>
        {
            using var ps = new PowerShellHarness();
            var run = ps.Run("Get-CometModel -NoCache");
            var error = ErrorAssert.Single(run, "CometApiKeyMissing", ErrorCategory.InvalidArgument);
            Assert.Contains("COMETAPI_API_KEY", error.Exception.Message);
            Assert.Contains("-ApiKey", error.Exception.Message);
            Assert.Equal(0, api.RequestCount);
        });
    }

    [Fact]
    public void DefaultBaseUriIsCometApiOverHttps()
    {
        // Only the insecure-transport guard is exercised with a real default: an http COMETAPI_BASE_URL to a
        // non-loopback host. The default itself is checked without a request.
        var key = NewKey();
        WithEnvironment("http://api.example.invalid", key, () =>
        {
            using var ps = new PowerShellHarness();
            var run = ps.Run("Get-CometModel -NoCache");
            AssertNoLeak(run, key);
            ErrorAssert.Single(run, "CometApiInsecureTransport", ErrorCategory.SecurityError);
        });
        using var ps2 = new PowerShellHarness();
        // ModelsEndpoint is internal to the core: called by reflection on the module's own copy.
        const string resolve = "[ModelLedger.ErrorIds].Assembly.GetType('ModelLedger.Client.ModelsEndpoint', $true).GetMethod('Resolve')";
        Assert.Equal("https://api.cometapi.com/v1/models", ps2.Run(resolve + ".Invoke($null, @($null)).AbsoluteUri").Output[0].BaseObject);
        Assert.Equal("https://gw.example.invalid/v1/models", ps2.Run(resolve + ".Invoke($null, @('https://gw.example.invalid/v1')).AbsoluteUri").Output[0].BaseObject);
    }
}
