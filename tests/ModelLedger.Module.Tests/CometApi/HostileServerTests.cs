using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Servers (and typos) that try to get the canary key into what the module shows or writes: a redirect that puts it
/// in its Location, a list that names it as a model, a base URI that holds it, a message that splits it with NULs.
/// Each runs with the key given as -ApiKey only and again as $env:COMETAPI_API_KEY only, with -Verbose and Debug on,
/// and every stream, output object, error (message, target, category info, inner exceptions) and written file is
/// scanned for the key in every encoding (<see cref="KeyForms"/>).
/// </summary>
[Collection("ProcessEnvironment")]
public class HostileServerTests
{
    public sealed record Case(string Name, Func<FakeCometApi.FakeCometApi, string, FakeResponse[]> Responses, Func<FakeCometApi.FakeCometApi, string, string> BaseUri,
        string? ErrorId, ErrorCategory Category = ErrorCategory.NotSpecified, bool WritesSnapshot = false)
    {
        public override string ToString() => Name;
    }

    private static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static string EscapedEveryChar(string s) => string.Concat(s.Select(c => $"\\u{(int)c:x4}"));

    private static string NulSplit(string s) => string.Join("\\u0000", Enumerable.Range(0, (s.Length + 3) / 4).Select(i => s.Substring(i * 4, Math.Min(4, s.Length - i * 4))));

    private static FakeResponse ModelsBody(string rawJsonId) => FakeResponse.Json(200,
        "{\"success\":true,\"data\":[{\"id\":\"gpt-4o-2024-08-06\",\"object\":\"model\"},{\"id\":" + rawJsonId + ",\"object\":\"model\"}],\"object\":\"list\"}");

    private static string Api(FakeCometApi.FakeCometApi api, string key) => api.BaseUri;

    public static IEnumerable<Case> AllCases() => new[]
    {
        new Case("key in the userinfo of a redirect's Location", (api, key) => new[] { FakeResponse.Redirect($"http://{key}@localhost:{api.Port}/v1/models"), FakeResponse.CometModels("m") },
            Api, "CometApiSchemaMismatch", ErrorCategory.InvalidData),
        new Case("key in the userinfo of a same-host Location", (api, key) => new[] { FakeResponse.Redirect($"http://user:{key}@127.0.0.1:{api.Port}/v1/models", 307), FakeResponse.CometModels("m") },
            Api, "CometApiSchemaMismatch", ErrorCategory.InvalidData),
        new Case("key in the path of a cross-host Location", (api, key) => new[] { FakeResponse.Redirect($"http://localhost:{api.Port}/{key}/v1/models"), FakeResponse.CometModels("m") },
            Api, "CometApiAuthFailed", ErrorCategory.SecurityError),
        new Case("key in the query of a redirect to a login page", (api, key) => new[] { FakeResponse.Redirect($"http://localhost:{api.Port}/login?next={key}"), FakeResponse.Html() },
            Api, "CometApiSchemaMismatch", ErrorCategory.InvalidData),
        new Case("key listed as a model id", (_, key) => new[] { ModelsBody(Json(key)) }, Api, "CometApiKeyInResponse", ErrorCategory.SecurityError),
        new Case("key listed as a JSON-escaped model id", (_, key) => new[] { ModelsBody("\"" + EscapedEveryChar(key) + "\"") }, Api, "CometApiKeyInResponse", ErrorCategory.SecurityError),
        new Case("key listed as a model id split by NULs", (_, key) => new[] { ModelsBody("\"" + NulSplit(key) + "\"") }, Api, "CometApiKeyInResponse", ErrorCategory.SecurityError),
        new Case("key inside a longer model id", (_, key) => new[] { ModelsBody(Json("ft:gpt-4o:" + key + ":v1")) }, Api, "CometApiKeyInResponse", ErrorCategory.SecurityError),
        new Case("key as owned_by", (_, key) => new[] { FakeResponse.Json(200, "{\"data\":[{\"id\":\"m\",\"owned_by\":" + Json(key) + "}]}") }, Api, "CometApiKeyInResponse", ErrorCategory.SecurityError),
        new Case("key split by NULs in a server message", (_, key) => new[] { FakeResponse.Json(401, "{\"error\":{\"message\":\"bad key " + NulSplit(key) + " (request id: rq-nul)\",\"code\":\"invalid_api_key\"}}") },
            Api, "CometApiAuthFailed", ErrorCategory.AuthenticationError),
        new Case("key URL-encoded in a server message", (_, key) => new[] { FakeResponse.Error(401, "invalid_api_key", "GET /v1/models?key=" + Uri.EscapeDataString(key).Replace("-", "%2D")) },
            Api, "CometApiAuthFailed", ErrorCategory.AuthenticationError),
        new Case("key base64-encoded in a server message", (_, key) => new[] { FakeResponse.Error(401, "invalid_api_key", "bad key " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)) + " b64") },
            Api, "CometApiAuthFailed", ErrorCategory.AuthenticationError),
        new Case("key in the code and a request-id header", (_, key) => new[] { FakeResponse.Json(403, "{\"error\":{\"message\":\"no\",\"code\":" + Json(key) + "}}").WithHeader("X-Request-Id", key) },
            Api, "CometApiAuthFailed", ErrorCategory.PermissionDenied),
        new Case("key in the query of a mistyped scheme", (_, _) => Array.Empty<FakeResponse>(), (_, key) => $"htps://api.example.invalid/?api_key={key}", "CometApiBaseUriInvalid", ErrorCategory.InvalidArgument),
        new Case("key in the query of a base URI without a scheme", (_, _) => Array.Empty<FakeResponse>(), (_, key) => $"api.example.invalid/v1?key={key}", "CometApiBaseUriInvalid", ErrorCategory.InvalidArgument),
        new Case("key pasted as the base URI", (_, _) => Array.Empty<FakeResponse>(), (_, key) => key, "CometApiBaseUriInvalid", ErrorCategory.InvalidArgument),
        new Case("key in the userinfo of the base URI", (_, _) => Array.Empty<FakeResponse>(), (_, key) => $"https://{key}@api.example.invalid", "CometApiBaseUriInvalid", ErrorCategory.InvalidArgument),
        new Case("key in the query of a valid base URI", (_, _) => Array.Empty<FakeResponse>(), (api, key) => $"{api.BaseUri}/?key={Uri.EscapeDataString(key)}", "CometApiBaseUriInvalid", ErrorCategory.InvalidArgument),
        new Case("key in the path of the base URI", (_, _) => new[] { FakeResponse.CometModels("m") }, (api, key) => $"{api.BaseUri}/{key}", null, WritesSnapshot: true),
    };

    public static TheoryData<Case, string> Cases()
    {
        var data = new TheoryData<Case, string>();
        foreach (var c in AllCases())
            foreach (var via in new[] { "-ApiKey", "env" })
                data.Add(c, via);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheKeyReachesNoStreamObjectErrorOrFile(Case c, string via)
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        api.Enqueue(c.Responses(api, key));
        var snapshot = dir.File("snap.json");
        var keyArgument = via == "-ApiKey" ? "-ApiKey $key" : "";
        var before = Environment.GetEnvironmentVariable("COMETAPI_API_KEY");
        try
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", via == "env" ? key : null);
            using var ps = new PowerShellHarness();
            ps.Run("$DebugPreference = 'Continue'");
            var run = RunWithKey(ps,
                $"Get-CometModel -BaseUri $base {keyArgument} -NoCache -MaximumRetryCount 0 -OutSnapshot $snapshot -PassThru -CredentialLabel production -Verbose",
                api, key, new() { ["base"] = c.BaseUri(api, key), ["snapshot"] = snapshot });
            AssertFolderHasNoKey(dir.Path, key);

            if (c.ErrorId == null)
            {
                Assert.Empty(run.AllErrors);
                Assert.NotEmpty(Models(run));
            }
            else
            {
                var error = ErrorAssert.Single(run, c.ErrorId, c.Category);
                Assert.Empty(Models(run));   // fail closed: no model objects
                Assert.NotEmpty(error.Exception.Message);
            }
            Assert.Equal(c.WritesSnapshot, File.Exists(snapshot));
            if (c.WritesSnapshot)
                Assert.Contains("[redacted]", File.ReadAllText(snapshot)); // the source says a part of the URL was withheld
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", before);
        }
    }

    [Fact]
    public void ASnapshotFileListingTheKeyIsRefusedNotShown()
    {
        using var dir = new TempDir();
        var key = NewKey();
        var snapshot = dir.Write("old.json", "{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T06:00:00Z\",\"source\":\"https://api.cometapi.com/v1/models\"," +
            "\"credentialLabel\":\"production\",\"models\":[{\"id\":\"gpt-4o-2024-08-06\"},{\"id\":\"" + EscapedEveryChar(key) + "\"}]}");
        using var ps = new PowerShellHarness();
        // The key is known to the session because an earlier command was given it as -ApiKey.
        ps.Run("Get-CometModel -BaseUri 'http://127.0.0.1:1' -ApiKey $k -NoCache -MaximumRetryCount 0 -TimeoutSec 5", new() { ["k"] = Secure(key) });
        var run = RunWithKey(ps, "Get-CometModel -SnapshotPath $snap -Verbose", null, key, new() { ["snap"] = snapshot });
        var error = ErrorAssert.Single(run, "SnapshotInvalid", ErrorCategory.SecurityError);
        Assert.Contains("lists the API key itself", error.Exception.Message);
        Assert.Empty(Models(run));
    }

    [Fact]
    public void AListNamingTheKeyIsRefusedWithAnErrorThatSaysWhatToDo()
    {
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        api.Enqueue(ModelsBody(Json(key)));
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "Get-CometModel -BaseUri $api -ApiKey $key -NoCache", api, key);
        var error = ErrorAssert.Single(run, "CometApiKeyInResponse", ErrorCategory.SecurityError);
        Assert.Contains("listed the API key itself", error.Exception.Message);
        Assert.Contains("rotate the key", (string)((dynamic)error.Exception).RecommendedAction);
    }
}
