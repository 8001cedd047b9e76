using System;
using System.Collections.Generic;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Config;

/// <summary>
/// Reads JSON with comments and trailing commas (appsettings.json) into <see cref="ConfigNode"/>s with byte
/// positions from Utf8JsonReader, so nothing is re-serialised and the dry run can edit one string in place.
/// </summary>
internal static class JsonConfigTree
{
    public static ConfigNode Read(string path, byte[] content, int offset)
    {
        var lines = new LineCounter(content);
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(content, offset, content.Length - offset),
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var stack = new List<ConfigNode>();
        ConfigNode? pendingKey = null;
        ConfigNode? root = null;
        try
        {
            while (reader.Read())
            {
                var start = offset + (int)reader.TokenStartIndex;
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }
                var line = lines.LineAt(start);
                if (token == JsonTokenType.PropertyName)
                {
                    pendingKey = ConfigNode.Scalar(reader.GetString()!, null, ScalarStyle.JsonString, line, start + 1, reader.ValueSpan.Length);
                    continue;
                }
                ConfigNode node = token switch
                {
                    JsonTokenType.StartObject => ConfigNode.Mapping(line),
                    JsonTokenType.StartArray => ConfigNode.Sequence(line),
                    JsonTokenType.String => ConfigNode.Scalar(reader.GetString()!, null, ScalarStyle.JsonString, line, start + 1, reader.ValueSpan.Length),
                    _ => ConfigNode.Scalar(System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()), JsonTokenText.WithArticle(token),
                        ScalarStyle.JsonLiteral, line, start, reader.ValueSpan.Length),
                };
                if (stack.Count == 0) root = node;
                else if (stack[stack.Count - 1].Kind == ConfigNodeKind.Sequence) stack[stack.Count - 1].Items!.Add(node);
                else stack[stack.Count - 1].Entries!.Add(new KeyValuePair<ConfigNode, ConfigNode>(pendingKey!, node));
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray) stack.Add(node);
            }
        }
        catch (JsonException ex)
        {
            throw ConfigErrors.Invalid(path, (int?)(ex.LineNumber + 1), null, $"is not valid JSON ({JsonTokenText.WithoutPosition(ex.Message)}).",
                "Fix the file so the application can read it.", ex);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader validates structure, not the bytes inside strings: GetString finds invalid UTF-8 late.
            throw ConfigErrors.Invalid(path, null, null, "holds text that is not valid UTF-8.", "Save the config as UTF-8 (with or without BOM).", ex);
        }
        return root ?? throw ConfigErrors.Invalid(path, 1, null, "is empty.", "Write the JSON the application reads.");
    }
}
