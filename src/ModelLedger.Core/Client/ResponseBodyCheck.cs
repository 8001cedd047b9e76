using System;
using System.Linq;
using System.Net.Http;
using ModelLedger.Rendering;

namespace ModelLedger.Client;

/// <summary>
/// Says what a 2xx answer is when it is plainly not the UTF-8 JSON list, before the JSON parser would call it
/// "truncated or corrupted": another 2xx status, an HTML page, a compressed body (the client asks for none), UTF-16
/// or UTF-32 text, or binary data.
/// </summary>
internal static class ResponseBodyCheck
{
    public static void EnsureJsonText(HttpResponseMessage response, int status, byte[] body, string source)
    {
        if (status != 200)
            throw CometApiErrors.SchemaMismatch(source, $"HTTP {status} instead of 200.", status: status);

        var encodings = response.Content.Headers.ContentEncoding.Where(e => !string.Equals(e, "identity", StringComparison.OrdinalIgnoreCase)).ToList();
        if (encodings.Count > 0)
            throw CometApiErrors.SchemaMismatch(source,
                $"the response is compressed (Content-Encoding: {string.Join(", ", encodings.Select(e => UntrustedText.OneLine(e, 40)))}, {body.Length} bytes) although the client asks for no compression (often a proxy in between).", status: status);

        var media = response.Content.Headers.ContentType?.MediaType;
        if (media != null && media.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0)
            throw CometApiErrors.SchemaMismatch(source, $"the response is an HTML page ({UntrustedText.OneLine(media, 80)}), not JSON (a login page, a proxy page or a wrong path).", status: status);

        var what = Describe(body, response.Content.Headers.ContentType?.CharSet);
        if (what != null)
            throw CometApiErrors.SchemaMismatch(source, $"the response is {what} ({body.Length} bytes), not the UTF-8 JSON the endpoint documents.", status: status);
    }

    /// <summary>A description of a body that is not UTF-8 text, or null.</summary>
    internal static string? Describe(byte[] b, string? charset)
    {
        if (b.Length >= 2 && b[0] == 0x1F && b[1] == 0x8B) return "gzip-compressed data without a Content-Encoding header";
        if (b.Length >= 2 && b[0] == 0x78 && (b[1] == 0x01 || b[1] == 0x5E || b[1] == 0x9C || b[1] == 0xDA)) return "zlib (deflate) compressed data without a Content-Encoding header";
        if (b.Length >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) || (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF))) return "UTF-32 text";
        if (b.Length >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) return "UTF-16 text (it starts with a UTF-16 byte-order mark)";
        if (charset != null && (charset.IndexOf("utf-16", StringComparison.OrdinalIgnoreCase) >= 0 || charset.IndexOf("utf-32", StringComparison.OrdinalIgnoreCase) >= 0 ||
                                charset.IndexOf("unicode", StringComparison.OrdinalIgnoreCase) >= 0))
            return $"text in {UntrustedText.OneLine(charset, 40)} (Content-Type charset)";
        var sample = Math.Min(b.Length, 512);
        var nuls = 0;
        for (var i = 0; i < sample; i++) if (b[i] == 0) nuls++;
        if (nuls > 0 && nuls >= sample / 4) return "UTF-16 text without a byte-order mark (every other byte is zero)";
        if (nuls > 0) return "binary data (it holds zero bytes), possibly compressed (brotli has no signature) or not text at all";
        return null;
    }
}
