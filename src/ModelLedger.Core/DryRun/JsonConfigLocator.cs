using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.DryRun
{
    /// <summary>
    /// Finds the JSON string that a <see cref="ConfigKeyPath"/> names inside a config file's bytes, so the dry run can
    /// change exactly the characters of that value and nothing else (indentation, key order, comments, line endings and
    /// BOM all stay as written).
    /// </summary>
    public static class JsonConfigLocator
    {
        private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

        private sealed class Frame
        {
            public bool IsArray;
            public int Index;
            public string? Name;
            public string Segment => IsArray ? (Index - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : Name ?? "";
        }

        public static JsonStringSlot Find(string configPath, byte[] content, ConfigKeyPath key)
        {
            var offset = BomLength(configPath, content);
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(content, offset, content.Length - offset),
                new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
            var stack = new List<Frame>();
            var found = new List<JsonStringSlot>();
            string? notAString = null;
            var caseMisses = new List<string>();
            // Names that exist under the longest prefix of the key that the file has, for the "it has: ..." hint.
            var deepestPrefix = -1;
            var siblings = new List<string>();

            try
            {
                while (reader.Read())
                {
                    var token = reader.TokenType;
                    if (token == JsonTokenType.PropertyName)
                    {
                        stack[stack.Count - 1].Name = reader.GetString();
                        continue;
                    }
                    if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    {
                        stack.RemoveAt(stack.Count - 1);
                        continue;
                    }

                    // A value starts here (a container or a scalar): its path is the stack's segments.
                    if (stack.Count > 0 && stack[stack.Count - 1].IsArray) stack[stack.Count - 1].Index++;
                    var depth = stack.Count;
                    if (depth > 0)
                    {
                        var prefix = ExactPrefix(stack, key);
                        if (prefix == depth && depth == key.Segments.Count)
                        {
                            if (token == JsonTokenType.String)
                                found.Add(new JsonStringSlot(offset + (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.GetString()!,
                                    LineOf(content, offset + (int)reader.TokenStartIndex)));
                            else
                                notAString = JsonTokenText.WithArticle(token);
                        }
                        else if (prefix == depth - 1 && depth <= key.Segments.Count)
                        {
                            var segment = stack[depth - 1].Segment;
                            if (depth - 1 > deepestPrefix) { deepestPrefix = depth - 1; siblings.Clear(); }
                            if (depth - 1 == deepestPrefix && siblings.Count < 12) siblings.Add(segment);
                        }
                    }
                    if (depth > 0 && depth == key.Segments.Count && caseMisses.Count < 3 && ExactPrefix(stack, key) < depth && SameIgnoringCase(stack, key))
                        caseMisses.Add(ConfigKeyPath.Join(stack.Select(f => f.Segment)));
                    if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        stack.Add(new Frame { IsArray = token == JsonTokenType.StartArray });
                }
            }
            catch (JsonException ex)
            {
                throw Invalid(configPath, (int?)(ex.LineNumber + 1), key.Text,
                    $"is not valid JSON ({FirstSentence(ex.Message)}).", "Fix the file so the application can read it, then run the dry run again.", ex);
            }
            catch (InvalidOperationException ex)
            {
                // Utf8JsonReader validates structure, not the bytes inside strings: GetString finds invalid UTF-8 late.
                throw Invalid(configPath, null, key.Text, "holds text that is not valid UTF-8.",
                    "Save the config as UTF-8 (with or without BOM), then run the dry run again.", ex);
            }

            if (found.Count > 1)
                throw Invalid(configPath, found[1].Line, key.Text,
                    $"sets '{key.Text}' {found.Count} times (lines {string.Join(", ", found.Select(f => f.Line))}); readers disagree about which one wins.",
                    "Keep one occurrence of the property, then run the dry run again.");
            if (found.Count == 1) return found[0];
            if (notAString != null)
                throw Invalid(configPath, null, key.Text, $"holds {notAString} at '{key.Text}', not a model ID string.",
                    "Point -ConfigKey at the property whose value is the model ID string.");

            var hint = caseMisses.Count > 0
                ? $" The file has '{caseMisses[0]}', which differs in letter case; property names are matched exactly."
                : siblings.Count > 0
                    ? $" {(deepestPrefix == 0 ? "The top level" : "'" + ConfigKeyPath.Join(key.Segments.Take(deepestPrefix)) + "'")} has: {string.Join(", ", siblings.Distinct(StringComparer.Ordinal).Select(s => "'" + s + "'"))}."
                    : "";
            var fix = "Pass the dotted path of the property that holds the model ID (for example 'llm.chat.model'; a number selects an array item).";
            throw new ModelLedgerException(ErrorIds.DryRunConfigKeyNotFound, FailureCategory.ObjectNotFound,
                $"Config '{configPath}' has no property '{key.Text}'.{hint} {fix}")
            {
                Target = key.Text,
                FilePath = configPath,
                Field = key.Text,
                RecommendedAction = fix,
            };
        }

        /// <summary>The config's bytes with the slot's characters replaced by <paramref name="value"/> (JSON-escaped); every other byte unchanged.</summary>
        public static byte[] Replace(byte[] content, JsonStringSlot slot, string value)
        {
            var encoded = Encoding.UTF8.GetBytes(EscapeJsonString(value));
            var result = new byte[content.Length - slot.Length + encoded.Length];
            Buffer.BlockCopy(content, 0, result, 0, slot.Start);
            Buffer.BlockCopy(encoded, 0, result, slot.Start, encoded.Length);
            Buffer.BlockCopy(content, slot.Start + slot.Length, result, slot.Start + encoded.Length, content.Length - slot.Start - slot.Length);
            return result;
        }

        /// <summary>The characters between the quotes of a JSON string holding <paramref name="value"/>: only what JSON requires is escaped.</summary>
        internal static string EscapeJsonString(string value)
        {
            var sb = new StringBuilder(value.Length + 8);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.ToString();
        }

        private static int ExactPrefix(List<Frame> stack, ConfigKeyPath key)
        {
            var n = Math.Min(stack.Count, key.Segments.Count);
            for (var i = 0; i < n; i++)
                if (!string.Equals(stack[i].Segment, key.Segments[i], StringComparison.Ordinal)) return i;
            return n;
        }

        private static bool SameIgnoringCase(List<Frame> stack, ConfigKeyPath key)
        {
            for (var i = 0; i < stack.Count; i++)
                if (!string.Equals(stack[i].Segment, key.Segments[i], StringComparison.OrdinalIgnoreCase)) return false;
            return true;
        }

        private static int BomLength(string configPath, byte[] content)
        {
            if (content.Length >= 3 && content[0] == Utf8Bom[0] && content[1] == Utf8Bom[1] && content[2] == Utf8Bom[2]) return 3;
            if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
                throw Invalid(configPath, 1, null, "is saved as UTF-16; the dry run edits UTF-8 JSON byte for byte.",
                    "Save the config as UTF-8 (with or without BOM), or rehearse on a UTF-8 copy the application reads.");
            return 0;
        }

        private static int LineOf(byte[] content, int index)
        {
            var line = 1;
            for (var i = 0; i < index && i < content.Length; i++)
                if (content[i] == (byte)'\n') line++;
            return line;
        }

        private static string FirstSentence(string message)
        {
            var cut = message.IndexOf(". ", StringComparison.Ordinal);
            return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.');
        }

        internal static ModelLedgerException Invalid(string configPath, int? line, string? field, string problem, string fix, Exception? inner = null) =>
            FileErrors.Invalid(ErrorIds.DryRunConfigInvalid, "Config", configPath, line, field, problem, fix, inner);
    }
}
