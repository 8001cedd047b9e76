using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ModelLedger.Secrets;

/// <summary>
/// The one place that knows what an API key looks like in anything ModelLedger might write: raw, URL-encoded,
/// JSON- or XML-escaped, split by control characters or NULs, and (through <see cref="ScrubBytes"/>) inside UTF-8,
/// UTF-16 or UTF-32 files. Messages, streams, errors, output objects and files pass through it before they leave
/// the module; what it cannot make safe (a model ID that is the key) the caller refuses instead of writing.
/// </summary>
internal sealed class SecretScrubber
{
    public const string Mask = "[redacted]";

    /// <summary>A server may echo part of the key ("sk-abc...xyz"); runs this long taken from a long key are removed from server text.</summary>
    private const int FragmentLength = 8;
    private const int FragmentKeyMinimum = 12;

    /// <summary>Keys shorter than this get no base64 forms: their encodings would be too short to tell from other text.</summary>
    private const int Base64KeyMinimum = 8;

    // The keys and their base64 forms; _keys are the keys alone (server-text fragments are taken from those).
    private readonly string[] _secrets;
    private readonly string[] _keys;

    public SecretScrubber(IEnumerable<string?> secrets)
    {
        _keys = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();
        _secrets = _keys.Concat(_keys.Where(k => k.Length >= Base64KeyMinimum).SelectMany(Base64Forms)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>
    /// What the key looks like base64-encoded (a Basic header, a token, a server's debug dump), standard and URL-safe,
    /// at each of the three byte alignments it can have inside a longer encoded text: only the characters that
    /// depend on the key's bytes alone, so the form is found whatever surrounds it. At most two of the key's bytes
    /// at either end stay visible around the mask, never enough to recover it.
    /// </summary>
    private static IEnumerable<string> Base64Forms(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        for (var offset = 0; offset < 3; offset++)
        {
            var aligned = new byte[offset + bytes.Length];
            Buffer.BlockCopy(bytes, 0, aligned, offset, bytes.Length);
            var encoded = Convert.ToBase64String(aligned);
            var skip = offset switch { 0 => 0, 1 => 2, _ => 3 };
            var keep = aligned.Length / 3 * 4 - skip;
            if (keep < Base64KeyMinimum) continue;
            var core = encoded.Substring(skip, keep);
            yield return core;
            yield return core.Replace('+', '-').Replace('/', '_');
        }
    }

    public static SecretScrubber For(params string?[] secrets) => new(secrets);

    public static readonly SecretScrubber None = new(Array.Empty<string>());

    /// <summary>True when there is no key to look for.</summary>
    public bool IsEmpty => _secrets.Length == 0;

    /// <summary>True when <paramref name="text"/> holds a key in any form this class knows.</summary>
    public bool Contains(string? text)
    {
        if (IsEmpty || string.IsNullOrEmpty(text)) return false;
        var decoded = DecodedText.Plain(text!);
        return _secrets.Any(s => decoded.IndexOf(s, StringComparison.Ordinal) >= 0);
    }

    /// <summary><paramref name="text"/> with every form of every key replaced by <see cref="Mask"/>.</summary>
    public string Scrub(string text) => Replace(text, fragments: false);

    /// <summary>As <see cref="Scrub"/>, for null too.</summary>
    public string? ScrubOrNull(string? text) => text == null ? null : Replace(text, fragments: false);

    /// <summary>
    /// For text a server sent: also removes any run of <c>8</c> or more characters taken from a long key, since
    /// a server may quote a key shortened ("sk-abc...xyz").
    /// </summary>
    public string ScrubServerText(string text) => Replace(text, fragments: true);

    private string Replace(string text, bool fragments)
    {
        if (IsEmpty || text.Length == 0) return text;
        if (!fragments && !Contains(text)) return text;
        var decoded = DecodedText.Mapped(text);
        var spans = new List<(int Start, int End)>();
        foreach (var secret in _secrets)
            Find(decoded, secret, spans);
        foreach (var secret in fragments ? _keys : Array.Empty<string>())
        {
            if (secret.Length >= FragmentKeyMinimum)
                for (var length = secret.Length - 1; length >= FragmentLength; length--)
                    for (var i = 0; i + length <= secret.Length; i++)
                        Find(decoded, secret.Substring(i, length), spans);
        }
        return spans.Count == 0 ? text : Cut(text, spans);
    }

    private static void Find(DecodedText decoded, string needle, List<(int, int)> spans)
    {
        for (var at = decoded.Text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = decoded.Text.IndexOf(needle, at + 1, StringComparison.Ordinal))
            spans.Add(decoded.OriginalSpan(at, needle.Length));
    }

    private static string Cut(string text, List<(int Start, int End)> spans)
    {
        var sb = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, end) in spans.OrderBy(s => s.Start))
        {
            if (end <= position) continue;
            if (start >= position)
            {
                sb.Append(text, position, start - position);
                sb.Append(Mask);
            }
            position = end;
        }
        sb.Append(text, position, text.Length - position);
        return sb.ToString();
    }

    /// <summary>
    /// A file's bytes with every key removed, in the file's own encoding (UTF-8, UTF-16 LE/BE or UTF-32, with its
    /// byte-order mark kept). <paramref name="found"/> says whether anything was replaced. As a last line, the
    /// bytes are also read one byte per character, which sees UTF-16 text whatever its detected encoding; a key
    /// still visible that way is overwritten with '*' bytes rather than written out.
    /// </summary>
    public byte[] ScrubBytes(byte[] bytes, out bool found)
    {
        found = false;
        if (IsEmpty || bytes.Length == 0) return bytes;
        var encoding = TextEncodingSniffer.Detect(bytes, out var preambleLength);
        var text = encoding.GetString(bytes, preambleLength, bytes.Length - preambleLength);
        var result = bytes;
        if (Contains(text))
        {
            found = true;
            var body = encoding.GetBytes(Scrub(text));
            result = new byte[preambleLength + body.Length];
            Buffer.BlockCopy(bytes, 0, result, 0, preambleLength);
            Buffer.BlockCopy(body, 0, result, preambleLength, body.Length);
        }
        return MaskRemainingBytes(result, ref found);
    }

    private byte[] MaskRemainingBytes(byte[] bytes, ref bool found)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        var view = new string(chars);
        if (!Contains(view)) return bytes;
        var decoded = DecodedText.Mapped(view);
        var spans = new List<(int, int)>();
        foreach (var secret in _secrets) Find(decoded, secret, spans);
        if (spans.Count == 0) return bytes;
        found = true;
        var copy = (byte[])bytes.Clone();
        foreach (var (start, end) in spans)
            for (var i = start; i < end; i++)
                if (copy[i] != 0) copy[i] = (byte)'*';
        return copy;
    }
}
