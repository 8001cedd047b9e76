using System;
using System.Collections.Generic;

namespace ModelLedger.Config;

/// <summary>
/// dotenv (docker compose's .env): <c>.env</c>, names ending in <c>.env</c> (prod.env) and names starting with
/// <c>.env.</c> (.env.production, .env.local, .env.example: Next.js, Vite and compose env_file use them).
/// </summary>
internal sealed class DotEnvFormat : IConfigFormat
{
    public ConfigFormat Id => ConfigFormat.DotEnv;
    public string Claimed => ".env, a name ending in .env or starting with .env.";

    public bool Claims(string fileName) =>
        fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<ConfigNode> Read(string path, byte[] content, int bomBytes) =>
        new[] { DotEnvConfigTree.Read(path, ConfigFormats.DecodeText(path, content, bomBytes), bomBytes) };

    public string? Encode(ScalarStyle style, string value, bool inFlow, out string encoded)
    {
        encoded = value;
        switch (style)
        {
            case ScalarStyle.DotEnvUnquoted:
                return value.Length == 0 || value.IndexOfAny(new[] { ' ', '\t', '\r', '\n', '#', '"', '\'', '\\', '$', '`' }) >= 0
                    ? "an unquoted .env value cannot hold whitespace, '#', quotes, '\\', '$' or '`' without changing how compose reads it."
                    : null;
            case ScalarStyle.DotEnvDoubleQuoted:
                return value.IndexOfAny(new[] { '"', '\\', '$', '`', '\r', '\n' }) >= 0
                    ? "a double-quoted .env value would need escapes or interpolation rules for '\"', '\\', '$', '`' or a line break, which dotenv readers disagree on."
                    : null;
            default:
                return value.IndexOfAny(new[] { '\'', '\r', '\n' }) >= 0 ? "a single-quoted .env value cannot hold a quote or a line break." : null;
        }
    }

    public string StyleName(ScalarStyle style) => style switch
    {
        ScalarStyle.DotEnvUnquoted => "unquoted .env",
        ScalarStyle.DotEnvSingleQuoted => "single-quoted .env",
        _ => "double-quoted .env",
    };

    public string MappingNoun => "a mapping";
    public string SequenceNoun => "a sequence";
    public string KeyNoun => "variable";
    public string KeyFix => "Name the variable that holds the model ID.";
}
