using System;
using System.Collections.Generic;
using System.IO;
using ModelLedger.Rendering;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlEvents = YamlDotNet.Core.Events;

namespace ModelLedger.Config;

/// <summary>
/// Reads a YAML stream (every document) into <see cref="ConfigNode"/>s from YamlDotNet's parser events, whose
/// start and end marks give each scalar's line and character span. Nothing is re-serialised: anchors, aliases,
/// merge keys, comments and flow collections stay as written, and a scalar's bytes can be edited in place.
/// </summary>
internal static class YamlConfigTree
{
    /// <summary>
    /// How deep collections may nest (and merge keys chain) before the file is refused: far beyond any real config,
    /// far below what the recursion of this reader, the resolver or the application's loader can survive.
    /// </summary>
    public const int MaxDepth = 1000;

    private const string Fix = "Fix the file so the application can read it.";

    public static List<ConfigNode> Read(string path, string text, int bomBytes)
    {
        var documents = new List<ConfigNode>();
        var state = new State(path, text, bomBytes);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                state.Anchors.Clear();
                var root = ReadNode(parser, state, flow: false, depth: 0);
                // '---' with nothing after it (a rendered Helm chart ends so): an empty plain scalar, no tag, no anchor.
                root.EmptyDocument = root.Kind == ConfigNodeKind.Scalar && root.Value!.Length == 0 && root.Style == ScalarStyle.YamlPlain
                    && root.Anchor == null && state.LastTag == null;
                documents.Add(root);
                parser.Consume<DocumentEnd>();
            }
            parser.Consume<StreamEnd>();
        }
        catch (InvalidOperationException ex)
        {
            // The event stream ended early (YamlDotNet's Consume past the end): an unclosed collection.
            throw ConfigErrors.Invalid(path, state.LastLine, null, "is not valid YAML (it ends before a collection is closed)." + TemplateHint(TemplateLine(text)), Fix, ex);
        }
        catch (YamlException ex)
        {
            // A template fails where its '{{' is, wherever the parser noticed: name that line.
            var template = TemplateLine(text);
            throw ConfigErrors.Invalid(path, template ?? (int)ex.Start.Line, null, $"is not valid YAML ({Trim(ex.Message)}).{TemplateHint(template)}", template == null ? Fix : TemplateRefFix, ex);
        }
        return documents;
    }

    private sealed class State
    {
        public State(string path, string text, int bomBytes)
        {
            Path = path;
            Text = text;
            Bytes = new Utf8Cursor(text, bomBytes);
        }

        public readonly string Path;
        public readonly string Text;
        public readonly Utf8Cursor Bytes;
        public readonly Dictionary<string, ConfigNode> Anchors = new();
        /// <summary>Collections being read (an alias to one of them would make the tree contain itself).</summary>
        public readonly HashSet<ConfigNode> Open = new();
        public int LastLine = 1;
        /// <summary>The tag of the scalar read last (null: none), for '!!merge &lt;&lt;'.</summary>
        public string? LastTag;
    }

    private static ConfigNode ReadNode(IParser parser, State state, bool flow, int depth)
    {
        var ev = parser.Consume<ParsingEvent>();
        state.LastLine = (int)ev.End.Line;
        if (depth >= MaxDepth && ev is SequenceStart or MappingStart)
            throw ConfigErrors.Invalid(state.Path, (int)ev.Start.Line, null, $"nests collections more than {MaxDepth} levels deep; no configuration needs that, and readers that recurse would crash.",
                $"Flatten the structure to at most {MaxDepth} levels.");
        switch (ev)
        {
            case YamlEvents.Scalar s:
                state.LastTag = s.Tag.IsEmpty ? null : s.Tag.Value;
                return Remember(state, s.Anchor, s.Start, ScalarNode(s, state, flow));
            case AnchorAlias a:
                if (!state.Anchors.TryGetValue(a.Value.Value, out var target))
                    throw new YamlException(a.Start, a.End, $"the alias *{a.Value.Value} names no anchor defined before it");
                if (state.Open.Contains(target))
                    throw ConfigErrors.Invalid(state.Path, (int)a.Start.Line, null,
                        $"uses the alias *{UntrustedText.Excerpt(a.Value.Value)} inside the node its anchor names (line {target.Line}), so the value contains itself; merged into itself, a loader recurses without end.",
                        "Alias or merge only a node defined before and outside the alias.");
                target.Aliased = true;
                return new ConfigNode { Kind = ConfigNodeKind.Alias, Target = target, Line = (int)a.Start.Line, Value = "*" + a.Value.Value };
            case SequenceStart seq:
            {
                var node = ConfigNode.Sequence((int)seq.Start.Line);
                node.Flow = seq.Style == YamlDotNet.Core.Events.SequenceStyle.Flow;
                Remember(state, seq.Anchor, seq.Start, node);
                state.Open.Add(node);
                while (!parser.TryConsume<SequenceEnd>(out _)) node.Items!.Add(ReadNode(parser, state, node.Flow, depth + 1));
                state.Open.Remove(node);
                return node;
            }
            case MappingStart map:
            {
                var node = ConfigNode.Mapping((int)map.Start.Line);
                node.Flow = map.Style == YamlDotNet.Core.Events.MappingStyle.Flow;
                Remember(state, map.Anchor, map.Start, node);
                state.Open.Add(node);
                ConfigNode? mergeKey = null;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, state, node.Flow, depth + 1);
                    var keyTag = key.Kind == ConfigNodeKind.Scalar ? state.LastTag : null;
                    if (node.Flow && key.Kind == ConfigNodeKind.Mapping && key.Flow && key.Line == node.Line)
                        throw ConfigErrors.Invalid(state.Path, key.Line, null, "has '{{' outside quotes: it looks like a Helm or Go template, which is YAML only once rendered." + TemplateFix, TemplateRefFix);
                    var value = ReadNode(parser, state, node.Flow, depth + 1);
                    if (key.Kind == ConfigNodeKind.Scalar && key.Value == "<<" && key.Style == ScalarStyle.YamlPlain && (keyTag == null || keyTag == MergeTag))
                    {
                        if (mergeKey != null)
                            throw ConfigErrors.Invalid(state.Path, key.Line, "<<",
                                $"has a second merge key ('<<') in one mapping (lines {mergeKey.Line} and {key.Line}); YAML loaders disagree about which one wins.",
                                "Merge several mappings with one key: '<<: [*a, *b]'.");
                        key.MergeKey = true;
                        mergeKey = key;
                        node.MergeDepth = Math.Max(node.MergeDepth, 1 + MergeDepthOf(value));
                        if (node.MergeDepth > MaxDepth)
                            throw ConfigErrors.Invalid(state.Path, key.Line, "<<", $"chains merge keys ('<<') more than {MaxDepth} levels deep.", $"Merge through at most {MaxDepth} levels.");
                    }
                    node.Entries!.Add(new KeyValuePair<ConfigNode, ConfigNode>(key, value));
                }
                state.Open.Remove(node);
                return node;
            }
            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }

    private static int MergeDepthOf(ConfigNode value)
    {
        var deepest = 0;
        foreach (var source in value.Kind == ConfigNodeKind.Sequence ? value.Items! : new List<ConfigNode> { value })
        {
            var target = source.Kind == ConfigNodeKind.Alias ? source.Target! : source;
            deepest = Math.Max(deepest, target.MergeDepth);
        }
        return deepest;
    }

    private static ConfigNode Remember(State state, AnchorName anchor, Mark at, ConfigNode node)
    {
        if (anchor.IsEmpty) return node;
        // PyYAML (LiteLLM's loader) refuses a second anchor of one name; other loaders let the later one win.
        if (state.Anchors.TryGetValue(anchor.Value, out var earlier))
            throw ConfigErrors.Invalid(state.Path, (int)at.Line, null,
                $"defines the anchor &{UntrustedText.Excerpt(anchor.Value)} twice (lines {earlier.Line} and {at.Line}); YAML loaders disagree about which one an alias means.",
                "Give each anchor its own name.");
        node.Anchor = anchor.Value;
        state.Anchors[anchor.Value] = node;
        return node;
    }

    private const string MergeTag = "tag:yaml.org,2002:merge";

    private const string TemplateFix = " Point the ref at the chart's values file (values.yaml) or at a manifest rendered with 'helm template'.";
    private const string TemplateRefFix = "Point the ref at the values file or a rendered manifest, not at the template.";

    // A parse error in a file with '{{' outside quotes and comments is almost always a Helm or Go template.
    private static string TemplateHint(int? line)
    {
        return line == null ? "" : $" Line {line} has '{{{{' outside quotes: the file looks like a Helm or Go template, which is YAML only once rendered.{TemplateFix}";
    }

    /// <summary>The first line with '{{' outside quotes and comments; null when there is none.</summary>
    internal static int? TemplateLine(string text)
    {
        var line = 1;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') { line++; quote = '\0'; continue; }
            if (quote != '\0')
            {
                if (quote == '"' && c == '\\') i++;
                else if (c == quote) quote = '\0';
                continue;
            }
            if (c == '#' && (i == 0 || text[i - 1] is ' ' or '\t' or '\n'))
            {
                while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                continue;
            }
            if ((c == '"' || c == '\'') && (i == 0 || text[i - 1] is ' ' or '\t' or '\n' or ':' or '[' or '{' or ',' or '-')) quote = c;
            else if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') return line;
        }
        return null;
    }

    private static ConfigNode ScalarNode(YamlEvents.Scalar s, State state, bool flow)
    {
        // An empty scalar at the end of the stream ('---' as the last line) ends past the last character.
        var end = Math.Min((int)s.End.Index, state.Text.Length);
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
