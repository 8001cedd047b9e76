using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ModelLedger.Benchmarks;

/// <summary>Serves one fixed /v1/models body on 127.0.0.1 for the capture measurements (never a real endpoint).</summary>
public sealed class LoopbackModelServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _body;
    private readonly Task _loop;

    public LoopbackModelServer(byte[] body)
    {
        _body = body;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUri = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUri + "/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string BaseUri { get; }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(async () =>
            {
                using var response = context.Response;
                response.ContentType = "application/json";
                response.ContentLength64 = _body.Length;
                await response.OutputStream.WriteAsync(_body, 0, _body.Length).ConfigureAwait(false);
            });
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}
