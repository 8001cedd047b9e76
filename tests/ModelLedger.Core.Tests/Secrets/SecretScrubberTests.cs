using System;
using System.Linq;
using System.Text;
using ModelLedger.Secrets;

namespace ModelLedger.Core.Tests.Secrets;

public class SecretScrubberTests
{
    private static readonly string Key = "sk-canary-" + Guid.NewGuid().ToString("N");
    private static readonly SecretScrubber Scrubber = SecretScrubber.For(Key);

    private static string JsonEscapedEveryChar(string s) => string.Concat(s.Select(c => $"\\u{(int)c:x4}"));
    private static string UrlEncodedEveryChar(string s, string format) => string.Concat(s.Select(c => "%" + ((int)c).ToString(format, System.Globalization.CultureInfo.InvariantCulture)));

    public static TheoryData<string, string> Forms => new()
    {
        { "raw", $"Incorrect API key provided: {Key}." },
        { "URL-encoded, upper-case hex", "GET /v1?key=" + UrlEncodedEveryChar(Key, "X2") },
        { "URL-encoded, lower-case hex", "GET /v1?key=" + UrlEncodedEveryChar(Key, "x2") },
        { "URL-encoded, only some characters", "key=" + Key.Replace("-", "%2D") },
        { "JSON-escaped, every character", "{\"note\":\"" + JsonEscapedEveryChar(Key) + "\"}" },
        { "JSON-escaped, only the first character", "{\"note\":\"\\u0073" + Key.Substring(1) + "\"}" },
        { "split by NULs every few characters", string.Join("\0", Enumerable.Range(0, (Key.Length + 2) / 3).Select(i => Key.Substring(i * 3, Math.Min(3, Key.Length - i * 3)))) },
        { "split by control characters and a zero-width space", Key.Substring(0, 5) + "\u0001\u001b" + Key.Substring(5, 10) + "\u200b" + Key.Substring(15) },
        { "ASCII of UTF-16 read byte by byte", string.Concat(Key.Select(c => c + "\0")) },
        { "XML character references", "<failure message=\"" + string.Concat(Key.Select(c => $"&#{(int)c};")) + "\"/>" },
        { "base64", "debug: token=" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Key)) },
        { "base64 of user:key (a Basic header)", "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:" + Key)) },
        { "URL-safe base64 after two bytes", "t=" + Convert.ToBase64String(Encoding.UTF8.GetBytes("ab" + Key + "?>")).Replace('+', '-').Replace('/', '_') },
        { "XML hex references mixed with raw", "<x>" + Key.Substring(0, 4) + "&#x" + ((int)Key[4]).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + ";" + Key.Substring(5) + "</x>" },
    };

    [Theory]
    [InlineData("")]
    [InlineData("u:")]
    [InlineData("ab")]
    public void NoBase64RunLongEnoughToRecoverTheKeySurvives(string prefix)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + Key + "!"));
        var scrubbed = Scrubber.Scrub("x " + encoded + " y");
        Assert.Contains(SecretScrubber.Mask, scrubbed);
        // Whatever stays around the mask decodes to at most a few of the key's bytes.
        foreach (var run in scrubbed.Split(new[] { ' ', '[', ']' }, StringSplitOptions.RemoveEmptyEntries))
            Assert.True(run.Length <= 8, $"'{run}' of '{scrubbed}'");
    }

    [Fact]
    public void AShortKeyGetsNoBase64Forms()
    {
        var shortKey = SecretScrubber.For("abc123");
        Assert.False(shortKey.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes("abc123"))));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void EveryFormOfTheKeyIsFoundAndReplaced(string form, string text)
    {
        Assert.True(Scrubber.Contains(text), form);
        var scrubbed = Scrubber.Scrub(text);
        Assert.False(Scrubber.Contains(scrubbed), form);
        Assert.Contains(SecretScrubber.Mask, scrubbed);
    }

    [Fact]
    public void TextWithoutTheKeyIsReturnedUnchanged()
    {
        const string text = "gpt-4o-2024-08-06 %41 \\u0041 &amp; sk-other-key";
        Assert.False(Scrubber.Contains(text));
        Assert.Same(text, Scrubber.Scrub(text));
    }

    [Fact]
    public void TheTextAroundTheKeyIsKeptExactly()
    {
        Assert.Equal("before [redacted] after", Scrubber.Scrub($"before {Key} after"));
        Assert.Equal("a=[redacted]&b=2", Scrubber.Scrub("a=" + UrlEncodedEveryChar(Key, "X2") + "&b=2"));
    }

    [Fact]
    public void ServerTextAlsoLosesLongFragmentsButOrdinaryTextDoesNot()
    {
        var echoed = $"key {Key.Substring(0, 14)}...{Key.Substring(Key.Length - 9)} is invalid";
        Assert.False(Scrubber.Contains(echoed));
        var scrubbed = Scrubber.ScrubServerText(echoed);
        Assert.DoesNotContain(Key.Substring(0, 14), scrubbed);
        Assert.DoesNotContain(Key.Substring(Key.Length - 9), scrubbed);
        Assert.StartsWith("key [redacted]", scrubbed);
    }

    [Fact]
    public void NoKeyMeansNothingToScrub()
    {
        Assert.True(SecretScrubber.For(null, "").IsEmpty);
        Assert.Equal(Key, SecretScrubber.None.Scrub(Key));
    }

    [Fact]
    public void SeveralKeysAreAllScrubbed()
    {
        var other = "sk-second-" + Guid.NewGuid().ToString("N");
        var both = SecretScrubber.For(Key, other);
        var scrubbed = both.Scrub($"{Key} and {other}");
        Assert.Equal("[redacted] and [redacted]", scrubbed);
    }

    public static TheoryData<string, Encoding, bool> FileEncodings => new()
    {
        { "UTF-8", new UTF8Encoding(false), false },
        { "UTF-8 with BOM", new UTF8Encoding(true), true },
        { "UTF-16 LE with BOM", new UnicodeEncoding(false, true), true },
        { "UTF-16 BE with BOM", new UnicodeEncoding(true, true), true },
        { "UTF-16 LE without BOM", new UnicodeEncoding(false, false), false },
        { "UTF-32 LE with BOM", new UTF32Encoding(false, true), true },
    };

    [Theory]
    [MemberData(nameof(FileEncodings))]
    public void FilesInEveryDocumentedEncodingAreScrubbedAndKeepTheirEncoding(string name, Encoding encoding, bool bom)
    {
        foreach (var content in new[]
        {
            "{\"entries\":[{\"service\":\"support-router\",\"notes\":\"temp key " + Key + "\"}]}\n",
            "{\"entries\":[{\"service\":\"support-router\",\"notes\":\"temp key " + JsonEscapedEveryChar(Key) + "\"}]}\n",
            "service,notes\nsupport-router,\"temp key " + Key + "\"\n",
        })
        {
            var bytes = (bom ? encoding.GetPreamble() : Array.Empty<byte>()).Concat(encoding.GetBytes(content)).ToArray();
            var scrubbed = Scrubber.ScrubBytes(bytes, out var found);
            Assert.True(found, name);
            var preamble = encoding.GetPreamble();
            Assert.Equal(bom, scrubbed.Take(preamble.Length).SequenceEqual(preamble) && preamble.Length > 0);
            var text = encoding.GetString(scrubbed, bom ? preamble.Length : 0, scrubbed.Length - (bom ? preamble.Length : 0));
            Assert.Contains("temp key [redacted]", text);
            Assert.Contains("support-router", text);
            Assert.False(Scrubber.Contains(text), name);
            Assert.False(Scrubber.Contains(Encoding.GetEncoding("ISO-8859-1").GetString(scrubbed)), name + " (byte view)");
        }
    }

    [Fact]
    public void AFileWithoutTheKeyKeepsItsBytes()
    {
        var bytes = new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"entries\":[]}")).ToArray();
        Assert.Same(bytes, Scrubber.ScrubBytes(bytes, out var found));
        Assert.False(found);
    }

    [Fact]
    public void AnErrorIsScrubbedInEveryPartAPowerShellErrorRecordShows()
    {
        var inner = new InvalidOperationException("socket to https://" + Key + "@host failed");
        var ex = new ModelLedgerException(ErrorIds.CometApiBaseUriInvalid, FailureCategory.InvalidArgument, $"The base URI '{Key}' is not an absolute http(s) URL.", inner)
        {
            Target = Key,
            RecommendedAction = "Pass the API root, not " + Key,
            RequestId = "rq-1",
        };
        var safe = ScrubbedError.Of(ex, Scrubber);
        Assert.Equal(ErrorIds.CometApiBaseUriInvalid, safe.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, safe.Category);
        Assert.Equal("rq-1", safe.RequestId);
        foreach (var text in new[] { safe.Message, safe.Target?.ToString(), safe.RecommendedAction, safe.ToString(), safe.InnerException?.ToString() })
        {
            Assert.NotNull(text);
            Assert.False(Scrubber.Contains(text), text);
        }
        Assert.Contains("[redacted]", safe.Message);
    }

    [Fact]
    public void AnErrorWithoutTheKeyIsTheSameObject()
    {
        var ex = new ModelLedgerException(ErrorIds.CometApiUnavailable, FailureCategory.ConnectionError, "down");
        Assert.Same(ex, ScrubbedError.Of(ex, Scrubber));
    }
}
