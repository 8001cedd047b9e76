using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelLedger.Rendering;
using ModelLedger.Secrets;

namespace ModelLedger.Client;

/// <summary>
/// What an error response says, read defensively: OpenAI-shaped <c>{"error":{"message","type","code"}}</c>,
/// a top-level <c>message</c>, or anything else (then nothing). The request id comes from the message text
/// ("(request id: 2026...)") or an X-Request-Id style header. Quoted text is scrubbed of the key.
/// </summary>
internal sealed class ErrorBody
{
    private static readonly Regex RequestIdPattern = new(@"request[ _-]?id[:=]?\s*([A-Za-z0-9][A-Za-z0-9._\-]{3,100})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly string[] RequestIdHeaders = { "X-Request-Id", "X-Oneapi-Request-Id", "Request-Id", "X-Amzn-RequestId" };

    public string? Message { get; private set; }
    public string? Code { get; private set; }
    public string? Type { get; private set; }
    public string? RequestId { get; private set; }

    /// <summary>", code 'x': server message (request id: y)" for the error message, or "".</summary>
    public string Suffix
    {
        get
        {
            var sb = new StringBuilder();
            if (Code != null) sb.Append($", code '{Code}'");
            if (Message != null) sb.Append($": \"{Message}\"");
            if (RequestId != null && (Message == null || Message.IndexOf(RequestId, StringComparison.Ordinal) < 0)) sb.Append($" (request id: {RequestId})");
            return sb.ToString();
        }
    }

    public static ErrorBody Parse(byte[] body, HttpResponseMessage response, SecretScrubber scrubber)
    {
        var info = new ErrorBody();
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (name == "error" && reader.TokenType == JsonTokenType.StartObject) ReadError(ref reader, info);
                    else if (name == "error" && reader.TokenType == JsonTokenType.String) info.Message ??= reader.GetString();
                    else if (name == "message" && reader.TokenType == JsonTokenType.String) info.Message ??= reader.GetString();
                    else if (name == "code" && info.Code == null) info.Code = Scalar(ref reader);
                    else reader.Skip();
                }
            }
        }
        catch (JsonException) { /* not JSON: classify by status alone */ }
        catch (InvalidOperationException) { }

        info.Message = Quote(info.Message, scrubber);
        info.Code = Quote(info.Code, scrubber, 80);
        info.Type = Quote(info.Type, scrubber, 80);
        if (info.Message != null && RequestIdPattern.Match(info.Message) is { Success: true } m) info.RequestId = m.Groups[1].Value;
        if (info.RequestId == null)
        {
            foreach (var h in RequestIdHeaders)
                if (response.Headers.TryGetValues(h, out var values) && values.FirstOrDefault() is { Length: > 0 } v) { info.RequestId = Quote(v, scrubber, 100); break; }
        }
        return info;
    }

    private static void ReadError(ref Utf8JsonReader reader, ErrorBody info)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "message": if (reader.TokenType == JsonTokenType.String) info.Message = reader.GetString(); else reader.Skip(); break;
                case "code": info.Code = Scalar(ref reader); break;
                case "type": info.Type = Scalar(ref reader); break;
                default: reader.Skip(); break;
            }
        }
    }

    private static string? Scalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: var s = reader.GetString(); return string.IsNullOrEmpty(s) ? null : s;
            case JsonTokenType.Number: return Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
            default: reader.Skip(); return null;
        }
    }

    /// <summary>Server text fit to quote: without the key in any form or any long fragment of it, on one line, short.</summary>
    private static string? Quote(string? text, SecretScrubber scrubber, int max = 300)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var s = UntrustedText.OneLine(scrubber.ScrubServerText(text!), max);
        return s.Length == 0 ? null : s;
    }
}
