using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ModelLedger.References
{
    /// <summary>A scalar value in a config file: where its text starts and ends on its line, and the key that holds it.</summary>
    public sealed class ConfigScalar
    {
        public int Line { get; set; }

        /// <summary>1-based column of the value's first character (inside any quotes), in characters.</summary>
        public int Column { get; set; }

        public string Value { get; set; } = "";
        public IReadOnlyList<string> Key { get; set; } = Array.Empty<string>();

        /// <summary>The 0-based document of a multi-document YAML file; null when the file has one.</summary>
        public int? Document { get; set; }
    }

    /// <summary>
    /// Lists the scalar string values of a JSON, YAML or .env file with their keys, so a found ID can be turned into
    /// the config ref that points at it. This is a locator for bootstrapping a ledger, not the release-config reader:
    /// JSON is exact (comments and trailing commas allowed); .env is KEY=value lines; YAML is read line by line
    /// (block mappings, "- " sequence items, plain and quoted one-line scalars, "---" documents) and skips what it
    /// does not understand rather than guess a key.
    /// </summary>
    public static class ConfigScalars
    {
        public enum Format { None, Json, Yaml, DotEnv }

        public static Format FormatOf(string path)
        {
            var name = Path.GetFileName(path).ToLowerInvariant();
            if (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonc", StringComparison.Ordinal)) return Format.Json;
            if (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)) return Format.Yaml;
            if (name == ".env" || name.EndsWith(".env", StringComparison.Ordinal)) return Format.DotEnv;
            return Format.None;
        }

        public static List<ConfigScalar> Read(Format format, string text) => format switch
        {
            Format.Json => Json(text),
            Format.Yaml => Yaml(text),
            Format.DotEnv => DotEnv(text),
            _ => new List<ConfigScalar>(),
        };

        private static List<ConfigScalar> Json(string text)
        {
            var result = new List<ConfigScalar>();
            var bytes = Encoding.UTF8.GetBytes(text);
            var lineStarts = LineStarts(bytes);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
            var path = new List<string>();
            var arrayIndex = new List<int>();   // -1 for an object level
            string? pendingName = null;
            try
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            pendingName = reader.GetString();
                            continue;
                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            arrayIndex.RemoveAt(arrayIndex.Count - 1);
                            while (path.Count > Math.Max(0, arrayIndex.Count - 1)) path.RemoveAt(path.Count - 1);
                            continue;
                    }
                    var segment = Segment(arrayIndex, pendingName);
                    pendingName = null;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (segment != null) path.Add(segment);
                        arrayIndex.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        continue;
                    }
                    if (reader.TokenType == JsonTokenType.String && segment != null)
                    {
                        var offset = (int)reader.TokenStartIndex + 1;
                        var line = LineOf(lineStarts, offset);
                        var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line - 1], offset - lineStarts[line - 1]) + 1;
                        var key = new List<string>(path) { segment };
                        result.Add(new ConfigScalar { Line = line, Column = column, Value = reader.GetString()!, Key = key });
                    }
                }
            }
            catch (JsonException)
            {
                // Not valid JSON: the IDs are still reported, without config refs.
            }
            return result;
        }

        // The segment a value at this level gets: the property name in an object, the item index in an array.
        private static string? Segment(List<int> arrayIndex, string? name)
        {
            if (arrayIndex.Count == 0) return null;
            var top = arrayIndex.Count - 1;
            if (arrayIndex[top] < 0) return name;
            return (arrayIndex[top]++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static List<ConfigScalar> DotEnv(string text)
        {
            var result = new List<ConfigScalar>();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                var at = 0;
                while (at < line.Length && (line[at] == ' ' || line[at] == '\t')) at++;
                if (at < line.Length && line[at] == '#') continue;
                if (string.CompareOrdinal(line, at, "export ", 0, 7) == 0) at += 7;
                var eq = line.IndexOf('=', at);
                if (eq <= at) continue;
                var name = line.Substring(at, eq - at).Trim();
                if (name.Length == 0 || name.IndexOf(' ') >= 0) continue;
                counts[name] = counts.TryGetValue(name, out var c) ? c + 1 : 1;
                var (value, column) = Unquote(line, eq + 1, allowComment: true);
                if (value != null) result.Add(new ConfigScalar { Line = i + 1, Column = column, Value = value, Key = new[] { name } });
            }
            // A variable defined twice is ambiguous: no ref points at it.
            result.RemoveAll(s => counts[s.Key[0]] > 1);
            return result;
        }

        private static List<ConfigScalar> Yaml(string text)
        {
            var result = new List<ConfigScalar>();
            var lines = text.Split('\n');
            var document = 0;
            var sawContent = false;
            // (indent, segment) of the open mappings and sequences above the current line.
            var stack = new List<(int Indent, string Segment, bool Sequence, int NextIndex)>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line == "---")
                {
                    if (sawContent) document++;
                    stack.Clear();
                    continue;
                }
                var indent = 0;
                while (indent < line.Length && line[indent] == ' ') indent++;
                if (indent >= line.Length || line[indent] == '#') continue;
                sawContent = true;
                var at = indent;
                // "- " items: each opens an index segment at the dash's indentation.
                while (at + 1 < line.Length && line[at] == '-' && line[at + 1] == ' ')
                {
                    while (stack.Count > 0 && stack[stack.Count - 1].Indent > at) stack.RemoveAt(stack.Count - 1);
                    int index;
                    if (stack.Count > 0 && stack[stack.Count - 1].Indent == at && stack[stack.Count - 1].Sequence)
                    {
                        var top = stack[stack.Count - 1];
                        index = top.NextIndex;
                        stack[stack.Count - 1] = (top.Indent, index.ToString(System.Globalization.CultureInfo.InvariantCulture), true, index + 1);
                    }
                    else
                    {
                        index = 0;
                        stack.Add((at, "0", true, 1));
                    }
                    at += 2;
                    while (at < line.Length && line[at] == ' ') at++;
                }
                while (stack.Count > 0 && stack[stack.Count - 1].Indent >= at && !(stack[stack.Count - 1].Sequence && stack[stack.Count - 1].Indent < at)) stack.RemoveAt(stack.Count - 1);
                var colon = KeyColon(line, at);
                if (colon < 0)
                {
                    continue;   // a bare sequence scalar or something this reader does not follow
                }
                var key = line.Substring(at, colon - at).Trim();
                if (key.Length > 1 && (key[0] == '"' || key[0] == '\'') && key[key.Length - 1] == key[0]) key = key.Substring(1, key.Length - 2);
                var (value, column) = Unquote(line, colon + 1, allowComment: true);
                if (value == null || value.Length == 0)
                {
                    stack.Add((at, key, false, 0));   // a nested mapping or sequence follows
                    continue;
                }
                if (value.StartsWith("{", StringComparison.Ordinal) || value.StartsWith("[", StringComparison.Ordinal) || value.StartsWith("|", StringComparison.Ordinal) || value.StartsWith(">", StringComparison.Ordinal) || value.StartsWith("&", StringComparison.Ordinal) || value.StartsWith("*", StringComparison.Ordinal)) continue;
                var segments = new List<string>();
                foreach (var s in stack) segments.Add(s.Segment);
                segments.Add(key);
                result.Add(new ConfigScalar { Line = i + 1, Column = column, Value = value, Key = segments, Document = document });
            }
            // The document index is part of the ref only in a multi-document file (with one document it must be left out).
            if (document == 0) foreach (var s in result) s.Document = null;
            return result;
        }

        // The ':' that ends a plain or quoted mapping key at 'at' (followed by a space or the line's end), or -1.
        private static int KeyColon(string line, int at)
        {
            if (at < line.Length && (line[at] == '"' || line[at] == '\''))
            {
                var close = line.IndexOf(line[at], at + 1);
                return close > 0 && close + 1 < line.Length && line[close + 1] == ':' ? close + 1 : -1;
            }
            for (var i = at; i < line.Length; i++)
            {
                if (line[i] == ':' && (i + 1 == line.Length || line[i + 1] == ' ')) return i;
                if (line[i] == '#' && i > at && line[i - 1] == ' ') return -1;
            }
            return -1;
        }

        // A one-line scalar after a ':' or '=': its text without quotes and its 1-based column; null when it is not one.
        private static (string? Value, int Column) Unquote(string line, int from, bool allowComment)
        {
            var at = from;
            while (at < line.Length && (line[at] == ' ' || line[at] == '\t')) at++;
            if (at >= line.Length) return ("", at + 1);
            var q = line[at];
            if (q == '"' || q == '\'')
            {
                var close = line.IndexOf(q, at + 1);
                if (close < 0) return (null, 0);
                var inner = line.Substring(at + 1, close - at - 1);
                if (q == '"' && inner.IndexOf('\\') >= 0) return (null, 0);   // escapes: positions would not line up
                return (inner, at + 2);
            }
            var end = line.Length;
            if (allowComment)
                for (var i = at; i < line.Length; i++)
                    if (line[i] == '#' && i > at && (line[i - 1] == ' ' || line[i - 1] == '\t')) { end = i; break; }
            return (line.Substring(at, end - at).TrimEnd(), at + 1);
        }

        private static int[] LineStarts(byte[] bytes)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < bytes.Length; i++) if (bytes[i] == '\n') starts.Add(i + 1);
            return starts.ToArray();
        }

        private static int LineOf(int[] starts, int offset)
        {
            var i = Array.BinarySearch(starts, offset);
            return i >= 0 ? i + 1 : ~i;
        }
    }
}
