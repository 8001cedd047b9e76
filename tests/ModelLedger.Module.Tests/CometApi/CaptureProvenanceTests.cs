using System.Linq;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>The facts of a capture (source, time, credential label) travel with the models, from a live call as from a snapshot.</summary>
public class CaptureProvenanceTests
{
    private static readonly string Ledger = Repo.File("examples", "data", "ledger.json");

    private static string LabelCheck(ScriptRun run) => run.Output
        .Where(o => (string?)o.Properties["Check"]?.Value == "CredentialLabelMatches")
        .Select(o => o.Properties["Status"].Value!.ToString()!).Single();

    [Fact]
    public void LiveModelsCarryTheCredentialLabelIntoTheGateJustAsASnapshotDoes()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var vars = new System.Collections.Generic.Dictionary<string, object?> { ["ledger"] = Ledger, ["snap"] = dir.File("snap.json") };

        var live = RunWithKey(ps, "$m = Get-CometModel -BaseUri $api -ApiKey $key -CredentialLabel production; Test-ModelLedger $ledger -Model $m -CredentialLabel production", api, key, vars);
        Assert.Equal("Pass", LabelCheck(live));

        // From the session cache (no -NoCache: no request), the same call's label still applies.
        var cached = RunWithKey(ps, "$m = @(Get-CometModel -BaseUri $api -ApiKey $key -CredentialLabel production); Test-ModelLedger $ledger -Model $m -CredentialLabel production", api, key, vars);
        Assert.Equal("Pass", LabelCheck(cached));
        Assert.Equal(1, api.RequestCount);

        var fromSnapshot = RunWithKey(ps, "Get-CometModel -BaseUri $api -ApiKey $key -NoCache -CredentialLabel production -OutSnapshot $snap; Test-ModelLedger $ledger -Model (Get-CometModel -SnapshotPath $snap) -CredentialLabel production", api, key, vars);
        Assert.Equal("Pass", LabelCheck(fromSnapshot));

        // The label belongs to the call: the same cached list fetched under another label is not production's.
        var personal = RunWithKey(ps, "$m = Get-CometModel -BaseUri $api -ApiKey $key -CredentialLabel personal; Test-ModelLedger $ledger -Model $m -CredentialLabel production", api, key, vars);
        Assert.Equal("Fail", LabelCheck(personal));
    }

    [Fact]
    public void TheModelsOfOneCaptureShareOneRecord()
    {
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "$m = Get-CometModel -BaseUri $api -ApiKey $key -NoCache -CredentialLabel production; " +
                                 "[object]::ReferenceEquals($m[0].Capture, $m[-1].Capture); $m[0].Capture.CredentialLabel; $m[-1].CredentialLabel; $m[0].Capture.ResponseSha256.Length", api, key);
        Assert.Empty(run.AllErrors);
        Assert.Equal(new object[] { true, "production", "production", 64 }, run.Output.Select(o => o.BaseObject).ToArray());
    }
}
