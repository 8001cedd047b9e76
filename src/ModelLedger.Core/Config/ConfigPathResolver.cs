using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelLedger.DryRun;

namespace ModelLedger.Config
{
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
            throw Failure.Of(ErrorIds.DryRunConfigUnreadable, FailureCategory.SecurityError,
                $"Config '{fullPath}' was refused: it is a link (or lies under one) that leads outside the release root '{releaseRoot}', so it was not read.",
                "Commit the config file itself inside the release root, not a link to a file elsewhere.", target: fullPath, filePath: fullPath);
        }

        public static Resolved Resolve(ConfigFile file, ConfigNode root, ConfigKeyPath key)
        {
            var result = Walk(file, root, key, StringComparison.Ordinal, out var miss);
            if (result != null) return result.Value;

            var fold = Walk(file, root, key, StringComparison.OrdinalIgnoreCase, out _);
            var hint = fold != null
                ? $" The file has '{fold.Value.ConcretePath}', which differs in letter case; names are matched exactly."
                : miss!.Has.Count > 0
                    ? $" {(miss.Level == 0 ? "The top level" : "'" + ConfigKeyPath.Join(key.Segments.Take(miss.Level)) + "'")} has: {string.Join(", ", miss.Has.Distinct(StringComparer.Ordinal).Take(12).Select(s => "'" + SharedText.Visible(s) + "'"))}."
                    : "";
            var fix = file.Format == ConfigFormat.DotEnv
                ? "Name the variable that holds the model ID."
                : "Name the key that holds the model ID (for example 'llm.chat.model'; a number selects an array item, 'name[field=value]' the item whose field is value).";
            throw ConfigErrors.KeyNotFound(file.Path, miss!.Line, key.Text, $"has no {What(file)} '{key.Text}': {miss.Problem}{hint}", fix);
        }

        private static string What(ConfigFile file) => file.Format switch
        {
            ConfigFormat.Json => "property",
            ConfigFormat.DotEnv => "variable",
            _ => "key",
        };

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
                        miss = new Miss { Level = level, Line = line, Problem = $"{Where(prefix)} holds {node.Describe(file.Format)}, not {(file.Format == ConfigFormat.Json ? "an object" : "a mapping")}." };
                        return null;
                    }
                    var matches = node.Entries!.Where(e => e.Key.Kind == ConfigNodeKind.Scalar && string.Equals(e.Key.Value, segment.Name, comparison)).ToList();
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
                        miss = new Miss { Level = level, Line = line, Problem = $"{Where(prefix)} has no '{SharedText.Visible(segment.Name!)}'.", Has = node.Entries!.Select(e => e.Key.Value ?? "").ToList() };
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
                    miss = new Miss { Level = level, Line = line, Problem = $"{Where(prefix)} holds {node.Describe(file.Format)}, not {(file.Format == ConfigFormat.Json ? "an array" : "a sequence")}." };
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

                // name[field=value]: the one item whose field is the string value, exactly.
                var hits = new List<int>();
                var seen = new List<string>();
                for (var i = 0; i < node.Items!.Count; i++)
                {
                    var ignored = (string?)null;
                    var item = Deref(node.Items[i], ref ignored);
                    if (item.Kind != ConfigNodeKind.Mapping) continue;
                    foreach (var e in item.Entries!)
                    {
                        if (e.Key.Kind != ConfigNodeKind.Scalar || e.Key.Value != segment.Field) continue;
                        var v = Deref(e.Value, ref ignored);
                        if (v.Kind != ConfigNodeKind.Scalar || v.NonStringType != null) continue;
                        seen.Add(v.Value!);
                        if (string.Equals(v.Value, segment.Value, comparison)) hits.Add(i);
                    }
                }
                if (hits.Count == 0)
                {
                    miss = new Miss { Level = level, Line = line, Problem = $"no item of {Where(prefix)} has {segment.Field} '{SharedText.Visible(segment.Value!)}'.", Has = seen.Select(s => $"{segment.Field}={s}").ToList() };
                    return null;
                }
                if (hits.Count > 1)
                    throw ConfigErrors.Invalid(file.Path, node.Items[hits[1]].Line, key.Text,
                        $"{hits.Count} items of {Where(prefix)} have {segment.Field} '{SharedText.Visible(segment.Value!)}' (items {string.Join(", ", hits)}); the selector must pick exactly one.",
                        "Make the selected field unique, or select the item by its index.");
                concrete.Add(KeySegment.ForIndex(hits[0]));
                node = node.Items[hits[0]];
                line = node.Line;
            }
            node = Deref(node, ref shared);
            return new Resolved(node, ConfigKeyPath.Join(concrete), shared, node.Kind == ConfigNodeKind.Scalar ? node.Line : line);
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

        private static KeyValuePair<ConfigNode, ConfigNode>? FromMergeKeys(ConfigNode mapping, string name, StringComparison comparison)
        {
            foreach (var entry in mapping.Entries!)
            {
                if (entry.Key.Kind != ConfigNodeKind.Scalar || entry.Key.Value != "<<" || entry.Key.Style != ScalarStyle.YamlPlain) continue;
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
}
