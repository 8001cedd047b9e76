using System.Globalization;

namespace ModelLedger.Config;

internal enum KeySegmentKind
{
    /// <summary>A property (JSON) or mapping key (YAML), or a variable name (.env).</summary>
    Name,

    /// <summary>A 0-based array item.</summary>
    Index,

    /// <summary>The one array item whose <see cref="KeySegment.Field"/> is the string <see cref="KeySegment.Value"/>.</summary>
    Select,
}

/// <summary>One step of a <see cref="ConfigKeyPath"/>.</summary>
internal sealed class KeySegment
{
    private KeySegment(KeySegmentKind kind, string? name, int index, string? field, string? value)
    {
        Kind = kind;
        Name = name;
        Index = index;
        Field = field;
        Value = value;
    }

    public KeySegmentKind Kind { get; }
    public string? Name { get; }
    public int Index { get; }
    public string? Field { get; }
    public string? Value { get; }

    public static KeySegment ForName(string name) => new(KeySegmentKind.Name, name, -1, null, null);
    public static KeySegment ForIndex(int index) => new(KeySegmentKind.Index, null, index, null, null);
    public static KeySegment ForSelect(string field, string value) => new(KeySegmentKind.Select, null, -1, field, value);

    /// <summary>The segment as the grammar writes it (a name needing quotes is quoted).</summary>
    public override string ToString() => Kind switch
    {
        KeySegmentKind.Index => Index.ToString(CultureInfo.InvariantCulture),
        KeySegmentKind.Select => $"[{Field}={QuoteIfNeeded(Value!, selectorValue: true)}]",
        _ => QuoteIfNeeded(Name!, selectorValue: false),
    };

    /// <summary>A name as written in a key: double-quoted (with \" and \\) when it holds . [ ] # " or is all digits.</summary>
    internal static string QuoteIfNeeded(string text, bool selectorValue)
    {
        var needs = text.Length == 0 || (!selectorValue && IsDigits(text));
        foreach (var c in text)
            if (c is '.' or '[' or ']' or '#' or '"' or '\\' or '=') { needs = true; break; }
        return needs ? "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : text;
    }

    internal static bool IsDigits(string s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s)
            if (c < '0' || c > '9') return false;
        return true;
    }
}
