using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ModelLedger.Core.Tests.Client;

/// <summary>The client's injectable handler: answers from a script, records each request; no socket.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<HttpRequestMessage> Requests { get; } = new();

    public ScriptedHandler Then(Func<HttpResponseMessage> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (_answers.Count == 0) throw new InvalidOperationException($"request {Requests.Count} was not scripted");
        return Task.FromResult(_answers.Dequeue()());
    }

    public static HttpResponseMessage Json(int status, string json) => new((HttpStatusCode)status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    public static HttpResponseMessage Models(params string[] ids) =>
        Json(200, "{\"data\":[" + string.Join(",", Array.ConvertAll(ids, id => "{\"id\":\"" + id + "\"}")) + "]}");

    public static HttpResponseMessage Error(int status, string? code = null) =>
        Json(status, "{\"error\":{\"message\":\"failed\",\"type\":\"comet_api_error\",\"code\":" + (code == null ? "null" : "\"" + code + "\"") + "}}");
}

/// <summary>A clock that only moves when a wait is "slept" through it, so retry tests take no real time.</summary>
internal sealed class FakeClock
{
    public DateTimeOffset Now { get; private set; } = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Waits { get; } = new();

    public Task Delay(TimeSpan wait, CancellationToken ct)
    {
        Waits.Add(wait);
        Now += wait;
        return Task.CompletedTask;
    }
}

/// <summary>Jitter pinned to one value (0.5 is no jitter: the factor is 0.75 + 0.5 * 0.5 = 1).</summary>
internal sealed class FixedRandom : Random
{
    private readonly double _value;
    public FixedRandom(double value) => _value = value;
    public override double NextDouble() => _value;
}
