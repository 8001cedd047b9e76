using System.Collections.Generic;
using ModelLedger.IO;

namespace ModelLedger.Config;

/// <summary>JSON with comments and trailing commas (appsettings.json): .json and .jsonc.</summary>
internal sealed class JsonFormat : IConfigFormat
{
    public ConfigFormat Id => ConfigFormat.Json;
    public string Claimed => ".json or .jsonc";

    public bool Claims(string fileName) => ConfigFormats.HasExtension(fileName, ".json") || ConfigFormats.HasExtension(fileName, ".jsonc");

    public IReadOnlyList<ConfigNode> Read(string path, byte[] content, int bomBytes) => new[] { JsonConfigTree.Read(path, content, bomBytes) };

    public string? Encode(ScalarStyle style, string value, bool inFlow, out string encoded)
    {
        encoded = JsonTokenText.Escape(value);
        return style == ScalarStyle.JsonString ? null : "it is not a JSON string.";
    }

    public string StyleName(ScalarStyle style) => style == ScalarStyle.JsonString ? "JSON string" : "JSON literal";

    public string MappingNoun => "an object";
    public string SequenceNoun => "an array";
    public string KeyNoun => "property";
    public string KeyFix => ConfigFormats.TreeKeyFix;
}
