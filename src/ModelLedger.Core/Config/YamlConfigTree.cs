using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlEvents = YamlDotNet.Core.Events;

namespace ModelLedger.Config
{
    /// <summary>
    /// Reads a YAML stream (every document) into <see cref="ConfigNode"/>s from YamlDotNet's parser events, whose
    /// start and end marks give each scalar's line and character span. Nothing is re-serialised: anchors, aliases,
    /// merge keys, comments and flow collections stay as written, and a scalar's bytes can be edited in place.
    /// </summary>
    internal static class YamlConfigTree
    {
        public static List<ConfigNode> Read(string path, string text, int bomBytes)
        {
            var documents = new List<ConfigNode>();
            var state = new State(text, bomBytes);
            try
            {
                var parser = new Parser(new StringReader(text));
                parser.Consume<StreamStart>();
                while (parser.TryConsume<DocumentStart>(out _))
                {
                    state.Anchors.Clear();
                    documents.Add(ReadNode(parser, state, flow: false));
                    parser.Consume<DocumentEnd>();
                }
                parser.Consume<StreamEnd>();
            }
            catch (InvalidOperationException ex)
            {
                // The event stream ended early (YamlDotNet's Consume past the end): an unclosed collection.
                throw ConfigErrors.Invalid(path, state.LastLine, null, "is not valid YAML (it ends before a collection is closed).", "Fix the file so the application can read it.", ex);
            }
            catch (YamlException ex)
            {
                throw ConfigErrors.Invalid(path, (int)ex.Start.Line, null, $"is not valid YAML ({Trim(ex.Message)}).", "Fix the file so the application can read it.", ex);
            }
            return documents;
        }

        private sealed class State
        {
            public State(string text, int bomBytes)
            {
                Text = text;
                Bytes = new Utf8Cursor(text, bomBytes);
            }

            public readonly string Text;
            public readonly Utf8Cursor Bytes;
            public readonly Dictionary<string, ConfigNode> Anchors = new();
            public int LastLine = 1;
        }

        private static ConfigNode ReadNode(IParser parser, State state, bool flow)
        {
            var ev = parser.Consume<ParsingEvent>();
            state.LastLine = (int)ev.End.Line;
            switch (ev)
            {
                case YamlEvents.Scalar s:
                    return Remember(state, s.Anchor, ScalarNode(s, state, flow));
                case AnchorAlias a:
                    if (!state.Anchors.TryGetValue(a.Value.Value, out var target))
                        throw new YamlException(a.Start, a.End, $"the alias *{a.Value.Value} names no anchor defined before it");
                    target.Aliased = true;
                    return new ConfigNode { Kind = ConfigNodeKind.Alias, Target = target, Line = (int)a.Start.Line, Value = "*" + a.Value.Value };
                case SequenceStart seq:
                {
                    var node = ConfigNode.Sequence((int)seq.Start.Line);
                    node.Flow = seq.Style == YamlDotNet.Core.Events.SequenceStyle.Flow;
                    Remember(state, seq.Anchor, node);
                    while (!parser.TryConsume<SequenceEnd>(out _)) node.Items!.Add(ReadNode(parser, state, node.Flow));
                    return node;
                }
                case MappingStart map:
                {
                    var node = ConfigNode.Mapping((int)map.Start.Line);
                    node.Flow = map.Style == YamlDotNet.Core.Events.MappingStyle.Flow;
                    Remember(state, map.Anchor, node);
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var key = ReadNode(parser, state, node.Flow);
                        var value = ReadNode(parser, state, node.Flow);
                        node.Entries!.Add(new KeyValuePair<ConfigNode, ConfigNode>(key, value));
                    }
                    return node;
                }
                default:
                    throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
            }
        }

        private static ConfigNode Remember(State state, AnchorName anchor, ConfigNode node)
        {
            if (anchor.IsEmpty) return node;
            node.Anchor = anchor.Value;
            state.Anchors[anchor.Value] = node;
            return node;
        }

        private static ConfigNode ScalarNode(YamlEvents.Scalar s, State state, bool flow)
        {
            var end = (int)s.End.Index;
            var multiLine = s.Start.Line != s.End.Line;
            var line = (int)(multiLine ? s.Start.Line : s.End.Line);
            ScalarStyle style;
            int contentStart, contentEnd;
            switch (s.Style)
            {
                case YamlDotNet.Core.ScalarStyle.SingleQuoted:
                    style = ScalarStyle.YamlSingleQuoted;
                    contentEnd = end - 1;
                    contentStart = OpeningQuote(state.Text, contentEnd, '\'') + 1;
                    break;
                case YamlDotNet.Core.ScalarStyle.DoubleQuoted:
                    style = ScalarStyle.YamlDoubleQuoted;
                    contentEnd = end - 1;
                    contentStart = OpeningQuote(state.Text, contentEnd, '"') + 1;
                    break;
                case YamlDotNet.Core.ScalarStyle.Literal:
                case YamlDotNet.Core.ScalarStyle.Folded:
                    style = ScalarStyle.YamlBlock;
                    contentStart = (int)s.Start.Index;
                    contentEnd = end;
                    multiLine = true;
                    break;
                default:
                    style = ScalarStyle.YamlPlain;
                    contentEnd = end;
                    // A single-line plain scalar is written exactly as its value; an empty one (a: ) has no characters.
                    contentStart = multiLine ? (int)s.Start.Index : end - s.Value.Length;
                    break;
            }
            var nonString = style == ScalarStyle.YamlPlain ? YamlScalarType.OfPlain(s.Value) : null;
            if (!s.Tag.IsEmpty) nonString = YamlScalarType.OfTag(s.Tag.Value, nonString);
            var byteStart = state.Bytes.ByteAt(contentStart);
            var byteEnd = state.Bytes.ByteAt(contentEnd);
            var node = ConfigNode.Scalar(s.Value, nonString, style, line, byteStart, byteEnd - byteStart);
            node.MultiLine = multiLine;
            node.Flow = flow;
            return node;
        }

        // Walks back from the closing quote to the opening one. In a double-quoted scalar a quote preceded by an odd
        // number of backslashes is escaped; in a single-quoted one '' is an escaped quote.
        private static int OpeningQuote(string text, int closing, char quote)
        {
            var i = closing - 1;
            while (i >= 0)
            {
                if (text[i] == quote)
                {
                    if (quote == '"')
                    {
                        var slashes = 0;
                        for (var j = i - 1; j >= 0 && text[j] == '\\'; j--) slashes++;
                        if (slashes % 2 == 0) return i;
                    }
                    else
                    {
                        if (i > 0 && text[i - 1] == '\'') { i -= 2; continue; }
                        return i;
                    }
                }
                i--;
            }
            return 0;
        }

        private static string Trim(string message)
        {
            var cut = message.IndexOf("): ", System.StringComparison.Ordinal);
            return (cut > 0 ? message.Substring(cut + 3) : message).TrimEnd('.');
        }
    }
}
