using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelLedger.Config;

/// <summary>
/// A key into a config file (about_ModelLedger, RELEASE CONFIGURATION): segments separated by '.'; a non-negative integer
/// selects an array item; <c>name[field=value]</c> selects the one item of array <c>name</c> whose <c>field</c> is
/// the string <c>value</c>, and a key may start with <c>[field=value]</c> when the file is a list; a segment holding . [ ] # or " is double-quoted (<c>Logging."Microsoft.AspNetCore"</c>,
/// with \" and \\ inside). Names compare exactly (ordinal), as the application reading the file would.
/// </summary>
internal sealed class ConfigKeyPath
{
    private ConfigKeyPath(string text, IReadOnlyList<KeySegment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public IReadOnlyList<KeySegment> Segments { get; }

    /// <summary>Parses -ConfigKey's key part; a malformed key is DryRunConfigKeyNotFound (InvalidArgument).</summary>
    public static ConfigKeyPath Parse(string text)
    {
        try
        {
            return ParseSyntax(text ?? "");
        }
        catch (ConfigRefSyntaxException ex)
        {
            throw ConfigErrors.KeySyntax(text, ex.Message);
        }
    }

    /// <summary>Parses a key; throws <see cref="ConfigRefSyntaxException"/> naming the 1-based character at fault.</summary>
    internal static ConfigKeyPath ParseSyntax(string text)
    {
        var segments = new List<KeySegment>();
        var i = 0;
        if (text.Length == 0) throw new ConfigRefSyntaxException("the key is empty.", 1);
        if (text[0] == '[')
        {
            // A list at the top of the file: '[name=x].model' selects its item as 'list[name=x].model' would.
            segments.Add(ReadSelector(text, ref i));
            if (i == text.Length) return new ConfigKeyPath(text, segments);
            if (text[i] != '.')
                throw new ConfigRefSyntaxException($"expected '.' at character {i + 1}, found '{text[i]}'.", i + 1);
            if (++i == text.Length) throw new ConfigRefSyntaxException("the key ends with '.'.", i);
        }
        while (true)
        {
            var start = i;
            string name;
            var quoted = false;
            if (i < text.Length && text[i] == '"')
            {
                name = ReadQuoted(text, ref i);
                quoted = true;
            }
            else
            {
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    if (text[i] is ']' or '#' or '"' or '=')
                        throw new ConfigRefSyntaxException($"'{text[i]}' at character {i + 1} must be inside a double-quoted segment.", i + 1);
                    i++;
                }
                name = text.Substring(start, i - start);
                if (name.Length == 0)
                    throw new ConfigRefSyntaxException($"segment {segments.Count + 1} is empty (at character {start + 1}).", start + 1);
            }

            if (!quoted && KeySegment.IsDigits(name))
            {
                if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    throw new ConfigRefSyntaxException($"the array index '{name}' is too large.", start + 1);
                segments.Add(KeySegment.ForIndex(index));
            }
            else
            {
                segments.Add(KeySegment.ForName(name));
            }

            if (i < text.Length && text[i] == '[')
            {
                if (segments[segments.Count - 1].Kind == KeySegmentKind.Index)
                    throw new ConfigRefSyntaxException($"a selector at character {i + 1} follows an array index; write it after a name: 'name[field=value]'.", i + 1);
                segments.Add(ReadSelector(text, ref i));
            }
            if (i == text.Length) break;
            if (text[i] != '.')
                throw new ConfigRefSyntaxException($"expected '.' at character {i + 1}, found '{text[i]}'.", i + 1);
            i++;
            if (i == text.Length) throw new ConfigRefSyntaxException("the key ends with '.'.", i);
        }
        return new ConfigKeyPath(text, segments);
    }

    // [field=value]: field is a plain name; value runs to ']' or is double-quoted.
    private static KeySegment ReadSelector(string text, ref int i)
    {
        var open = i++;
        var fieldStart = i;
        while (i < text.Length && text[i] != '=' && text[i] != ']') i++;
        var field = text.Substring(fieldStart, i - fieldStart);
        if (i >= text.Length || text[i] != '=' || field.Length == 0 || field.IndexOfAny(new[] { '.', '[', '"', '#' }) >= 0)
            throw new ConfigRefSyntaxException($"the selector at character {open + 1} is not '[field=value]'.", open + 1);
        i++;
        string value;
        if (i < text.Length && text[i] == '"')
        {
            value = ReadQuoted(text, ref i);
        }
        else
        {
            var valueStart = i;
            while (i < text.Length && text[i] != ']')
            {
                if (text[i] is '[' or '"' or '#')
                    throw new ConfigRefSyntaxException($"'{text[i]}' at character {i + 1} in a selector value must be inside double quotes.", i + 1);
                i++;
            }
            value = text.Substring(valueStart, i - valueStart);
        }
        if (i >= text.Length || text[i] != ']')
            throw new ConfigRefSyntaxException($"the selector at character {open + 1} is never closed with ']'.", open + 1);
        i++;
        return KeySegment.ForSelect(field, value);
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var open = i++;
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"') return sb.ToString();
            if (c == '\\')
            {
                if (i >= text.Length || (text[i] != '"' && text[i] != '\\'))
                    throw new ConfigRefSyntaxException($"'\\' at character {i} escapes only '\"' or '\\'.", i);
                c = text[i++];
            }
            sb.Append(c);
        }
        throw new ConfigRefSyntaxException($"the double quote at character {open + 1} is never closed.", open + 1);
    }

    /// <summary>Segments written back in the grammar ("a.0.b", "model_list[model_name=x].model").</summary>
    internal static string Join(IEnumerable<KeySegment> segments)
    {
        var sb = new StringBuilder();
        foreach (var s in segments)
        {
            if (sb.Length > 0 && s.Kind != KeySegmentKind.Select) sb.Append('.');
            sb.Append(s);
        }
        return sb.ToString();
    }

    internal static string Join(IEnumerable<string> names) => Join(names.Select(KeySegment.ForName));

    public override string ToString() => Text;
}
