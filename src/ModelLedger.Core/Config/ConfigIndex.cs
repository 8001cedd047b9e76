using System;
using System.Collections.Generic;

namespace ModelLedger.Config;

/// <summary>
/// Exact-name lookups into one parsed config, each mapping or list indexed on its first lookup. Services that share
/// one file (a LiteLLM model_list, a .env) each resolve a key into it: without the index every selector scanned the
/// whole list, so the gate was quadratic in services per file. Built and read under a lock (the cache is shared).
/// </summary>
internal sealed class ConfigIndex
{
    private readonly object _gate = new();
    private readonly Dictionary<ConfigNode, Dictionary<string, List<KeyValuePair<ConfigNode, ConfigNode>>>> _names = new();   // by reference
    private readonly Dictionary<ConfigNode, Dictionary<string, Dictionary<string, List<int>>>> _fields = new();

    /// <summary>How many mapping entries and list items were walked to build the indexes (tests count the work).</summary>
    public long Visited { get; private set; }

    /// <summary>The entries of <paramref name="mapping"/> whose scalar key is exactly <paramref name="name"/>, in file order.</summary>
    public IReadOnlyList<KeyValuePair<ConfigNode, ConfigNode>> Entries(ConfigNode mapping, string name)
    {
        lock (_gate)
        {
            if (!_names.TryGetValue(mapping, out var index))
            {
                Visited += mapping.Entries!.Count;
                index = new Dictionary<string, List<KeyValuePair<ConfigNode, ConfigNode>>>(StringComparer.Ordinal);
                foreach (var e in mapping.Entries!)
                    if (e.Key.Kind == ConfigNodeKind.Scalar && !e.Key.MergeKey && e.Key.Value != null) Add(index, e.Key.Value, e);
                _names[mapping] = index;
            }
            return index.TryGetValue(name, out var hits) ? hits : (IReadOnlyList<KeyValuePair<ConfigNode, ConfigNode>>)Array.Empty<KeyValuePair<ConfigNode, ConfigNode>>();
        }
    }

    /// <summary>
    /// The indexes of the items of <paramref name="sequence"/> whose <paramref name="field"/> holds the string
    /// <paramref name="value"/> exactly (an index repeats when an item sets the field twice), read as
    /// <paramref name="fieldValues"/> reads one item.
    /// </summary>
    public IReadOnlyList<int> Items(ConfigNode sequence, string field, string value, Func<ConfigNode, string, IEnumerable<string>> fieldValues)
    {
        lock (_gate)
        {
            if (!_fields.TryGetValue(sequence, out var byField))
            {
                byField = new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.Ordinal);
                _fields[sequence] = byField;
            }
            if (!byField.TryGetValue(field, out var index))
            {
                Visited += sequence.Items!.Count;
                index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (var i = 0; i < sequence.Items!.Count; i++)
                    foreach (var v in fieldValues(sequence.Items[i], field)) Add(index, v, i);
                byField[field] = index;
            }
            return index.TryGetValue(value, out var hits) ? hits : (IReadOnlyList<int>)Array.Empty<int>();
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<T>(1);
        list.Add(item);
    }
}
