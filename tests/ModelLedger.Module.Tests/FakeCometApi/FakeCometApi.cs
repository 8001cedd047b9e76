using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ModelLedger.Module.Tests.FakeCometApi;

/// <summary>
/// A scriptable stand-in for CometAPI on 127.0.0.1 (a free port chosen by the OS), speaking plain HTTP/1.1 over a
/// raw socket so a test can also break the protocol: hang, reset the connection mid-body, send a body shorter
/// than its Content-Length. Every request is recorded (method, target, headers) before it is answered.
/// <para>
/// Responses: queue them with <see cref="Enqueue"/> (one per request, in order); when the queue is empty,
/// <see cref="Handler"/> answers (default: the CometAPI-shaped list of <see cref="DefaultModels"/>).
/// </para>
/// <code>
/// using var api = new FakeCometApi();
/// api.Enqueue(FakeResponse.Error(503, "model_not_found", "..."), FakeResponse.CometModels("gpt-4o"));
/// // ... Get-CometModel -BaseUri $api.BaseUri ...
/// Assert.Equal(2, api.RequestCount);
/// Assert.Equal("Bearer key", api.Requests[0].Header("Authorization"));
/// </code>
/// </summary>
public sealed class FakeCometApi : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<FakeResponse> _queue = new();
    private readonly List<FakeRequest> _requests = new();
    private readonly Task _acceptLoop;

    public FakeCometApi()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:port (no trailing slash): pass as -BaseUri.</summary>
    public string BaseUri => $"http://127.0.0.1:{Port}";

    /// <summary>The same server under another host name, for cross-host redirect tests.</summary>
    public string LocalhostBaseUri => $"http://localhost:{Port}";

    public string[] DefaultModels { get; set; } = { "gpt-5.4-mini", "gpt-5.4-mini-2026-03-17", "claude-haiku-4-5-20251001" };

    /// <summary>Answers requests when the queue is empty.</summary>
    public Func<FakeRequest, FakeResponse>? Handler { get; set; }

    public void Enqueue(params FakeResponse[] responses)
    {
        foreach (var r in responses) _queue.Enqueue(r);
    }

    public IReadOnlyList<FakeRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    public int RequestCount
    {
        get { lock (_requests) return _requests.Count; }
    }

    /// <summary>A port on 127.0.0.1 where nothing listens (for "connection refused").</summary>
    public static int UnusedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequest(stream);
                if (request == null) return;
                lock (_requests) _requests.Add(request);
                var response = _queue.TryDequeue(out var queued) ? queued : (Handler ?? (_ => FakeResponse.CometModels(DefaultModels)))(request);
                await Write(client, stream, response);
            }
            catch (Exception) when (_stop.IsCancellationRequested) { }
            catch (IOException) { }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
        }
    }

    private static async Task<FakeRequest?> ReadRequest(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        var one = new byte[1];
        while (buffer.Length < 64 * 1024)
        {
            var n = await stream.ReadAsync(one, 0, 1);
            if (n == 0) return null;
            buffer.WriteByte(one[0]);
            var len = buffer.Length;
            if (len >= 4)
            {
                var b = buffer.GetBuffer();
                if (b[len - 4] == '\r' && b[len - 3] == '\n' && b[len - 2] == '\r' && b[len - 1] == '\n') break;
            }
        }
        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n");
        var first = lines[0].Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) break;
            var colon = line.IndexOf(':');
            if (colon > 0) headers.Add(new(line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim()));
        }
        return new FakeRequest(first[0], first.Length > 1 ? first[1] : "", headers, Encoding.ASCII.GetString(buffer.ToArray()));
    }

    private async Task Write(TcpClient client, NetworkStream stream, FakeResponse r)
    {
        if (r.Delay > TimeSpan.Zero) await Task.Delay(r.Delay, _stop.Token);
        if (r.Hang)
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
            return;
        }
        var head = new StringBuilder();
        head.Append(System.Globalization.CultureInfo.InvariantCulture, $"HTTP/1.1 {r.Status} {r.Reason}\r\n");
        foreach (var h in r.Headers) head.Append(System.Globalization.CultureInfo.InvariantCulture, $"{h.Key}: {h.Value}\r\n");
        var declared = r.DeclaredLength ?? r.Body.Length;
        if (!r.Headers.Any(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) && !r.OmitContentLength)
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Length: {declared}\r\n");
        head.Append("Connection: close\r\n\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        await stream.WriteAsync(headBytes);
        if (r.ResetAfterBytes is int cut)
        {
            await stream.WriteAsync(r.Body.AsMemory(0, Math.Min(cut, r.Body.Length)));
            await stream.FlushAsync();
            await Task.Delay(50);
            client.Client.LingerState = new LingerOption(true, 0); // close with RST, not FIN
            client.Client.Close();
            return;
        }
        await stream.WriteAsync(r.Body);
        await stream.FlushAsync();
        if (r.HangAfterBody) await Task.Delay(Timeout.Infinite, _stop.Token);
        client.Client.Shutdown(SocketShutdown.Send);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _acceptLoop.Wait(2000); } catch (AggregateException) { }
        _stop.Dispose();
    }
}

/// <summary>One request as the server received it.</summary>
public sealed class FakeRequest
{
    public FakeRequest(string method, string target, IReadOnlyList<KeyValuePair<string, string>> headers, string raw)
    {
        Method = method;
        Target = target;
        Headers = headers;
        Raw = raw;
    }

    public string Method { get; }

    /// <summary>The request target as sent ("/v1/models").</summary>
    public string Target { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The request line and headers exactly as received.</summary>
    public string Raw { get; }

    /// <summary>The header's value, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}

/// <summary>One scripted answer. Build with the static helpers, then adjust with init properties.</summary>
public sealed class FakeResponse
{
    public int Status { get; init; } = 200;
    public string Reason { get; init; } = "OK";
    public List<KeyValuePair<string, string>> Headers { get; init; } = new();
    public byte[] Body { get; init; } = Array.Empty<byte>();

    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Never answer (until the server is disposed).</summary>
    public bool Hang { get; init; }

    /// <summary>Send the headers and this many body bytes, then reset the connection.</summary>
    public int? ResetAfterBytes { get; init; }

    /// <summary>Announce this Content-Length instead of the body's real length (a short body: "truncated").</summary>
    public long? DeclaredLength { get; init; }

    public bool OmitContentLength { get; init; }

    /// <summary>Send the whole body, then keep the connection open without closing it.</summary>
    public bool HangAfterBody { get; init; }

    public FakeResponse WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public static FakeResponse Json(int status, string json) => new()
    {
        Status = status,
        Reason = ReasonFor(status),
        Body = Encoding.UTF8.GetBytes(json),
        Headers = { new("Content-Type", "application/json; charset=utf-8") },
    };

    /// <summary>The list body exactly as CometAPI shapes it: success flag, object "list", one constant created, supported_endpoint_types.</summary>
    public static FakeResponse CometModels(params string[] ids) => Json(200, CometBody(ids));

    public static string CometBody(params string[] ids) =>
        "{\"success\":true,\"data\":[" + string.Join(",", ids.Select(id =>
            "{\"id\":" + System.Text.Json.JsonSerializer.Serialize(id) + ",\"object\":\"model\",\"created\":1626777600,\"owned_by\":\"custom\",\"supported_endpoint_types\":[\"openai\"]}")) + "],\"object\":\"list\"}";

    /// <summary>The OpenAI-style list (no success flag; varied created).</summary>
    public static FakeResponse OpenAiModels(params string[] ids) => Json(200,
        "{\"object\":\"list\",\"data\":[" + string.Join(",", ids.Select((id, i) =>
            "{\"id\":" + System.Text.Json.JsonSerializer.Serialize(id) + ",\"object\":\"model\",\"created\":" + (1700000000 + i) + ",\"owned_by\":\"openai\"}")) + "]}");

    /// <summary>CometAPI's error body: {"error":{"message":"... (request id: ...)","type":"comet_api_error","param":"","code":...}}.</summary>
    public static FakeResponse Error(int status, string? code, string message, string? requestId = null) => Json(status,
        "{\"error\":{\"message\":" + System.Text.Json.JsonSerializer.Serialize(message + (requestId != null ? $" (request id: {requestId})" : "")) +
        ",\"type\":\"comet_api_error\",\"param\":\"\",\"code\":" + (code == null ? "null" : System.Text.Json.JsonSerializer.Serialize(code)) + "}}");

    public static FakeResponse Html(int status = 200) => new()
    {
        Status = status,
        Reason = ReasonFor(status),
        Body = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action=\"/login\"></form></body></html>"),
        Headers = { new("Content-Type", "text/html; charset=utf-8") },
    };

    public static FakeResponse Redirect(string location, int status = 301) => new()
    {
        Status = status,
        Reason = ReasonFor(status),
        Headers = { new("Location", location) },
    };

    public static FakeResponse Hanging() => new() { Hang = true };

    private static string ReasonFor(int status) => status switch
    {
        200 => "OK", 301 => "Moved Permanently", 302 => "Found", 307 => "Temporary Redirect", 308 => "Permanent Redirect",
        400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 429 => "Too Many Requests",
        500 => "Internal Server Error", 502 => "Bad Gateway", 503 => "Service Unavailable", 504 => "Gateway Timeout", 524 => "A Timeout Occurred",
        _ => "Status",
    };
}
