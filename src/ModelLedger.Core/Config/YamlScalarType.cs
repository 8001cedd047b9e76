using System.Text.RegularExpressions;

namespace ModelLedger.Config;

/// <summary>
/// What a plain YAML scalar resolves to. YAML 1.2's core schema, plus YAML 1.1's yes/no/on/off booleans: LiteLLM
/// reads its config with a YAML 1.1 loader, so a value either version reads as non-string is not a model ID.
/// </summary>
internal static class YamlScalarType
{
    private static readonly Regex Number = new(
        @"^(?:[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        RegexOptions.CultureInvariant);

    /// <summary>Null for a string; else "null", "a boolean" or "a number".</summary>
    public static string? OfPlain(string value)
    {
        switch (value)
        {
            case "": case "~": case "null": case "Null": case "NULL":
                return "null";
            case "true": case "True": case "TRUE": case "false": case "False": case "FALSE":
            case "yes": case "Yes": case "YES": case "no": case "No": case "NO":
            case "on": case "On": case "ON": case "off": case "Off": case "OFF":
                return "a boolean";
        }
        return value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') && Number.IsMatch(value) ? "a number" : null;
    }

    /// <summary>An explicit tag decides: !!str is a string; any other tag is not a plain model ID string.</summary>
    public static string? OfTag(string tag, string? plainType)
    {
        if (tag == "tag:yaml.org,2002:str" || tag == "!!str") return null;
        if (tag == "!") return null;
        return plainType ?? $"a value tagged {tag}";
    }
}
