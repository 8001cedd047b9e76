using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Client;

/// <summary>What the parser found in a models-list body.</summary>
internal sealed class ParsedModelList
{
    /// <summary>The models, each ID once, in response order (first occurrence wins).</summary>
    public List<CometModel> Models { get; } = new();

    /// <summary>IDs the body listed more than once, each with how many times.</summary>
    public List<KeyValuePair<string, int>> Duplicates { get; } = new();
}

/// <summary>
/// Reads the body of <c>GET /v1/models</c> with <see cref="Utf8JsonReader"/>: only <c>data[].id</c> is the
/// contract; <c>object</c>, <c>created</c> and <c>owned_by</c> are read when present and of the right type and
/// ignored otherwise; every other field (<c>success</c>, <c>supported_endpoint_types</c>...) is skipped.
/// A body that is not that shape, or that says more pages exist (<c>has_more: true</c>, a non-null
/// <c>links.next</c>), is <see cref="ErrorIds.CometApiSchemaMismatch"/>: never an empty or partial list.
/// </summary>
internal static class ModelListParser
{
    /// <summary>Parses a complete body. <paramref name="source"/> names the URL in messages.</summary>
    public static ParsedModelList Parse(ReadOnlySpan<byte> utf8, string source)
    {
        var trimmed = TrimStart(utf8);
        if (trimmed.Length == 0)
            throw Mismatch(source, "the response body is empty.");
        if (trimmed[0] == (byte)'<')
            throw Mismatch(source, "the response is an HTML or XML page, not JSON (a login page, a proxy page or a wrong path).");
        if (trimmed.Length >= 3 && trimmed[0] == 0xEF && trimmed[1] == 0xBB && trimmed[2] == 0xBF) trimmed = trimmed.Slice(3);

        var reader = new Utf8JsonReader(trimmed, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            return ReadDocument(ref reader, source);
        }
        catch (JsonException ex)
        {
            throw Mismatch(source, $"the response is not complete, valid JSON (it stops or breaks at byte {ex.BytePositionInLine} of line {(ex.LineNumber ?? 0) + 1}; a truncated or corrupted body).", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw Mismatch(source, "the response could not be read as JSON (" + ex.Message + ").", ex);
        }
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
        return s.Slice(i);
    }

    private static ParsedModelList ReadDocument(ref Utf8JsonReader reader, string source)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw Mismatch(source, "the response is JSON but not an object with a 'data' array.", field: "$");
        ParsedModelList? result = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "data":
                    if (reader.TokenType != JsonTokenType.StartArray)
                        throw Mismatch(source, $"'data' is {JsonTokenText.WithArticle(reader.TokenType)}, not an array of models.", field: "data");
                    if (result != null) throw Mismatch(source, "'data' appears twice.", field: "data");
                    result = ReadData(ref reader, source);
                    break;
                case "has_more":
                    if (reader.TokenType == JsonTokenType.True)
                        throw Mismatch(source, "the response says more pages exist ('has_more': true), so this is not the complete list. CometAPI documents no pagination; a partial list would make the gate report approved IDs as missing.", field: "has_more");
                    reader.Skip();
                    break;
                case "links":
                    if (reader.TokenType == JsonTokenType.StartObject) CheckLinks(ref reader, source);
                    else reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            throw Mismatch(source, "the response is not complete, valid JSON.");
        // Anything after the closing brace other than whitespace is invalid; Read() throws on it.
        if (reader.Read()) throw Mismatch(source, "the response has content after the JSON object.");
        if (result == null)
            throw Mismatch(source, "the response has no 'data' array (the documented place of the model list).", field: "data");
        return result;
    }

    private static void CheckLinks(ref Utf8JsonReader reader, string source)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "next" && reader.TokenType != JsonTokenType.Null && !(reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length == 0))
                throw Mismatch(source, "the response links to a next page ('links.next'), so this is not the complete list. CometAPI documents no pagination; a partial list would make the gate report approved IDs as missing.", field: "links.next");
            reader.Skip();
        }
    }

    private static ParsedModelList ReadData(ref Utf8JsonReader reader, string source)
    {
        var result = new ParsedModelList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, int>? repeats = null;
        var position = 0;
        var shared = new SharedStrings();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
                throw Mismatch(source, $"data[{position}] is {JsonTokenText.WithArticle(reader.TokenType)}, not a model object.", field: $"data[{position}]");
            var model = ReadModel(ref reader, source, position, shared);
            if (seen.Add(model.Id)) result.Models.Add(model);
            else
            {
                repeats ??= new Dictionary<string, int>(StringComparer.Ordinal);
                repeats[model.Id] = (repeats.TryGetValue(model.Id, out var count) ? count : 1) + 1;
            }
            position++;
        }
        if (repeats != null)
            foreach (var m in result.Models)
                if (repeats.TryGetValue(m.Id, out var times)) result.Duplicates.Add(new KeyValuePair<string, int>(m.Id, times));
        return result;
    }

    private static readonly byte[] IdName = Encoding.UTF8.GetBytes("id");
    private static readonly byte[] OwnedByName = Encoding.UTF8.GetBytes("owned_by");
    private static readonly byte[] ObjectName = Encoding.UTF8.GetBytes("object");
    private static readonly byte[] CreatedName = Encoding.UTF8.GetBytes("created");

    // The hot loop of a 100,000-model capture: property names are compared as UTF-8 bytes (no string per name) and
    // the few values that repeat across the list ("model", the owners) share one string instance.
    private static CometModel ReadModel(ref Utf8JsonReader reader, string source, int position, SharedStrings shared)
    {
        var model = new CometModel();
        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(IdName))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                    throw Mismatch(source, $"data[{position}].id is {JsonTokenText.WithArticle(reader.TokenType)}, not a string.", field: $"data[{position}].id");
                id = reader.GetString();
            }
            else if (reader.ValueTextEquals(OwnedByName))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String) model.OwnedBy = shared.Get(ref reader);
                else reader.Skip();
            }
            else if (reader.ValueTextEquals(ObjectName))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String) model.Object = shared.Get(ref reader);
                else reader.Skip();
            }
            else if (reader.ValueTextEquals(CreatedName))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var secs) && secs >= -62135596800L && secs <= 253402300799L)
                    model.Created = DateTimeOffset.FromUnixTimeSeconds(secs);
                else reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (id == null)
            throw Mismatch(source, $"data[{position}] has no 'id' (the documented identifier field).", field: $"data[{position}].id");
        if (id.Length == 0)
            throw Mismatch(source, $"data[{position}].id is an empty string.", field: $"data[{position}].id");
        model.Id = id;
        return model;
    }

    // One shape for every "not the documented list" error, shared with the client's own checks.
    internal static ModelLedgerException Mismatch(string source, string problem, Exception? inner = null, string? field = null) =>
        CometApiErrors.SchemaMismatch(source, problem, inner, field);
}
