using System.Collections.Generic;

namespace ModelLedger.Config;

/// <summary>
/// One config file format, everything about it in one class: the file names it claims, how it reads into
/// <see cref="ConfigNode"/>s with positions, how a value is written in one of its quoting styles, and the nouns its
/// messages use. Every format is listed once, in <see cref="ConfigFormats.All"/>; adding a format is one class there.
/// </summary>
internal interface IConfigFormat
{
    ConfigFormat Id { get; }

    /// <summary>The names it claims, for messages: ".json or .jsonc".</summary>
    string Claimed { get; }

    /// <summary>True when a file of this name (no folder) is this format.</summary>
    bool Claims(string fileName);

    /// <summary>The documents of the file (one, except in a multi-document YAML stream); bytes from <paramref name="bomBytes"/> on.</summary>
    IReadOnlyList<ConfigNode> Read(string path, byte[] content, int bomBytes);

    /// <summary>
    /// <paramref name="value"/> written in <paramref name="style"/> (a style of this format), or the reason it cannot be
    /// without changing how the file reads (then <paramref name="encoded"/> is meaningless).
    /// </summary>
    string? Encode(ScalarStyle style, string value, bool inFlow, out string encoded);

    /// <summary>"single-quoted YAML": a style as messages name it.</summary>
    string StyleName(ScalarStyle style);

    /// <summary>"an object" / "a mapping".</summary>
    string MappingNoun { get; }

    /// <summary>"an array" / "a sequence".</summary>
    string SequenceNoun { get; }

    /// <summary>"property" / "key" / "variable": what a key path names.</summary>
    string KeyNoun { get; }

    /// <summary>What to do about a key that is not there.</summary>
    string KeyFix { get; }
}
