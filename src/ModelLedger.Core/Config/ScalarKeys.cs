using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.Config;

/// <summary>A string scalar as written in a config, with the key paths that name it.</summary>
internal sealed class KeyedScalar
{
    public KeyedScalar(ConfigNode node, int? document, KeySegment[] key, KeySegment[] positional)
    {
        Node = node;
        Document = document;
        Key = key;
        Positional = positional;
    }

    public ConfigNode Node { get; }
    public int? Document { get; }

    /// <summary>The key a user keeps: list-of-mapping items selected by a unique field where one exists.</summary>
    public KeySegment[] Key { get; }

    /// <summary>The same scalar by position only: the fallback when the selector form does not read back.</summary>
    public KeySegment[] Positional { get; }
}

/// <summary>
/// Every string scalar of a parsed config with the key that names it, in byte order, so the scan can ask for the
/// scalar at a hit. An item of a list of mappings is selected by the first of <see cref="SelectorFields"/> whose
/// value is a string unique in that list (never by the scalar being named, which a rollback changes); else by its
/// position. Aliases, merge keys ('&lt;&lt;') and keys written twice get no key: a ref through them would not read
/// back as this one value.
/// </summary>
internal static class ScalarKeys
{
    /// <summary>The fields that name an item of a list, in the order they are preferred.</summary>
    public static readonly string[] SelectorFields = { "model_name", "name", "id", "title", "key" };

    public static List<KeyedScalar> Of(IReadOnlyList<ConfigNode> documents)
    {
        var result = new List<KeyedScalar>();
        // An empty document (a trailing '---') does not make a file multi-document: no '@N' is needed then.
        var several = documents.Count(n => !n.EmptyDocument) > 1;
        for (var d = 0; d < documents.Count; d++)
            Walk(documents[d], several ? d : null, new List<KeySegment>(), new List<KeySegment>(), result);
        result.Sort((a, b) => a.Node.ByteStart.CompareTo(b.Node.ByteStart));
        return result;
    }

    /// <summary>The scalar whose written characters include bytes [start, start+length), or null.</summary>
    public static KeyedScalar? At(List<KeyedScalar> scalars, int start, int length)
    {
        int lo = 0, hi = scalars.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (scalars[mid].Node.ByteStart <= start) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0) return null;
        var node = scalars[found].Node;
        return start + length <= node.ByteStart + node.ByteLength ? scalars[found] : null;
    }

    private static void Walk(ConfigNode node, int? document, List<KeySegment> key, List<KeySegment> positional, List<KeyedScalar> result)
    {
        switch (node.Kind)
        {
            case ConfigNodeKind.Scalar:
                if (node.NonStringType == null) result.Add(new KeyedScalar(node, document, key.ToArray(), positional.ToArray()));
                break;
            case ConfigNodeKind.Mapping:
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var e in node.Entries!)
                    if (e.Key.Kind == ConfigNodeKind.Scalar) counts[e.Key.Value!] = counts.TryGetValue(e.Key.Value!, out var n) ? n + 1 : 1;
                foreach (var e in node.Entries)
                {
                    if (e.Key.Kind != ConfigNodeKind.Scalar || counts[e.Key.Value!] > 1 || IsMergeKey(e.Key)) continue;
                    var segment = KeySegment.ForName(e.Key.Value!);
                    Descend(e.Value, document, key, positional, segment, segment, result);
                }
                break;
            case ConfigNodeKind.Sequence:
                var selectors = Selectors(node.Items!);
                // A selector follows a name ('list[f=v]') or starts the key ('[f=v].x'); never an index.
                var canSelect = key.Count == 0 || key[key.Count - 1].Kind == KeySegmentKind.Name;
                for (var i = 0; i < node.Items!.Count; i++)
                {
                    var item = node.Items[i];
                    var index = KeySegment.ForIndex(i);
                    if (canSelect && item.Kind == ConfigNodeKind.Mapping && selectors[i] != null)
                    {
                        // The selector is per entry: the field that names the item must not be the scalar itself.
                        foreach (var e in item.Entries!)
                        {
                            var select = FirstNotAt(selectors[i]!, e.Value);
                            key.Add(select ?? index);
                            positional.Add(index);
                            WalkEntry(item, e, document, key, positional, result);
                            key.RemoveAt(key.Count - 1);
                            positional.RemoveAt(positional.Count - 1);
                        }
                        continue;
                    }
                    Descend(item, document, key, positional, index, index, result);
                }
                break;
        }
    }

    // One entry of a list item, with the item's selector already on the key.
    private static void WalkEntry(ConfigNode item, KeyValuePair<ConfigNode, ConfigNode> e, int? document, List<KeySegment> key, List<KeySegment> positional, List<KeyedScalar> result)
    {
        if (e.Key.Kind != ConfigNodeKind.Scalar || IsMergeKey(e.Key)) return;
        var twice = 0;
        foreach (var other in item.Entries!) if (other.Key.Kind == ConfigNodeKind.Scalar && other.Key.Value == e.Key.Value) twice++;
        if (twice > 1) return;
        var segment = KeySegment.ForName(e.Key.Value!);
        Descend(e.Value, document, key, positional, segment, segment, result);
    }

    private static void Descend(ConfigNode child, int? document, List<KeySegment> key, List<KeySegment> positional, KeySegment segment, KeySegment positionalSegment, List<KeyedScalar> result)
    {
        if (child.Kind == ConfigNodeKind.Alias) return;
        key.Add(segment);
        positional.Add(positionalSegment);
        Walk(child, document, key, positional, result);
        key.RemoveAt(key.Count - 1);
        positional.RemoveAt(positional.Count - 1);
    }

    private static bool IsMergeKey(ConfigNode key) => key.MergeKey;

    private static KeySegment? FirstNotAt(List<(KeySegment Select, ConfigNode Value)> selectors, ConfigNode at)
    {
        foreach (var s in selectors)
            if (!ReferenceEquals(s.Value, at)) return s.Select;
        return null;
    }

    // Per item: the selectors that pick it alone, in SelectorFields order. Counted as the resolver reads a list
    // (aliases followed, string values only), so a selector made here selects exactly this item there.
    private static List<(KeySegment, ConfigNode)>?[] Selectors(List<ConfigNode> items)
    {
        var result = new List<(KeySegment, ConfigNode)>?[items.Count];
        foreach (var field in SelectorFields)
        {
            var values = new (string? Value, ConfigNode? Node)[items.Count];
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var any = false;
            for (var i = 0; i < items.Count; i++)
            {
                var item = Deref(items[i]);
                if (item.Kind != ConfigNodeKind.Mapping) continue;
                foreach (var e in ConfigPathResolver.FieldEntries(item, field))
                {
                    var v = Deref(e.Value);
                    if (v.Kind != ConfigNodeKind.Scalar || v.NonStringType != null) continue;
                    counts[v.Value!] = counts.TryGetValue(v.Value!, out var n) ? n + 1 : 1;
                    values[i] = values[i].Value == null ? (v.Value, e.Value) : (null, null);   // a field written twice in one item selects nothing
                    any = true;
                }
            }
            if (!any) continue;
            for (var i = 0; i < items.Count; i++)
                if (values[i].Value is string value && counts[value] == 1)
                    (result[i] ??= new List<(KeySegment, ConfigNode)>()).Add((KeySegment.ForSelect(field, value), values[i].Node!));
        }
        return result;
    }

    private static ConfigNode Deref(ConfigNode node) => node.Kind == ConfigNodeKind.Alias ? node.Target! : node;
}
