using System.Collections.Generic;

namespace ModelLedger.Config;

internal enum ConfigNodeKind
{
    Scalar,
    Mapping,
    Sequence,
    Alias,
}

/// <summary>How a scalar is written, which decides how the dry run may rewrite it.</summary>
internal enum ScalarStyle
{
    JsonString,
    JsonLiteral,
    YamlPlain,
    YamlSingleQuoted,
    YamlDoubleQuoted,
    YamlBlock,
    DotEnvUnquoted,
    DotEnvSingleQuoted,
    DotEnvDoubleQuoted,
}

/// <summary>
/// One value of a parsed config (JSON, YAML or .env) with where it is written: enough to resolve a key, name its
/// line, compare two releases, and for a scalar, the byte span of its characters (inside the quotes, if any).
/// </summary>
internal sealed class ConfigNode
{
    public ConfigNodeKind Kind;
    public int Line;

    // Scalars
    public string? Value;
    /// <summary>Null when the scalar is a string; else what it is ("a number", "a boolean", "null").</summary>
    public string? NonStringType;
    public ScalarStyle Style;
    public int ByteStart;
    public int ByteLength;
    public bool MultiLine;

    // Collections
    public List<KeyValuePair<ConfigNode, ConfigNode>>? Entries;
    public List<ConfigNode>? Items;
    /// <summary>YAML flow collection ([..] or {..}): a plain scalar inside may not hold , [ ] { }.</summary>
    public bool Flow;

    // YAML anchors and aliases
    public string? Anchor;
    /// <summary>Some alias refers to this node, so a change to it shows up at the alias too.</summary>
    public bool Aliased;
    public ConfigNode? Target;
    /// <summary>A YAML merge key: plain <c>&lt;&lt;</c> or <c>!!merge &lt;&lt;</c> (a quoted '&lt;&lt;' is an ordinary key).</summary>
    public bool MergeKey;
    /// <summary>A YAML document with no content (a trailing '---'): it exists, but does not count as one of several documents.</summary>
    public bool EmptyDocument;
    /// <summary>How many merge levels this mapping reads through (0 without '&lt;&lt;'), bounded like nesting.</summary>
    public int MergeDepth;

    public static ConfigNode Scalar(string value, string? nonStringType, ScalarStyle style, int line, int byteStart, int byteLength) =>
        new() { Kind = ConfigNodeKind.Scalar, Value = value, NonStringType = nonStringType, Style = style, Line = line, ByteStart = byteStart, ByteLength = byteLength };

    public static ConfigNode Mapping(int line) => new() { Kind = ConfigNodeKind.Mapping, Line = line, Entries = new List<KeyValuePair<ConfigNode, ConfigNode>>() };

    public static ConfigNode Sequence(int line) => new() { Kind = ConfigNodeKind.Sequence, Line = line, Items = new List<ConfigNode>() };

    /// <summary>"an object", "an array", "a number"...: what a non-string value is, for messages.</summary>
    public string Describe(IConfigFormat format) => Kind switch
    {
        ConfigNodeKind.Mapping => format.MappingNoun,
        ConfigNodeKind.Sequence => format.SequenceNoun,
        ConfigNodeKind.Alias => "an alias",
        _ => NonStringType ?? "a string",
    };
}
