using System;
using System.Collections.Generic;
using ModelLedger.IO;

namespace ModelLedger.Config;

/// <summary>YAML 1.2 (.yaml, .yml), every document of the stream, anchors and merge keys as written.</summary>
internal sealed class YamlFormat : IConfigFormat
{
    public ConfigFormat Id => ConfigFormat.Yaml;
    public string Claimed => ".yaml or .yml";

    public bool Claims(string fileName) => ConfigFormats.HasExtension(fileName, ".yaml") || ConfigFormats.HasExtension(fileName, ".yml");

    public IReadOnlyList<ConfigNode> Read(string path, byte[] content, int bomBytes) =>
        YamlConfigTree.Read(path, ConfigFormats.DecodeText(path, content, bomBytes), bomBytes);

    public string? Encode(ScalarStyle style, string value, bool inFlow, out string encoded)
    {
        encoded = value;
        switch (style)
        {
            case ScalarStyle.YamlPlain:
                return PlainProblem(value, inFlow);
            case ScalarStyle.YamlSingleQuoted:
                encoded = value.Replace("'", "''");
                return HasLineBreak(value) ? "a line break in a single-quoted scalar would fold into a space." : null;
            case ScalarStyle.YamlDoubleQuoted:
                encoded = EscapeDouble(value);
                return null;
            default:
                return "it is a block scalar.";
        }
    }

    public string StyleName(ScalarStyle style) => style switch
    {
        ScalarStyle.YamlPlain => "plain (unquoted) YAML",
        ScalarStyle.YamlSingleQuoted => "single-quoted YAML",
        ScalarStyle.YamlDoubleQuoted => "double-quoted YAML",
        _ => "YAML block",
    };

    public string MappingNoun => "a mapping";
    public string SequenceNoun => "a sequence";
    public string KeyNoun => "key";
    public string KeyFix => ConfigFormats.TreeKeyFix;

    // A plain scalar holds the value only if YAML reads it back as that same string.
    internal static string? PlainProblem(string value, bool inFlow)
    {
        if (value.Length == 0) return "an empty plain scalar reads as null.";
        if (YamlScalarType.OfPlain(value) is { } type) return $"written plain it would read as {type}.";
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1])) return "leading or trailing whitespace is dropped from a plain scalar.";
        if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) >= 0 && !(value.Length > 1 && value[0] is '-' or '?' or ':' && !char.IsWhiteSpace(value[1]) && !inFlow))
            return $"a plain scalar cannot start with '{value[0]}'.";
        if (value.IndexOf(": ", StringComparison.Ordinal) >= 0 || value.EndsWith(":", StringComparison.Ordinal) || value.IndexOf(" #", StringComparison.Ordinal) >= 0)
            return "': ' or ' #' inside a plain scalar changes its meaning.";
        if (HasLineBreak(value) || value.IndexOf('\t') >= 0) return "a plain scalar cannot hold a line break or tab.";
        if (inFlow && value.IndexOfAny(new[] { ',', '[', ']', '{', '}' }) >= 0) return "inside a flow collection a plain scalar cannot hold , [ ] { or }.";
        return null;
    }

    // YAML double quotes take the same escapes as JSON, with \xXX for the other control characters.
    private static string EscapeDouble(string value) =>
        JsonTokenText.EscapeDoubleQuoted(value, c => char.IsControl(c) ? "\\x" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) : null);

    private static bool HasLineBreak(string value) => value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0;
}
