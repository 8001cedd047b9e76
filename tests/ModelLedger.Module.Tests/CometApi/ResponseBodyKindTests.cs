using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>A 200 whose body is compressed, UTF-16 or binary is named for what it is, never "truncated or corrupted".</summary>
public class ResponseBodyKindTests
{
    private static readonly string List = FakeResponse.CometBody("gpt-4o-2024-08-06", "gpt-4o-2024-05-13");

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest)) gz.Write(data);
        return buffer.ToArray();
    }

    private static byte[] Zlib(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.Optimal)) z.Write(data);
        return buffer.ToArray();
    }

    private static byte[] Brotli(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var br = new BrotliStream(buffer, CompressionLevel.Fastest)) br.Write(data);
        return buffer.ToArray();
    }

    private static FakeResponse Body(byte[] body, string contentType = "application/json", string? contentEncoding = null)
    {
        var r = new FakeResponse { Body = body, Headers = { new("Content-Type", contentType) } };
        if (contentEncoding != null) r.Headers.Add(new("Content-Encoding", contentEncoding));
        return r;
    }

    public static TheoryData<string, FakeResponse, string> Bodies => new()
    {
        { "gzip with Content-Encoding", Body(Gzip(Encoding.UTF8.GetBytes(List)), contentEncoding: "gzip"), "compressed (Content-Encoding: gzip" },
        { "deflate with Content-Encoding", Body(Zlib(Encoding.UTF8.GetBytes(List)), contentEncoding: "deflate"), "compressed (Content-Encoding: deflate" },
        { "br with Content-Encoding", Body(Brotli(Encoding.UTF8.GetBytes(List)), contentEncoding: "br"), "compressed (Content-Encoding: br" },
        { "gzip without a header", Body(Gzip(Encoding.UTF8.GetBytes(List))), "gzip-compressed data" },
        { "zlib without a header", Body(Zlib(Encoding.UTF8.GetBytes(List))), "zlib (deflate) compressed data" },
        { "br without a header", Body(Brotli(Encoding.UTF8.GetBytes(List))), "binary data" },
        { "UTF-16 LE with BOM", Body(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(List)).ToArray()), "UTF-16 text" },
        { "UTF-16 BE with BOM", Body(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(List)).ToArray()), "UTF-16 text" },
        { "UTF-16 LE without BOM", Body(Encoding.Unicode.GetBytes(List)), "UTF-16 text without a byte-order mark" },
        { "UTF-16 declared in the charset", Body(Encoding.Unicode.GetBytes(List), "application/json; charset=utf-16"), "charset" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void ABodyThatIsNotUtf8JsonIsNamedForWhatItIs(string name, FakeResponse response, string expected)
    {
        using var api = new FakeCometApi.FakeCometApi();
        api.Enqueue(response);
        var key = NewKey();
        using var ps = new PowerShellHarness();
        var run = RunWithKey(ps, "Get-CometModel -BaseUri $api -ApiKey $key -NoCache -MaximumRetryCount 0", api, key);
        var error = ErrorAssert.Single(run, "CometApiSchemaMismatch", ErrorCategory.InvalidData);
        Assert.Contains(expected, error.Exception.Message);
        Assert.DoesNotContain("truncated or corrupted", error.Exception.Message);
        Assert.Empty(Models(run));
        Assert.Equal(1, api.RequestCount);
        Assert.False(string.IsNullOrEmpty(name));
    }
}
