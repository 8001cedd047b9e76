using System.Linq;
using System.Management.Automation;
using System.Text;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>Every failure class of the models endpoint, through the hosted engine against a loopback server.</summary>
public class GetCometModelFailureTests
{
    private const string Call = "Get-CometModel -BaseUri $api -ApiKey $key -NoCache -RetryIntervalSec 0 -TimeoutSec 20";

    private static (ScriptRun Run, FakeCometApi.FakeCometApi Api) RunAgainst(string extra, params FakeResponse[] responses)
    {
        var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(responses);
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var call = extra.Contains("-TimeoutSec") ? Call.Replace(" -TimeoutSec 20", "") : Call;
        var run = RunWithKey(ps, call + " " + extra, api, key);
        Assert.Empty(run.Output); // a failure is never "zero models"
        return (run, api);
    }

    [Theory]
    [InlineData(401, "invalid_api_key", ErrorCategory.AuthenticationError)]
    [InlineData(403, "insufficient_quota", ErrorCategory.PermissionDenied)]
    public void AuthFailuresAreNotRetriedAndCarryStatusCodeAndRequestId(int status, string code, ErrorCategory category)
    {
        var (run, api) = RunAgainst("", FakeResponse.Error(status, code, "token invalid", "20261124083015123456789abcdef"));
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiAuthFailed", category);
            dynamic ex = error.Exception;
            Assert.Equal(status, (int?)ex.HttpStatus);
            Assert.Equal(code, (string?)ex.ApiErrorCode);
            Assert.Equal("20261124083015123456789abcdef", (string?)ex.RequestId);
            Assert.Contains($"HTTP {status}", error.Exception.Message);
            Assert.Contains("20261124083015123456789abcdef", error.Exception.Message);
            Assert.Contains(status == 401 ? "COMETAPI_API_KEY" : "production-equivalent key", error.Exception.Message);
            Assert.Equal(1, api.RequestCount);
        }
    }

    [Fact]
    public void RateLimitedAfterRetriesCountsEveryAttempt()
    {
        var limited = Enumerable.Range(0, 3).Select(_ => FakeResponse.Error(429, "rate_limit", "slow down", "rq429")).ToArray();
        var (run, api) = RunAgainst("-MaximumRetryCount 2", limited);
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiRateLimited", ErrorCategory.LimitsExceeded);
            Assert.Equal(3, api.RequestCount);
            Assert.Contains("3 attempts", error.Exception.Message);
            Assert.Equal(429, (int?)((dynamic)error.Exception).HttpStatus);
            Assert.Equal("rq429", (string?)((dynamic)error.Exception).RequestId);
        }
    }

    [Fact]
    public void RetryAfterIsHonouredThenTheListIsReturned()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.Error(429, null, "slow down").WithHeader("Retry-After", "1"), FakeResponse.CometModels("m"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call + " -Verbose", api, key);
        Assert.Empty(run.AllErrors);
        Assert.Equal("m", Assert.Single(Models(run)).Id);
        Assert.Equal(2, api.RequestCount);
        Assert.Contains(run.Verbose, v => v.Message.Contains("retrying in 1 s (Retry-After)"));
    }

    [Fact]
    public void ARetryAfterBeyondTheTimeLimitStopsAtOnce()
    {
        var (run, api) = RunAgainst("-TimeoutSec 10", FakeResponse.Error(429, null, "slow down").WithHeader("Retry-After", "3600"));
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiRateLimited", ErrorCategory.LimitsExceeded);
            Assert.Equal(1, api.RequestCount);
            Assert.Contains("3600 s", error.Exception.Message);
            Assert.Contains("-TimeoutSec", error.Exception.Message);
        }
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(502, null)]
    [InlineData(503, "model_not_found")]
    [InlineData(504, null)]
    [InlineData(524, null)]
    public void RetryableServerErrorsAreRetriedThenUnavailable(int status, string? code)
    {
        var responses = Enumerable.Range(0, 2).Select(_ => FakeResponse.Error(status, code, "upstream trouble", "rq5xx")).ToArray();
        var (run, api) = RunAgainst("-MaximumRetryCount 1", responses);
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiUnavailable", ErrorCategory.ResourceUnavailable);
            Assert.Equal(2, api.RequestCount);
            Assert.Equal(status, (int?)((dynamic)error.Exception).HttpStatus);
            Assert.Equal(code, (string?)((dynamic)error.Exception).ApiErrorCode);
            Assert.Contains("says nothing about whether your model IDs exist", error.Exception.Message);
        }
    }

    [Fact]
    public void A500WithInvalidRequestIsNotRetried()
    {
        var (run, api) = RunAgainst("", FakeResponse.Error(500, "invalid_request", "bad"), FakeResponse.CometModels("m"));
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiUnavailable", ErrorCategory.ResourceUnavailable);
            Assert.Equal(1, api.RequestCount);
            Assert.Equal("invalid_request", (string?)((dynamic)error.Exception).ApiErrorCode);
        }
    }

    [Theory]
    [InlineData(400, ErrorCategory.InvalidOperation)]
    [InlineData(404, ErrorCategory.ObjectNotFound)]
    [InlineData(405, ErrorCategory.InvalidOperation)]
    [InlineData(422, ErrorCategory.InvalidOperation)]
    public void OtherClientErrorsAreRequestRejectedWithoutRetry(int status, ErrorCategory category)
    {
        var (run, api) = RunAgainst("", FakeResponse.Error(status, "invalid_request", "nope", "rq4xx"));
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiRequestRejected", category);
            Assert.Equal(1, api.RequestCount);
            Assert.Equal(status, (int?)((dynamic)error.Exception).HttpStatus);
            Assert.Contains("-BaseUri", error.Exception.Message);
        }
    }

    [Fact]
    public void ANonJsonErrorBodyIsStillClassifiedByStatus()
    {
        var (run, api) = RunAgainst("-MaximumRetryCount 0", FakeResponse.Html(502));
        using (api) ErrorAssert.Single(run, "CometApiUnavailable", ErrorCategory.ResourceUnavailable);
    }

    [Fact]
    public void ConnectionRefusedIsUnavailable()
    {
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "Get-CometModel -BaseUri $u -ApiKey $key -NoCache -RetryIntervalSec 0 -MaximumRetryCount 1 -Verbose", null, key,
            new() { ["u"] = $"http://127.0.0.1:{FakeCometApi.FakeCometApi.UnusedPort()}" });
        var error = ErrorAssert.Single(run, "CometApiUnavailable", ErrorCategory.ConnectionError);
        Assert.Contains("refused", error.Exception.Message);
        Assert.Contains(run.Verbose, v => v.Message.Contains("(attempt 2 of 2)"));
    }

    [Fact]
    public void DnsFailureIsUnavailableAndNotRetried()
    {
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "Get-CometModel -BaseUri 'https://no-such-host.invalid' -ApiKey $key -NoCache -RetryIntervalSec 0 -TimeoutSec 20 -Verbose", null, key);
        var error = ErrorAssert.Single(run, "CometApiUnavailable", ErrorCategory.ConnectionError);
        Assert.Contains("could not be resolved", error.Exception.Message);
        Assert.DoesNotContain(run.Verbose, v => v.Message.Contains("(attempt 2 of"));
    }

    [Fact]
    public void AHangingServerTimesOutWithinTimeoutSec()
    {
        var (run, api) = RunAgainst("-TimeoutSec 1", FakeResponse.Hanging());
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiUnavailable", ErrorCategory.OperationTimeout);
            Assert.Contains("within 1 s", error.Exception.Message);
            Assert.Contains("-TimeoutSec", error.Exception.Message);
        }
    }

    [Fact]
    public void ABodyThatNeverEndsTimesOut()
    {
        var (run, api) = RunAgainst("-TimeoutSec 1", new FakeResponse { Body = Encoding.UTF8.GetBytes("{\"data\":["), DeclaredLength = 1000, HangAfterBody = true });
        using (api) ErrorAssert.Single(run, "CometApiUnavailable", ErrorCategory.OperationTimeout);
    }

    [Fact]
    public void AConnectionResetMidBodyIsRetried()
    {
        using var api = new FakeCometApi.FakeCometApi();
        var good = FakeResponse.CometModels("m1", "m2");
        api.Enqueue(new FakeResponse { Body = good.Body, Headers = good.Headers, ResetAfterBytes = 20 }, FakeResponse.CometModels("m1", "m2"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, Call, api, key);
        Assert.Empty(run.AllErrors);
        Assert.Equal(2, run.Output.Count);
        Assert.Equal(2, api.RequestCount);
    }

    [Fact]
    public void AConnectionThatBreaksMidBodyEveryTimeIsUnavailable()
    {
        var good = FakeResponse.CometModels("m1", "m2");
        var (run, api) = RunAgainst("-MaximumRetryCount 0", new FakeResponse { Body = good.Body.Take(30).ToArray(), DeclaredLength = good.Body.Length });
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiUnavailable", ErrorCategory.ConnectionError);
            Assert.Contains("while the response body was being read", error.Exception.Message);
        }
    }

    public static TheoryData<string, FakeResponse, string> ShapeMismatches() => new()
    {
        { "html", FakeResponse.Html(), "HTML" },
        { "html without content type", new FakeResponse { Body = Encoding.UTF8.GetBytes("\n  <html><body>Sign in</body></html>") }, "HTML" },
        { "no data", FakeResponse.Json(200, "{\"success\":true,\"object\":\"list\"}"), "no 'data' array" },
        { "data is an object", FakeResponse.Json(200, "{\"data\":{\"id\":\"m\"}}"), "'data' is an object, not an array" },
        { "data is null", FakeResponse.Json(200, "{\"data\":null}"), "'data' is null" },
        { "entry without id", FakeResponse.Json(200, "{\"data\":[{\"id\":\"a\"},{\"object\":\"model\"}]}"), "data[1] has no 'id'" },
        { "numeric id", FakeResponse.Json(200, "{\"data\":[{\"id\":42}]}"), "data[0].id is a number" },
        { "empty id", FakeResponse.Json(200, "{\"data\":[{\"id\":\"\"}]}"), "empty string" },
        { "entry is a string", FakeResponse.Json(200, "{\"data\":[\"gpt-4o\"]}"), "data[0] is a string" },
        { "truncated json", FakeResponse.Json(200, "{\"success\":true,\"data\":[{\"id\":\"a\"},{\"id\":\"b"), "not complete, valid JSON" },
        { "array body", FakeResponse.Json(200, "[{\"id\":\"a\"}]"), "not an object" },
        { "empty body", FakeResponse.Json(200, ""), "empty" },
        { "has_more", FakeResponse.Json(200, "{\"data\":[{\"id\":\"a\"}],\"has_more\":true}"), "has_more" },
        { "links.next", FakeResponse.Json(200, "{\"data\":[{\"id\":\"a\"}],\"links\":{\"next\":\"/v1/models?page=2\"}}"), "links.next" },
        { "204", new FakeResponse { Status = 204, Reason = "No Content" }, "empty" },
        { "redirect to login", FakeResponse.Redirect("https://app.example.invalid/login?next=/v1/models"), "not a models endpoint" },
        { "redirect without location", new FakeResponse { Status = 302, Reason = "Found" }, "without a Location" },
    };

    [Theory]
    [MemberData(nameof(ShapeMismatches))]
    public void A2xxThatIsNotTheDocumentedShapeIsSchemaMismatchNeverZeroModels(string name, FakeResponse response, string expected)
    {
        var (run, api) = RunAgainst("", response);
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiSchemaMismatch", ErrorCategory.InvalidData);
            Assert.Contains(expected, error.Exception.Message);
            Assert.Contains("-BaseUri", error.Exception.Message);
            Assert.Equal(1, api.RequestCount); // not retried, and a login page is never requested
            Assert.NotNull(name);
        }
    }

    [Fact]
    public void AResponseOverTheSizeCapFailsClearly()
    {
        var ids = Enumerable.Range(0, 200).Select(i => "model-" + i).ToArray();
        var big = FakeResponse.CometModels(ids);
        var (run, api) = RunAgainst("-MaximumResponseBytes 4096", big);
        using (api)
        {
            var error = ErrorAssert.Single(run, "CometApiResponseTooLarge", ErrorCategory.LimitsExceeded);
            Assert.Contains("larger than 4096 bytes", error.Exception.Message);
            Assert.Contains("-MaximumResponseBytes", error.Exception.Message);
        }
        // Without a Content-Length, the streaming read stops at the cap too.
        var (run2, api2) = RunAgainst("-MaximumResponseBytes 4096", new FakeResponse { Body = big.Body, OmitContentLength = true });
        using (api2) ErrorAssert.Single(run2, "CometApiResponseTooLarge", ErrorCategory.LimitsExceeded);
    }

    [Theory]
    [InlineData("ftp://api.example.invalid")]
    [InlineData("api.cometapi.com")]
    [InlineData("https://user:secret@api.example.invalid")]
    [InlineData("https://api.example.invalid/?key=x")]
    public void ABadBaseUriIsRejectedBeforeAnyRequest(string baseUri)
    {
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "Get-CometModel -BaseUri $u -ApiKey $key -NoCache", null, key, new() { ["u"] = baseUri });
        var error = ErrorAssert.Single(run, "CometApiBaseUriInvalid", ErrorCategory.InvalidArgument);
        Assert.DoesNotContain("secret", error.Exception.Message);
    }

    [Fact]
    public void AKeyWithALineBreakIsRejectedWithoutQuotingIt()
    {
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "Get-CometModel -BaseUri 'https://api.example.invalid' -ApiKey $k -NoCache", null, key,
            new() { ["k"] = Secure(key + "\n") });
        var error = ErrorAssert.Single(run, "CometApiKeyInvalid", ErrorCategory.InvalidArgument);
        Assert.Contains("line break", error.Exception.Message);
    }

    [Fact]
    public void ErrorActionStopMakesFailuresCatchableByErrorId()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(FakeResponse.Error(401, null, "no"));
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "try { " + Call + " -ErrorAction Stop; 'not reached' } catch { $_.FullyQualifiedErrorId; $_.Exception.RecommendedAction }", api, key);
        Assert.Equal("CometApiAuthFailed,ModelLedger.Commands.GetCometModelCommand", run.Output[0].BaseObject);
        Assert.Contains("COMETAPI_API_KEY", (string)run.Output[1].BaseObject);
    }

    [Fact]
    public void StopProcessingCancelsAHangingCallAtOnce()
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Handler = _ => FakeResponse.Hanging();
        var key = NewKey();
        using var session = new Hosting.ScriptSession(new Hosting.TestHost(new System.IO.StringWriter(), new System.IO.StringWriter(), new System.IO.StringReader("")), Repo.Manifest);
        session.Runspace.SessionStateProxy.SetVariable("api", api.BaseUri);
        session.Runspace.SessionStateProxy.SetVariable("key", Secure(key));
        using var ps = PowerShell.Create();
        ps.Runspace = session.Runspace;
        ps.AddScript("Get-CometModel -BaseUri $api -ApiKey $key -NoCache -TimeoutSec 0 -MaximumRetryCount 5");
        var async = ps.BeginInvoke();
        for (var i = 0; i < 200 && api.RequestCount == 0; i++) System.Threading.Thread.Sleep(50);
        Assert.Equal(1, api.RequestCount);
        ps.Stop(); // what Ctrl+C does; returns once the pipeline has stopped
        Assert.True(async.AsyncWaitHandle.WaitOne(30_000), "the pipeline did not stop");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Equal(1, api.RequestCount);
    }
}
