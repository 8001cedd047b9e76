using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text.Json;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>Get-CometModel against a real HTTP server on 127.0.0.1: the contract, filtering, snapshots, cache, secrets.</summary>
public class GetCometModelTests
{
    private const string Call = "Get-CometModel -BaseUri $api -ApiKey $key -RetryIntervalSec 0 -TimeoutSec 20";

    [Fact]
    public void ReturnsOneCometModelPerIdInResponseOrderAndSendsOnlyTheDocumentedRequest()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.CometModels("zeta-model", "gpt-5.4-mini-2026-03-17", "alpha"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache", api, key);
        Assert.Empty(run.AllErrors);
        Assert.All(run.Output, o => Assert.Equal("ModelLedger.CometModel", o.TypeNames[0]));
        var models = Models(run);
        Assert.Equal(new[] { "zeta-model", "gpt-5.4-mini-2026-03-17", "alpha" }, models.Select(m => m.Id));
        Assert.All(models, m =>
        {
            Assert.Equal("custom", m.OwnedBy);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1626777600), m.Created);
            Assert.Equal("model", m.Object);
            Assert.Equal(api.BaseUri + "/v1/models", m.Source);
            Assert.Equal(TimeSpan.Zero, m.CapturedAt!.Value.Offset);
        });

        var request = Assert.Single(api.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/models", request.Target);
        Assert.Equal("Bearer " + key, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Null(request.Header("Content-Length"));
        Assert.Null(request.Header("Cookie"));
        var names = request.Headers.Select(h => h.Key.ToLowerInvariant()).OrderBy(n => n).ToArray();
        Assert.Subset(new[] { "accept", "authorization", "host", "user-agent", "connection", "traceparent" }.ToHashSet(), names.ToHashSet());
    }

    [Fact]
    public void IgnoresExtraFieldsMissingObjectAndPlaceholderCreated()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.Json(200, "{\"success\":true,\"data\":[" +
            "{\"id\":\"a\",\"created\":0,\"owned_by\":\"x\",\"supported_endpoint_types\":[\"openai\",\"anthropic\"],\"extra\":{\"deep\":[1,{\"k\":null}]}}," +
            "{\"id\":\"b\",\"object\":\"model\",\"created\":\"not-a-number\",\"owned_by\":null}]," +
            "\"has_more\":false,\"links\":{\"next\":null},\"total\":2}"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache", api, key);
        Assert.Empty(run.AllErrors);
        var models = Models(run);
        Assert.Equal(new[] { "a", "b" }, models.Select(m => m.Id));
        Assert.Null(models[0].Object);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(0), models[0].Created);
        Assert.Null(models[1].Created);
        Assert.Null(models[1].OwnedBy);
    }

    [Fact]
    public void OpenAiShapedListAlsoWorks()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.OpenAiModels("gpt-4o-2024-08-06", "gpt-4o-2024-05-13"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache | ForEach-Object Id", api, key);
        Assert.Equal(new[] { "gpt-4o-2024-08-06", "gpt-4o-2024-05-13" }, run.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void IdFiltersExactlyAndNamesNearMissesAsHintsNeverAsMatches()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.CometModels("gpt-5.4-mini", "gpt-5.4-mini-2026-03-17", "GPT-4o", "claude-haiku-4-5-20251001"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache -Id 'gpt-5.4-mini', 'gpt-4o', ' gpt-5.4-mini-2026-03-17', 'claude-haiku-4-5', 'no-such-model'", api, key);
        Assert.Equal(new[] { "gpt-5.4-mini" }, Models(run).Select(m => m.Id));
        var errors = run.Errors;
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e =>
        {
            Assert.StartsWith("CometModelNotFound,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        });
        Assert.Equal("gpt-4o", errors[0].TargetObject);
        Assert.Contains("Near miss in the list: 'GPT-4o'", errors[0].Exception.Message);
        Assert.Contains("'gpt-5.4-mini-2026-03-17'", errors[1].Exception.Message);
        Assert.Contains("Near miss in the list: 'claude-haiku-4-5-20251001'", errors[2].Exception.Message);
        Assert.Contains("not a match", errors[2].Exception.Message);
        Assert.DoesNotContain("Near miss", errors[3].Exception.Message);
        Assert.Equal(1, api.RequestCount);
    }

    [Fact]
    public void IdsFromThePipelineAndByPropertyName()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels("m1", "m2", "m3");
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "'m3', 'm1', 'M2' | Get-CometModel -BaseUri $api -ApiKey $key -NoCache | ForEach-Object Id", api, key);
        Assert.Equal(new[] { "m3", "m1" }, run.Output.Select(o => (string)o.BaseObject));
        Assert.StartsWith("CometModelNotFound,", Assert.Single(run.Errors).FullyQualifiedErrorId);
        Assert.Equal(1, api.RequestCount);

        var byName = RunWithKey(ps, "[pscustomobject]@{ ModelId = 'm2' } | Get-CometModel -BaseUri $api -ApiKey $key -NoCache | ForEach-Object Id", api, key);
        Assert.Equal("m2", byName.Output.Single().BaseObject);
    }

    [Fact]
    public void DuplicateIdsAreReportedOnceEachWithAWarning()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.CometModels("a", "b", "a", "c", "b", "a"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache", api, key);
        Assert.Equal(new[] { "a", "b", "c" }, Models(run).Select(m => m.Id));
        Assert.Equal(2, run.Warnings.Count);
        Assert.Contains("'a' 3 times", run.Warnings[0].Message);
        Assert.Contains("'b' 2 times", run.Warnings[1].Message);
    }

    [Fact]
    public void OutSnapshotWritesTheArtifactAndSnapshotPathReadsItBackWithoutANetworkCall()
    {
        using var dir = new TempDir();
        var key = NewKey();
        var path = dir.File("models.snapshot.json");
        byte[] body;
        using (var api = new FakeCometApi.FakeCometApi())
        {
            var response = FakeResponse.CometModels("gpt-5.4-mini", "gpt-5.4-mini-2026-03-17");
            body = response.Body;
            api.Enqueue(response);
            using var ps = new PowerShellHarness();
            var before = DateTimeOffset.UtcNow.AddSeconds(-1);
            var run = RunWithKey(ps, Call + " -NoCache -OutSnapshot $out -CredentialLabel production -Id gpt-5.4-mini -PassThru", api, key, new() { ["out"] = path });
            Assert.Empty(run.AllErrors);
            Assert.Empty(run.Warnings);
            Assert.Equal("gpt-5.4-mini", Assert.Single(Models(run)).Id);

            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
            var captured = root.GetProperty("capturedAt").GetString()!;
            Assert.EndsWith("Z", captured);
            Assert.True(DateTimeOffset.Parse(captured, System.Globalization.CultureInfo.InvariantCulture) >= before);
            Assert.Equal(api.BaseUri + "/v1/models", root.GetProperty("source").GetString());
            Assert.Equal("production", root.GetProperty("credentialLabel").GetString());
            Assert.Equal(Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant(), root.GetProperty("responseSha256").GetString());
            // The snapshot is the whole inventory, not just -Id.
            Assert.Equal(new[] { "gpt-5.4-mini", "gpt-5.4-mini-2026-03-17" }, root.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
            Assert.Equal("custom", root.GetProperty("models")[0].GetProperty("ownedBy").GetString());
            Assert.Equal(1626777600, root.GetProperty("models")[0].GetProperty("created").GetInt64());
            AssertFolderHasNoKey(dir.Path, key);
            Assert.Single(Directory.GetFiles(dir.Path)); // no temp file left behind
        }

        // The server is gone: reading the snapshot must not need it.
        using var ps2 = new PowerShellHarness();
        var read = ps2.Run("Get-CometModel -SnapshotPath $p -Id 'gpt-5.4-mini-2026-03-17' -Verbose", new() { ["p"] = path });
        Assert.Empty(read.AllErrors);
        var model = Assert.Single(Models(read));
        Assert.Equal("gpt-5.4-mini-2026-03-17", model.Id);
        Assert.Equal(path, model.Source);
        Assert.Contains(read.Verbose, v => v.Message.Contains("no request is sent"));
    }

    [Fact]
    public void OutSnapshotWritesNothingToThePipelineUnlessPassThruLikeOutFile()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.CometModels("m1", "m2");
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var quiet = RunWithKey(ps, Call + " -NoCache -OutSnapshot $out -CredentialLabel ci -Id m2, missing", api, key, new() { ["out"] = dir.File("a.json") });
        Assert.Empty(quiet.Output);
        Assert.StartsWith("CometModelNotFound,", Assert.Single(quiet.Errors).FullyQualifiedErrorId);
        Assert.Contains("\"m1\"", File.ReadAllText(dir.File("a.json")));
        var passThru = RunWithKey(ps, Call + " -NoCache -OutSnapshot $out -CredentialLabel ci -PassThru", api, key, new() { ["out"] = dir.File("b.json") });
        Assert.Equal(new[] { "m1", "m2" }, Models(passThru).Select(m => m.Id));
    }

    [Fact]
    public void OutSnapshotReplacesAnExistingFileAndWhatIfWritesNothing()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        var path = dir.Write("snap.json", "old content");
        using var ps = new PowerShellHarness();
        var whatIf = RunWithKey(ps, Call + " -NoCache -OutSnapshot $out -CredentialLabel ci -WhatIf | Out-Null", api, key, new() { ["out"] = path });
        Assert.Empty(whatIf.AllErrors);
        Assert.Equal("old content", File.ReadAllText(path));

        var run = RunWithKey(ps, Call + " -NoCache -OutSnapshot $out | Out-Null", api, key, new() { ["out"] = path });
        Assert.Empty(run.AllErrors);
        Assert.Contains("-CredentialLabel", Assert.Single(run.Warnings).Message);
        Assert.Contains("\"gpt-5.4-mini\"", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\",\"models\":[{\"id\":7}]}", "models[].id")]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\"}", "models")]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\",\"models\":[{\"id\":\"a\"}", null)]
    public void ABadSnapshotIsSnapshotInvalidNamingFileAndField(string content, string? field)
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.json", content);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-CometModel -SnapshotPath $p", new() { ["p"] = path });
        var error = ErrorAssert.Single(run, "SnapshotInvalid", ErrorCategory.InvalidData);
        Assert.Contains(path, error.Exception.Message);
        if (field != null) Assert.Contains($"field '{field}'", error.Exception.Message);
        Assert.Empty(run.Output);

        var missing = ps.Run("Get-CometModel -SnapshotPath $p", new() { ["p"] = dir.File("nope.json") });
        ErrorAssert.Single(missing, "SnapshotNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void SessionCacheSendsOneRequestPerBaseUriAndKeyUnlessNoCache()
    {
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        var other = NewKey();
        using var ps = new PowerShellHarness();
        var first = RunWithKey(ps, Call + " -Verbose", api, key);
        Assert.Equal(3, first.Output.Count);
        var second = RunWithKey(ps, Call + " -Verbose", api, key);
        Assert.Equal(3, second.Output.Count);
        Assert.Equal(1, api.RequestCount);
        Assert.Contains(second.Verbose, v => v.Message.Contains("session cache"));
        Assert.Equal(Models(first)[0].CapturedAt, Models(second)[0].CapturedAt);

        // Another credential is another cache entry (a personal key may see other models).
        RunWithKey(ps, Call, api, other);
        Assert.Equal(2, api.RequestCount);
        Assert.Equal("Bearer " + other, api.Requests[1].Header("Authorization"));

        RunWithKey(ps, Call + " -NoCache", api, key);
        Assert.Equal(3, api.RequestCount);
        RunWithKey(ps, Call + " -CacheLifetimeSec 0", api, key);
        Assert.Equal(4, api.RequestCount);
        // A fresh answer refreshed the entry, which is still served.
        RunWithKey(ps, Call, api, key);
        Assert.Equal(4, api.RequestCount);
    }

    [Fact]
    public void CachedModelsAreCopiesThatCallersCannotCorrupt()
    {
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        using var ps = new PowerShellHarness();
        RunWithKey(ps, Call + " | ForEach-Object { $_.Id = 'tampered' }", api, key);
        var again = RunWithKey(ps, Call + " | ForEach-Object Id", api, key);
        Assert.Equal(1, api.RequestCount);
        Assert.DoesNotContain("tampered", again.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void EachAttemptIsOnTheVerboseStreamAndProgressShowsRetryWaits()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.Error(502, null, "bad gateway"), FakeResponse.CometModels("m"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache -Verbose", api, key);
        Assert.Empty(run.AllErrors);
        Assert.Equal("m", Assert.Single(Models(run)).Id);
        Assert.Contains(run.Verbose, v => v.Message.Contains("(attempt 1 of 4)"));
        Assert.Contains(run.Verbose, v => v.Message.Contains("(attempt 2 of 4)"));
        Assert.Contains(run.Progress, p => p.StatusDescription.Contains("HTTP 502: waiting") && p.StatusDescription.Contains("attempt 2 of 4"));
        Assert.Equal(2, api.RequestCount);
    }

    [Fact]
    public void PlainHttpToANonLoopbackHostIsRefusedBeforeAnyConnection()
    {
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "Get-CometModel -BaseUri 'http://example.invalid' -ApiKey $key -NoCache -MaximumRetryCount 0 -Verbose", null, key);
        var error = ErrorAssert.Single(run, "CometApiInsecureTransport", ErrorCategory.SecurityError);
        Assert.Contains("Nothing was sent", error.Exception.Message);
        Assert.Contains("https://", error.Exception.Message);
        // Had a connection been tried, DNS would have failed first (CometApiUnavailable) and a GET attempt would be logged.
        Assert.DoesNotContain(run.Verbose, v => v.Message.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public void RedirectToAnotherHostNeverCarriesTheKeyAndItsListIsNotEvidence()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.Redirect(api.LocalhostBaseUri + "/v1/models", 307), FakeResponse.CometModels("m"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache -Verbose", api, key);
        // The other host's list was fetched without the key, so it is no evidence for the credential: an error, no models.
        var error = ErrorAssert.Single(run, "CometApiAuthFailed", ErrorCategory.SecurityError);
        Assert.Contains("without the credential", error.Exception.Message);
        Assert.Empty(Models(run));
        Assert.Equal(2, api.RequestCount);
        Assert.Equal("Bearer " + key, api.Requests[0].Header("Authorization"));
        Assert.StartsWith("localhost:", api.Requests[1].Header("Host"));
        Assert.Null(api.Requests[1].Header("Authorization"));
        Assert.DoesNotContain(key, api.Requests[1].Raw);
        Assert.Contains(run.Verbose, v => v.Message.Contains("without the Authorization header"));
    }

    [Fact]
    public void CrossHostRedirectThatEndsIn401SaysTheKeyWasNotSentThere()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.Redirect(api.LocalhostBaseUri + "/v1/models"), FakeResponse.Error(401, "invalid_api_key", "no token"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache", api, key);
        var error = ErrorAssert.Single(run, "CometApiAuthFailed", ErrorCategory.AuthenticationError);
        Assert.Contains("redirected to another host", error.Exception.Message);
    }

    [Fact]
    public void SameHostRedirectToAModelsPathKeepsTheKey()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.Redirect("/api/v1/models", 308), FakeResponse.CometModels("m"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache", api, key);
        Assert.Empty(run.AllErrors);
        Assert.Equal("/api/v1/models", api.Requests[1].Target);
        Assert.Equal("Bearer " + key, api.Requests[1].Header("Authorization"));
    }

    [Fact]
    public void ServerTextEchoingTheKeyIsScrubbedFromErrors()
    {
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        api.Enqueue(FakeResponse.Error(401, "invalid_api_key", $"Incorrect API key provided: {key}; also {key.Substring(0, 20)}...", "20261124ABC"));
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache", api, key); // RunWithKey scans every stream for the key
        var error = ErrorAssert.Single(run, "CometApiAuthFailed", ErrorCategory.AuthenticationError);
        Assert.Contains("[redacted]", error.Exception.Message);
        Assert.DoesNotContain(key.Substring(0, 20), error.Exception.Message);
    }

    [Fact]
    public void VerboseAndDebugNeverContainTheKey()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.Error(503, "model_not_found", "busy"), FakeResponse.CometModels("m"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -NoCache -Verbose -Debug", api, key);
        Assert.NotEmpty(run.Verbose);
        Assert.Equal("m", Assert.Single(Models(run)).Id);
    }

    [Fact]
    public void DefaultTableShowsFullIds()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.CometModels("gpt-5.4-mini", "gpt-5.4-mini-2026-03-17", "claude-haiku-4-5-20251001"));
        var key = NewKey();
        using var ps = new PowerShellHarness(width: 60);
        var text = ps.Render(Call + " -NoCache", new() { ["api"] = api.BaseUri, ["key"] = Secure(key) }).HostText;
        foreach (var id in new[] { "gpt-5.4-mini-2026-03-17", "claude-haiku-4-5-20251001" }) Assert.Contains(id, text);
        Assert.Contains("Models from " + api.BaseUri, text);
        Assert.DoesNotContain("\u2026", text);
        Assert.DoesNotContain(key, text);
    }

    [Fact]
    public void ExampleSnapshotScriptCapturesASnapshotFromALoopbackServer()
    {
        using var api = new FakeCometApi.FakeCometApi();
        using var dir = new TempDir();
        var key = NewKey();
        var path = dir.File("models-snapshot.json");
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "& $script -BaseUri $api -ApiKey $key -OutSnapshot $out -CredentialLabel production", api, key,
            new() { ["script"] = Repo.File("examples", "snapshot-models.ps1"), ["out"] = path });
        Assert.Empty(run.AllErrors);
        Assert.True(File.Exists(path));
        Assert.Contains("\"gpt-5.4-mini-2026-03-17\"", File.ReadAllText(path));
        Assert.Contains("3 models", run.HostText);
        Assert.Contains(path, run.HostText);
        AssertFolderHasNoKey(dir.Path, key);
        Assert.Equal(1, api.RequestCount);
    }
}
