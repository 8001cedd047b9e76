using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ModelLedger.Config;
using ModelLedger.References;

namespace ModelLedger.Core.Tests.References;

/// <summary>
/// Generated JSON and YAML trees with hostile keys (. [ ] # " \ = digits, spaces, non-ASCII), lists of mappings whose
/// name/id fields repeat or hold selector syntax, and bare lists: every ID written as a value gets a ConfigRef, and
/// each ref, parsed and resolved independently of the scan, holds the ID through its template. Fixed seeds.
/// </summary>
public class ConfigRefGeneratedTreeTests
{
    private static readonly string[] KeyParts = { "a", "b", ".", "[", "]", "#", "\"", "\\", "=", "7", "0", " ", "ü", "{", "@", "-" };
    private static readonly string[] FieldValues = { "x", "y", "a.b", "c]d", "e=f", "g\"h", "i#j", "" };

    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    public void EveryIdWrittenAsAValueGetsARefThatReadsBack(string format)
    {
        var total = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var random = new Random(seed);
            var ids = new List<string>();
            var tree = Mapping(random, 0, ids, 6);
            var text = format == "json" ? Json(tree) : Yaml(tree, 0);
            using var t = new TempFiles();
            var path = t.Write("gen." + format, text);
            var hits = new ReferenceScanner(ids, null).Scan(path, t.Dir).ToList();
            Assert.Equal(ids.Count, hits.Count);
            var file = ConfigFile.Parse(path, File.ReadAllBytes(path));
            foreach (var hit in hits)
            {
                Assert.True(hit.ConfigRef != null, $"seed {seed}: no ref for {hit.ModelId} at line {hit.Line} in\n{text}");
                var parsed = ConfigRef.ParseSyntax(hit.ConfigRef!);
                var at = file.Locate(parsed.Document, parsed.Key);
                Assert.True(parsed.Template.TryExtract(at.Value!, out var id) && id == hit.ModelId, $"seed {seed}: {hit.ConfigRef} reads '{at.Value}', not {hit.ModelId}");
                Assert.Equal(hit.Line, at.Line);
            }
            total += hits.Count;
        }
        Assert.True(total >= 500, $"only {total} IDs generated");
    }

    // A tree as nested lists of (key, value) pairs and lists; values are IDs (sometimes behind a prefix) or subtrees.
    private static List<KeyValuePair<string, object>> Mapping(Random r, int depth, List<string> ids, int minEntries = 2)
    {
        var entries = new List<KeyValuePair<string, object>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var n = minEntries + r.Next(4);
        while (entries.Count < n)
        {
            var key = string.Concat(Enumerable.Range(0, 1 + r.Next(4)).Select(_ => KeyParts[r.Next(KeyParts.Length)]));
            if (!keys.Add(key) || key.Trim().Length == 0) continue;   // a key twice is refused by every reader
            entries.Add(new KeyValuePair<string, object>(key, Value(r, depth, ids)));
        }
        return entries;
    }

    private static object Value(Random r, int depth, List<string> ids)
    {
        var pick = depth >= 3 ? 0 : r.Next(5);
        switch (pick)
        {
            case 1:
                return Mapping(r, depth + 1, ids);
            case 2:
                return Enumerable.Range(0, 1 + r.Next(4)).Select(_ => (object)NewId(r, ids)).ToList();
            case 3:
                // A list of mappings named by fields that may repeat or hold selector syntax.
                return Enumerable.Range(0, 2 + r.Next(3)).Select(_ =>
                {
                    var item = new List<KeyValuePair<string, object>>();
                    if (r.Next(3) > 0) item.Add(new KeyValuePair<string, object>("name", FieldValues[r.Next(FieldValues.Length)]));
                    if (r.Next(2) > 0) item.Add(new KeyValuePair<string, object>("id", FieldValues[r.Next(FieldValues.Length)]));
                    item.Add(new KeyValuePair<string, object>("model", NewId(r, ids)));
                    return (object)item;
                }).ToList();
            default:
                return NewId(r, ids);
        }
    }

    private static string NewId(Random r, List<string> ids)
    {
        var id = "zq-model-" + ids.Count;
        ids.Add(id);
        return r.Next(3) == 0 ? "openai/" + id : id;
    }

    private static string Json(object node) => node switch
    {
        string s => JsonSerializer.Serialize(s),
        List<KeyValuePair<string, object>> m => "{ " + string.Join(",\n", m.Select(e => JsonSerializer.Serialize(e.Key) + ": " + Json(e.Value))) + " }",
        List<object> l => "[ " + string.Join(",\n", l.Select(Json)) + " ]",
        _ => throw new InvalidOperationException(),
    };

    // Block YAML; keys and strings double-quoted with JSON's escapes, which YAML reads the same way.
    private static string Yaml(object node, int indent)
    {
        var pad = new string(' ', indent);
        var sb = new StringBuilder();
        switch (node)
        {
            case List<KeyValuePair<string, object>> m:
                foreach (var e in m)
                {
                    sb.Append(pad).Append(JsonSerializer.Serialize(e.Key, Escaped)).Append(':');
                    if (e.Value is string s) sb.Append(' ').Append(JsonSerializer.Serialize(s, Escaped)).Append('\n');
                    else sb.Append('\n').Append(Yaml(e.Value, indent + 2));
                }
                break;
            case List<object> l:
                foreach (var item in l)
                {
                    if (item is string s) { sb.Append(pad).Append("- ").Append(JsonSerializer.Serialize(s, Escaped)).Append('\n'); continue; }
                    // "- " then the item's mapping indented under the dash.
                    var inner = Yaml(item, indent + 2);
                    sb.Append(pad).Append("- ").Append(inner.Substring(indent + 2));
                }
                break;
        }
        return sb.ToString();
    }

    private static readonly JsonSerializerOptions Escaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
