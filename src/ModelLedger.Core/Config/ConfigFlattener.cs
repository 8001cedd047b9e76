using System.Collections.Generic;

namespace ModelLedger.Config;

/// <summary>
/// Every scalar of a config by its written path (aliases as "*name", empty collections as "{}" or "[]"), so two
/// releases of one file can be compared key by key. Merge keys are not expanded: a change to shared defaults shows
/// once, where it is written.
/// </summary>
internal static class ConfigFlattener
{
    public static IReadOnlyDictionary<string, string> Flatten(IReadOnlyList<ConfigNode> documents)
    {
        var values = new Dictionary<string, string>(System.StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
            Walk(documents[d], documents.Count > 1 ? $"@{d}:" : "", values);
        return values;
    }

    private static void Walk(ConfigNode node, string path, Dictionary<string, string> values)
    {
        switch (node.Kind)
        {
            case ConfigNodeKind.Mapping:
                if (node.Entries!.Count == 0) values[path] = "{}";
                foreach (var e in node.Entries)
                    Walk(e.Value, Child(path, KeySegment.ForName(e.Key.Value ?? "").ToString()), values);
                break;
            case ConfigNodeKind.Sequence:
                if (node.Items!.Count == 0) values[path] = "[]";
                for (var i = 0; i < node.Items.Count; i++)
                    Walk(node.Items[i], Child(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), values);
                break;
            default:
                // A later duplicate key overwrites: the dry run and the gate report duplicates where they matter.
                values[path] = node.Value ?? "";
                break;
        }
    }

    private static string Child(string path, string segment) => path.Length == 0 || path.EndsWith(":", System.StringComparison.Ordinal) ? path + segment : path + "." + segment;
}
