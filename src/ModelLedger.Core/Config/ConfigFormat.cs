using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ModelLedger.Config;

/// <summary>The formats a config can be in (Invoke-RollbackDryRun -ConfigFormat); each is one <see cref="IConfigFormat"/>.</summary>
public enum ConfigFormat
{
    Json,
    Yaml,
    DotEnv,
}

internal static class ConfigFormats
{
    /// <summary>Every format the module reads, in the order a file name is offered to them.</summary>
    internal static readonly IReadOnlyList<IConfigFormat> All = new IConfigFormat[] { new JsonFormat(), new YamlFormat(), new DotEnvFormat() };

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    internal const string TreeKeyFix =
        "Name the key that holds the model ID (for example 'llm.chat.model'; a number selects an array item, 'name[field=value]' the item whose field is value).";

    /// <summary>The format a file name implies (see each format's <see cref="IConfigFormat.Claimed"/>); null when the name says nothing.</summary>
    public static ConfigFormat? FromPath(string path) => FormatOf(path)?.Id;

    internal static IConfigFormat? FormatOf(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var format in All)
            if (format.Claims(name)) return format;
        return null;
    }

    internal static IConfigFormat For(ConfigFormat id) => All.First(f => f.Id == id);

    /// <summary>"-ConfigFormat Json, Yaml or DotEnv".</summary>
    internal static string Names => string.Join(", ", All.Take(All.Count - 1).Select(f => f.Id)) + " or " + All[All.Count - 1].Id;

    /// <summary>".json or .jsonc, .yaml or .yml, .env or a name ending in .env".</summary>
    internal static string ClaimedNames => string.Join(", ", All.Select(f => f.Claimed));

    internal static bool HasExtension(string fileName, string wanted) => string.Equals(Path.GetExtension(fileName), wanted, StringComparison.OrdinalIgnoreCase);

    /// <summary>A text format's characters: strict UTF-8 after the BOM, or DryRunConfigInvalid.</summary>
    internal static string DecodeText(string path, byte[] content, int bomBytes)
    {
        try
        {
            return StrictUtf8.GetString(content, bomBytes, content.Length - bomBytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw ConfigErrors.Invalid(path, null, null, "holds text that is not valid UTF-8.", "Save the config as UTF-8 (with or without BOM).", ex);
        }
    }
}
