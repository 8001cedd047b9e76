#if MODELLEDGER_TEST_HOOKS // drives the test build's hooks; see TestBuildTests
using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The endpoint fault matrix of the reliability suite, in one table: each case is a scripted loopback server, and
/// each is asserted to its fixed error ID (or to a recovered list), the number of requests sent, a message
/// fragment, and the absence of the canary key everywhere.
/// </summary>
public class FaultMatrixTests
{
    public sealed record Case(string Name, Func<FakeCometApi.FakeCometApi, string, FakeResponse[]> Responses, string Extra, string? ErrorId, int Attempts, string Fragment, int Models = 0, double RetryAfterSec = 0, int? Waits = null)
    {
        public override string ToString() => Name;
    }

    private static FakeResponse[] Times(int n, Func<FakeResponse> make) => Enumerable.Range(0, n).Select(_ => make()).ToArray();

    private static readonly FakeResponse Ok = FakeResponse.CometModels("gpt-5.4-mini", "gpt-5.4-mini-2026-03-17");

    public static TheoryData<Case> Cases => new()
    {
        new("400 invalid_request", (_, _) => new[] { FakeResponse.Error(400, "invalid_request", "bad", "rq400") }, "", "CometApiRequestRejected", 1, "400"),
        new("401", (_, _) => new[] { FakeResponse.Error(401, "invalid_api_key", "bad key", "rq401") }, "", "CometApiAuthFailed", 1, "401"),
        new("403", (_, _) => new[] { FakeResponse.Error(403, "insufficient_quota", "no", "rq403") }, "", "CometApiAuthFailed", 1, "403"),
        new("404", (_, _) => new[] { FakeResponse.Error(404, null, "not found") }, "", "CometApiRequestRejected", 1, "404"),
        new("429 persistent, no Retry-After", (_, _) => Times(3, () => FakeResponse.Error(429, "rate_limit", "slow down")), "-MaximumRetryCount 2", "CometApiRateLimited", 3, "3 attempts"),
        new("429 persistent, Retry-After 0", (_, _) => Times(3, () => FakeResponse.Error(429, "rate_limit", "slow down").WithHeader("Retry-After", "0")), "-MaximumRetryCount 2", "CometApiRateLimited", 3, "429"),
        new("429 then recovers, no Retry-After", (_, _) => new[] { FakeResponse.Error(429, "rate_limit", "slow down"), Ok }, "", null, 2, "", 2),
        new("429 then recovers, Retry-After 1", (_, _) => new[] { FakeResponse.Error(429, "rate_limit", "slow down").WithHeader("Retry-After", "1"), Ok }, "", null, 2, "", 2, RetryAfterSec: 1),
        new("429 then recovers, Retry-After 20 (no real wait)", (_, _) => new[] { FakeResponse.Error(429, "rate_limit", "slow down").WithHeader("Retry-After", "20"), Ok }, "", null, 2, "", 2, RetryAfterSec: 20),
        new("500 invalid_request (no retry)", (_, _) => new[] { FakeResponse.Error(500, "invalid_request", "bad"), Ok }, "", "CometApiUnavailable", 1, "500"),
        new("500", (_, _) => Times(3, () => FakeResponse.Error(500, null, "boom")), "-MaximumRetryCount 2", "CometApiUnavailable", 3, "500"),
        new("502", (_, _) => Times(3, () => FakeResponse.Html(502)), "-MaximumRetryCount 2", "CometApiUnavailable", 3, "502"),
        new("503 model_not_found", (_, _) => Times(3, () => FakeResponse.Error(503, "model_not_found", "no channel", "rq503")), "-MaximumRetryCount 2", "CometApiUnavailable", 3, "model_not_found"),
        new("504", (_, _) => Times(3, () => FakeResponse.Error(504, null, "gateway")), "-MaximumRetryCount 2", "CometApiUnavailable", 3, "504"),
        new("524", (_, _) => Times(3, () => FakeResponse.Error(524, null, "timeout")), "-MaximumRetryCount 2", "CometApiUnavailable", 3, "524"),
        new("503 then recovers", (_, _) => new[] { FakeResponse.Error(503, null, "busy"), Ok }, "", null, 2, "", 2),
        new("server hangs", (_, _) => new[] { FakeResponse.Hanging() }, "-TimeoutSec 1", "CometApiUnavailable", 1, "within 1 s"),
        new("connection reset mid-body, every time", (_, _) => Times(2, () => new FakeResponse { Body = Ok.Body, Headers = Ok.Headers, ResetAfterBytes = 20 }), "-MaximumRetryCount 1", "CometApiUnavailable", 2, "response body"),
        new("connection reset mid-body, then recovers", (_, _) => new[] { new FakeResponse { Body = Ok.Body, Headers = Ok.Headers, ResetAfterBytes = 20 }, Ok }, "", null, 2, "", 2),
        new("truncated JSON", (_, _) => new[] { FakeResponse.Json(200, FakeResponse.CometBody("a", "b").Substring(0, 60)) }, "", "CometApiSchemaMismatch", 1, "JSON"),
        new("HTML with 200", (_, _) => new[] { FakeResponse.Html() }, "", "CometApiSchemaMismatch", 1, "-BaseUri"),
        new("301 to a login page on another host (not followed)", (api, _) => new[] { FakeResponse.Redirect(api.LocalhostBaseUri + "/login"), FakeResponse.Html() }, "", "CometApiSchemaMismatch", 1, "-BaseUri"),
        new("data missing", (_, _) => new[] { FakeResponse.Json(200, "{\"success\":true,\"object\":\"list\"}") }, "", "CometApiSchemaMismatch", 1, "data"),
        new("data not an array", (_, _) => new[] { FakeResponse.Json(200, "{\"data\":{\"id\":\"m\"}}") }, "", "CometApiSchemaMismatch", 1, "data"),
        new("non-string id", (_, _) => new[] { FakeResponse.Json(200, "{\"data\":[{\"id\":\"m\"},{\"id\":42}]}") }, "", "CometApiSchemaMismatch", 1, "id"),
        new("has_more: true (partial list)", (_, _) => new[] { FakeResponse.Json(200, "{\"data\":[{\"id\":\"m\"}],\"has_more\":true}") }, "", "CometApiSchemaMismatch", 1, "more"),
        new("body over the size cap", (_, _) => new[] { FakeResponse.CometModels(Enumerable.Range(0, 500).Select(i => "model-" + i).ToArray()) }, "-MaximumResponseBytes 8192", "CometApiResponseTooLarge", 1, "larger than 8192 bytes"),
        // Hostile servers: the canary key is planted in what they send; the key must reach nothing the run shows or writes.
        new("hostile: key in a redirect's Location user info", (api, key) => new[] { FakeResponse.Redirect($"http://{key}@localhost:{api.Port}/v1/models"), Ok }, "", "CometApiSchemaMismatch", 1, "credentials in the address"),
        new("hostile: key listed as a model id", (_, key) => new[] { FakeResponse.CometModels("gpt-4o-2024-08-06", key) }, "", "CometApiKeyInResponse", 1, "listed the API key itself"),
        new("hostile: key NUL-split in a 401 message", (_, key) => new[] { FakeResponse.Error(401, "invalid_api_key", string.Join("\0", key.ToCharArray()), "rq-nul") }, "", "CometApiAuthFailed", 1, "rq-nul"),
        new("hostile: cross-host redirect answers a list fetched without the key", (api, _) => new[] { FakeResponse.Redirect(api.LocalhostBaseUri + "/v1/models"), Ok }, "", "CometApiAuthFailed", 2, "without the credential", Waits: 0),
        new("gzip body with Content-Encoding", (_, _) => new[] { new FakeResponse { Body = Gzip(Ok.Body), Headers = { new("Content-Type", "application/json"), new("Content-Encoding", "gzip") } } }, "", "CometApiSchemaMismatch", 1, "compressed (Content-Encoding: gzip"),
        new("UTF-16 body", (_, _) => new[] { new FakeResponse { Body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(FakeResponse.CometBody("m"))).ToArray(), Headers = { new("Content-Type", "application/json") } } }, "", "CometApiSchemaMismatch", 1, "UTF-16 text"),
        new("50 MB body (under the default cap)", (a, _) => new[] { Large(50L * 1024 * 1024, out var _) }, "", null, 1, "", LargeCount(50L * 1024 * 1024)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachFaultHasItsErrorIdAttemptCountAndMessage(Case c)
    {
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        api.Enqueue(c.Responses(api, key));
        // The test build's wait seam: every wait between attempts is recorded instead of slept, so the matrix runs
        // with the real default backoff (-RetryIntervalSec 1) and real Retry-After values in no time.
        var waits = new ConcurrentQueue<TimeSpan>();
        TestHooks.ReplaceRetryWaits((wait, _) => { waits.Enqueue(wait); return Task.CompletedTask; });
        using var ps = new PowerShellHarness();
        var extra = c.Extra.Contains("-TimeoutSec") ? c.Extra : c.Extra + " -TimeoutSec 30";
        var run = RunWithKey(ps, "$n = 0; Get-CometModel -BaseUri $api -ApiKey $key -NoCache " + extra + " | ForEach-Object { $n++ }; $n", api, key);

        Assert.Equal(c.Attempts, api.RequestCount);
        // One wait before each further attempt (a redirect's second request is no new attempt): backoff from 1 s
        // with a quarter jitter, never shorter than Retry-After.
        Assert.Equal(c.Waits ?? c.Attempts - 1, waits.Count);
        Assert.All(waits, w => Assert.InRange(w.TotalSeconds, Math.Max(0.75, c.RetryAfterSec), Math.Max(30, c.RetryAfterSec)));
        if (c.ErrorId == null)
        {
            Assert.Empty(run.AllErrors);
            Assert.Equal(c.Models, (int)run.Output.Single().BaseObject);
            return;
        }
        var error = Assert.Single(run.AllErrors);
        Assert.StartsWith(c.ErrorId + ",", error.FullyQualifiedErrorId);
        Assert.Contains(c.Fragment, error.Exception.Message);
        Assert.Equal(0, (int)run.Output.Single().BaseObject); // a failure never looks like a list
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest)) gz.Write(data);
        return buffer.ToArray();
    }

    private static FakeResponse Large(long bytes, out int count)
    {
        count = LargeCount(bytes);
        var sb = new StringBuilder((int)bytes + 1024);
        sb.Append("{\"success\":true,\"data\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append("{\"id\":\"model-").Append(i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).Append("\",\"object\":\"model\",\"created\":1626777600,\"owned_by\":\"custom\",\"supported_endpoint_types\":[\"openai\"]}");
        }
        sb.Append("],\"object\":\"list\"}");
        return FakeResponse.Json(200, sb.ToString());
    }

    // Each entry above is 113 bytes plus a comma.
    private static int LargeCount(long bytes) => (int)(bytes / 114);
}
#endif
