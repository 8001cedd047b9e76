using System.Text;

namespace ModelLedger.Config;

/// <summary>Where the value at a key is written: file, line, column, byte span of its characters, and quoting style.</summary>
internal sealed class ConfigScalarLocation
{
    internal ConfigScalarLocation(ConfigFile file, int? document, ConfigKeyPath key, ConfigNode node, string concretePath, string? sharedReason, int line)
    {
        Line = line;
        File = file;
        Document = document;
        Key = key;
        Node = node;
        ConcretePath = concretePath;
        SharedReason = sharedReason;
    }

    public ConfigFile File { get; }
    public int? Document { get; }
    public ConfigKeyPath Key { get; }
    internal ConfigNode Node { get; }

    /// <summary>The key as the file writes it: selectors replaced by the index they matched.</summary>
    public string ConcretePath { get; }

    /// <summary>Why switching this value would change more than this key (alias, anchor, merge key); null when it would not.</summary>
    public string? SharedReason { get; }

    /// <summary>1-based line of the value (of its key, when the value is a mapping or sequence).</summary>
    public int Line { get; }
    public int ByteStart => Node.ByteStart;
    public int ByteLength => Node.ByteLength;
    public ScalarStyle Style => Node.Style;

    /// <summary>True for a scalar that reads as a string (not a number, boolean, null, mapping or sequence).</summary>
    public bool IsString => Node.Kind == ConfigNodeKind.Scalar && Node.NonStringType == null;

    /// <summary>The decoded value (null for a mapping or sequence).</summary>
    public string? Value => Node.Kind == ConfigNodeKind.Scalar ? Node.Value : null;

    /// <summary>A mapping, sequence, number, boolean or null is not a model ID: DryRunConfigInvalid naming what it is.</summary>
    internal void RequireString()
    {
        if (!IsString)
            throw ConfigErrors.Invalid(File.Path, Line, Key.Text, $"holds {Describe()} at '{Key.Text}', not a model ID string.",
                "Point the key at the value that is the model ID string.");
    }

    /// <summary>"a string", "a number", "a mapping"...</summary>
    public string Describe() => Node.Describe(File.Syntax);

    /// <summary>1-based column (in characters) of the value's first character.</summary>
    public int Column
    {
        get
        {
            var content = File.Content;
            var lineStart = Node.ByteStart;
            while (lineStart > 0 && content[lineStart - 1] != (byte)'\n') lineStart--;
            if (lineStart == 0 && content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF) lineStart = 3;
            return Encoding.UTF8.GetCharCount(content, lineStart, Node.ByteStart - lineStart) + 1;
        }
    }

    /// <summary>"path:line", the gate's Location.</summary>
    public string Location => $"{File.Path}:{Line}";
}
