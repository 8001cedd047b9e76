using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ModelLedger.IO;

namespace ModelLedger.Client;

/// <summary>Reads a response body as a stream, hashing as it goes, within a byte limit; Ctrl+C and the time limit stop it at once.</summary>
internal static class ResponseBody
{
    /// <summary>A models-list body: past <paramref name="limit"/> it fails (<see cref="CometApiErrors.TooLarge"/>); a broken connection may be retried.</summary>
    public static Task<(byte[] Body, string Sha256)> ReadListAsync(HttpResponseMessage response, long limit, string source, CancellationToken ct) =>
        ReadAsync(response, limit, source, capped: true, ct);

    /// <summary>An error body, only for its message: cut at <paramref name="limit"/>, empty when the connection breaks.</summary>
    public static async Task<byte[]> ReadErrorAsync(HttpResponseMessage response, int limit, string source, CancellationToken ct)
    {
        try
        {
            return (await ReadAsync(response, limit, source, capped: false, ct).ConfigureAwait(false)).Body;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return Array.Empty<byte>();
        }
    }

    private static async Task<(byte[] Body, string Sha256)> ReadAsync(HttpResponseMessage response, long limit, string source, bool capped, CancellationToken ct)
    {
        var declared = response.Content.Headers.ContentLength;
        if (capped && declared is long d && d > limit) throw CometApiErrors.TooLarge(source, limit);
        using var sha = SHA256.Create();
        using var buffer = new MemoryStream(declared is long len && len > 0 && len <= limit ? (int)len : 16 * 1024);
        using (ct.Register(response.Dispose))
        {
            Stream stream;
            try { stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false); }
            catch (ObjectDisposedException) when (ct.IsCancellationRequested) { throw new OperationCanceledException(ct); }
            using (stream)
            {
                var chunk = new byte[128 * 1024];
                while (true)
                {
                    int n;
                    try
                    {
                        n = await stream.ReadAsync(chunk, 0, chunk.Length, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ct.IsCancellationRequested && ex is ObjectDisposedException or IOException or HttpRequestException)
                    {
                        throw new OperationCanceledException(ct);
                    }
                    catch (Exception ex) when (capped && ex is IOException or HttpRequestException)
                    {
                        throw new AttemptFailedException(AttemptFailure.BodyBroken(source, buffer.Length, ex));
                    }
                    if (n == 0) break;
                    if (buffer.Length + n > limit)
                    {
                        if (capped) throw CometApiErrors.TooLarge(source, limit);
                        buffer.Write(chunk, 0, (int)(limit - buffer.Length));
                        break;
                    }
                    buffer.Write(chunk, 0, n);
                    sha.TransformBlock(chunk, 0, n, null, 0);
                }
            }
        }
        sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        return (buffer.ToArray(), Sha256Hex.Format(sha.Hash!));
    }
}
