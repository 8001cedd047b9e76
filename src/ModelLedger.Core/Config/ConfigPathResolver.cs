using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Rendering;

namespace ModelLedger.Config;

/// <summary>
/// Walks a <see cref="ConfigKeyPath"/> through a parsed config. Names compare exactly; a near miss in letter case
/// and the names the deepest level has are hints in the error, never matches. Aliases and YAML merge keys are
/// followed (the value is what the application reads) and remembered, because switching such a value in place
/// would change more than this key.
/// </summary>
internal static class ConfigPathResolver
{
    internal readonly struct Resolved
    {
        public Resolved(ConfigNode node, string concretePath, string? sharedReason, int line)
        {
            Node = node;
            ConcretePath = concretePath;
            SharedReason = sharedReason;
            Line = line;
        }

        public ConfigNode Node { get; }

        /// <summary>The scalar's line; for a mapping or sequence, the line of the key (or item) that names it.</summary>
        public int Line { get; }
        public string ConcretePath { get; }
        public string? SharedReason { get; }
    }

    private sealed class Miss
    {
        public int Level;
        public int Line;
        public string Problem = "";
        public List<string> Has = new();
    }

    /// <summary>
    /// Refuses a config ref whose file, after every link on the way, is outside the release root: a committed link
    /// ("leak.env -> ../outside/secret.env", "-> /proc/self/environ") must not be read, and the error names only the
    /// ref's own path, nothing of where the link leads.
    /// </summary>
    public static void RequireInside(string releaseRoot, string fullPath)
    {
        if (IO.RealPath.IsInside(releaseRoot, fullPath)) return;
        throw ConfigErrors.OutsideReleaseRoot(fullPath, releaseRoot);
    }

    public static Resolved Resolve(ConfigFile file, ConfigNode root, ConfigKeyPath key)
    {
        var result = Walk(file, root, key, StringComparison.Ordinal, out var miss);
        if (result != null) return result.Value;

        var fold = Walk(file, root, key, StringComparison.OrdinalIgnoreCase, out _);
        var hint = fold != null
            ? $" The file has '{fold.Value.ConcretePath}', which differs in letter case; names are matched exactly."
            : miss!.Has.Count > 0
                ? $" {(miss.Level == 0 ? "The top level" : "'" + ConfigKeyPath.Join(key.Segments.Take(miss.Level)) + "'")} has: {string.Join(", ", miss.Has.Distinct(StringComparer.Ordinal).Take(12).Select(s => "'" + UntrustedText.Excerpt(s) + "'"))}."
                : "";
        throw ConfigErrors.KeyNotFound(file.Path, miss!.Line, key.Text, $"has no {file.Syntax.KeyNoun} '{key.Text}': {miss.Problem}{hint}", file.Syntax.KeyFix);
    }

    private static Resolved? Walk(ConfigFile file, ConfigNode root, ConfigKeyPath key, StringComparison comparison, out Miss? miss)
    {
        miss = null;
        string? shared = null;
        var concrete = new List<KeySegment>();
        var node = root;
        var line = root.Line;
        for (var level = 0; level < key.Segments.Count; level++)
        {
            node = Deref(node, ref shared);
            var segment = key.Segments[level];
            var prefix = ConfigKeyPath.Join(key.Segments.Take(level));
            if (segment.Kind == KeySegmentKind.Name)
            {
                if (node.Kind != ConfigNodeKind.Mapping)
                {
                    miss = new Miss { Level = level, Line = line, Problem = $"{Where(prefix)} holds {node.Describe(file.Syntax)}, not {file.Syntax.MappingNoun}." };
                    return null;
                }
                var matches = comparison == StringComparison.Ordinal
                    ? file.Index.Entries(node, segment.Name!).ToList()
                    : node.Entries!.Where(e => e.Key.Kind == ConfigNodeKind.Scalar && !e.Key.MergeKey && string.Equals(e.Key.Value, segment.Name, comparison)).ToList();
                if (matches.Count == 0 && file.Format == ConfigFormat.Yaml)
                {
                    var merged = FromMergeKeys(node, segment.Name!, comparison);
                    if (merged != null)
                    {
                        shared ??= $"'{ConfigKeyPath.Join(key.Segments.Take(level + 1))}' is inherited through a merge key ('<<'), so its value is shared with every mapping that merges it.";
                        matches.Add(merged.Value);
                    }
                }
                if (matches.Count == 0)
                {
                    miss = new Miss { Level = level, Line = line, Problem = $"{Where(prefix)} has no '{UntrustedText.Excerpt(segment.Name!)}'.", Has = node.Entries!.Select(e => e.Key.Value ?? "").ToList() };
                    return null;
                }
                if (matches.Count > 1)
                    throw ConfigErrors.Invalid(file.Path, matches[1].Key.Line, key.Text,
                        $"sets '{ConfigKeyPath.Join(key.Segments.Take(level + 1))}' {matches.Count} times (lines {string.Join(", ", matches.Select(m => m.Key.Line))}); readers disagree about which one wins.",
                        "Keep one occurrence of the key.");
                concrete.Add(KeySegment.ForName(matches[0].Key.Value!));
                node = matches[0].Value;
                line = matches[0].Key.Line;
                continue;
            }

            if (node.Kind != ConfigNodeKind.Sequence)
            {
                miss = new Miss { Level = level, Line = line, Problem = $"{Where(prefix)} holds {node.Describe(file.Syntax)}, not {file.Syntax.SequenceNoun}." };
                return null;
            }
            if (segment.Kind == KeySegmentKind.Index)
            {
                if (segment.Index >= node.Items!.Count)
                {
                    miss = new Miss { Level = level, Line = line, Problem = $"{Where(prefix)} has {node.Items.Count} item(s); item {segment.Index} does not exist (items count from 0)." };
                    return null;
                }
                concrete.Add(KeySegment.ForIndex(segment.Index));
                node = node.Items[segment.Index];
                line = node.Line;
                continue;
            }

            // name[field=value]: the one item whose field is the string value, exactly. The exact walk looks it up
            // in the list's index; the case-folded walk (a hint after a miss) and the miss message scan the list.
            List<int> hits;
            if (comparison == StringComparison.Ordinal)
                hits = file.Index.Items(node, segment.Field!, segment.Value!, SelectorValues).ToList();
            else
            {
                hits = new List<int>();
                for (var i = 0; i < node.Items!.Count; i++)
                    foreach (var v in SelectorValues(node.Items[i], segment.Field!))
                        if (string.Equals(v, segment.Value, comparison)) hits.Add(i);
            }
            if (hits.Count == 0)
            {
                var seen = node.Items!.SelectMany(item => SelectorValues(item, segment.Field!));
                miss = new Miss { Level = level, Line = line, Problem = $"no item of {Where(prefix)} has {segment.Field} '{UntrustedText.Excerpt(segment.Value!)}'.", Has = seen.Select(s => $"{segment.Field}={s}").ToList() };
                return null;
            }
            if (hits.Count > 1)
                throw ConfigErrors.Invalid(file.Path, node.Items![hits[1]].Line, key.Text,
                    $"{hits.Count} items of {Where(prefix)} have {segment.Field} '{UntrustedText.Excerpt(segment.Value!)}' (items {string.Join(", ", hits)}); the selector must pick exactly one.",
                    "Make the selected field unique, or select the item by its index.");
            concrete.Add(KeySegment.ForIndex(hits[0]));
            node = node.Items![hits[0]];
            line = node.Line;
        }
        node = Deref(node, ref shared);
        return new Resolved(node, ConfigKeyPath.Join(concrete), shared, node.Kind == ConfigNodeKind.Scalar ? node.Line : line);
    }

    // The string values an item's selector field holds (the field set twice yields two).
    private static IEnumerable<string> SelectorValues(ConfigNode listItem, string field)
    {
        var ignored = (string?)null;
        var item = Deref(listItem, ref ignored);
        if (item.Kind != ConfigNodeKind.Mapping) yield break;
        // FieldEntries: a field written on the item, else one a merge key brings (LiteLLM reads both).
        foreach (var e in FieldEntries(item, field))
        {
            var v = Deref(e.Value, ref ignored);
            if (v.Kind == ConfigNodeKind.Scalar && v.NonStringType == null) yield return v.Value!;
        }
    }

    private static string Where(string prefix) => prefix.Length == 0 ? "the top level" : $"'{prefix}'";

    // An alias reads as its anchor's value. A value reached through an alias, or an anchored value some alias
    // repeats, is shared: remember why, the dry run must not switch it in place.
    private static ConfigNode Deref(ConfigNode node, ref string? shared)
    {
        if (node.Kind == ConfigNodeKind.Alias)
        {
            shared ??= $"the value is the alias {node.Value}, shared with its anchor.";
            node = node.Target!;
        }
        if (node.Aliased) shared ??= $"the anchor &{node.Anchor} holds the value and an alias repeats it elsewhere.";
        return node;
    }

    /// <summary>
    /// The entries that give a list item's field its value as the application reads it: those written in the item,
    /// else the one a merge key brings in (so a selector matches an item whose field is inherited, as LiteLLM does).
    /// </summary>
    internal static IEnumerable<KeyValuePair<ConfigNode, ConfigNode>> FieldEntries(ConfigNode item, string field)
    {
        var written = item.Entries!.Where(e => e.Key.Kind == ConfigNodeKind.Scalar && !e.Key.MergeKey && e.Key.Value == field).ToList();
        if (written.Count > 0) return written;
        var merged = FromMergeKeys(item, field, StringComparison.Ordinal);
        return merged == null ? written : new[] { merged.Value };
    }

    private static KeyValuePair<ConfigNode, ConfigNode>? FromMergeKeys(ConfigNode mapping, string name, StringComparison comparison)
    {
        foreach (var entry in mapping.Entries!)
        {
            if (!entry.Key.MergeKey) continue;
            var sources = entry.Value.Kind == ConfigNodeKind.Sequence ? entry.Value.Items! : new List<ConfigNode> { entry.Value };
            foreach (var source in sources)
            {
                var target = source.Kind == ConfigNodeKind.Alias ? source.Target! : source;
                if (target.Kind != ConfigNodeKind.Mapping) continue;
                foreach (var e in target.Entries!)
                    if (e.Key.Kind == ConfigNodeKind.Scalar && string.Equals(e.Key.Value, name, comparison)) return e;
                var deeper = FromMergeKeys(target, name, comparison);
                if (deeper != null) return deeper;
            }
        }
        return null;
    }
}
