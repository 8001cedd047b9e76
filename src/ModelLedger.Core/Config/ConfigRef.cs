using System.Collections.Generic;
using System.Globalization;

namespace ModelLedger.Config;

/// <summary>
/// Where a service's model ID lives in the release: <c>&lt;path&gt;[@&lt;document&gt;]#&lt;key&gt;[#&lt;template&gt;]</c>
/// (about_ModelLedger, RELEASE CONFIGURATION). For example
/// <c>deploy/litellm/config.yaml#model_list[model_name=report-writer].litellm_params.model#openai/{id}</c>.
/// </summary>
internal sealed class ConfigRef
{
    private ConfigRef(string text, string path, int? document, ConfigKeyPath key, IdTemplate template)
    {
        Text = text;
        Path = path;
        Document = document;
        Key = key;
        Template = template;
    }

    public string Text { get; }

    /// <summary>Relative to the release root, '/'-separated.</summary>
    public string Path { get; }

    /// <summary>0-based document in a multi-document YAML file; null when not given.</summary>
    public int? Document { get; }

    public ConfigKeyPath Key { get; }

    public IdTemplate Template { get; }

    public ConfigFormat? Format => ConfigFormats.FromPath(Path);

    /// <summary>Parses a ref; throws <see cref="ConfigRefSyntaxException"/> explaining what is wrong.</summary>
    internal static ConfigRef ParseSyntax(string text)
    {
        var hash = text.IndexOf('#');
        if (hash < 0) throw new ConfigRefSyntaxException("it has no '#<key>' after the path (write '<path>#<key>').", text.Length);
        var pathPart = text.Substring(0, hash);
        int? document = null;
        var at = pathPart.LastIndexOf('@');
        if (at >= 0 && KeySegment.IsDigits(pathPart.Substring(at + 1)))
        {
            if (!int.TryParse(pathPart.Substring(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var doc))
                throw new ConfigRefSyntaxException("the document index is too large.", at + 2);
            document = doc;
            pathPart = pathPart.Substring(0, at);
        }
        CheckPath(pathPart);

        var rest = text.Substring(hash + 1);
        var split = KeyEnd(rest);
        ConfigKeyPath key;
        try
        {
            key = ConfigKeyPath.ParseSyntax(rest.Substring(0, split));
        }
        catch (ConfigRefSyntaxException ex)
        {
            throw new ConfigRefSyntaxException("the key " + ex.Message, hash + 1 + ex.Position);
        }
        var template = split < rest.Length ? IdTemplate.ParseSyntax(rest.Substring(split + 1)) : IdTemplate.Identity;
        var parsed = new ConfigRef(text, pathPart, document, key, template);
        if (parsed.Format == null)
            throw new ConfigRefSyntaxException($"'{pathPart}' has no config extension the gate reads ({ConfigFormats.ClaimedNames}).", 1);
        if (document != null && parsed.Format != ConfigFormat.Yaml)
            throw new ConfigRefSyntaxException("'@<document>' selects a document of a YAML file; this file is not YAML.", at + 1);
        if (parsed.Format == ConfigFormat.DotEnv && (key.Segments.Count != 1 || key.Segments[0].Kind != KeySegmentKind.Name))
            throw new ConfigRefSyntaxException("in a .env file the key is the variable name alone.", hash + 2);
        return parsed;
    }

    /// <summary>The key and optional template of -ConfigKey: <c>&lt;key&gt;[#&lt;template&gt;]</c>.</summary>
    internal static (ConfigKeyPath Key, IdTemplate Template) ParseKeyAndTemplate(string text)
    {
        var split = KeyEnd(text);
        var key = ConfigKeyPath.Parse(text.Substring(0, split));
        if (split == text.Length) return (key, IdTemplate.Identity);
        try
        {
            return (key, IdTemplate.ParseSyntax(text.Substring(split + 1)));
        }
        catch (ConfigRefSyntaxException ex)
        {
            throw ConfigErrors.TemplateSyntax(text, ex.Message);
        }
    }

    // The key ends at the first '#' outside double quotes.
    private static int KeyEnd(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '\\') { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (c == '#' && !quoted) return i;
        }
        return text.Length;
    }

    private static void CheckPath(string path)
    {
        if (path.Length == 0) throw new ConfigRefSyntaxException("the path before '#' is empty.", 1);
        if (path.IndexOf('\\') >= 0) throw new ConfigRefSyntaxException("the path uses '\\'; separate folders with '/'.", path.IndexOf('\\') + 1);
        if (path[0] == '/' || (path.Length > 1 && path[1] == ':'))
            throw new ConfigRefSyntaxException("the path is absolute; write it relative to the release root.", 1);
        foreach (var part in path.Split('/'))
            if (part.Length == 0 || part == "." || part == "..")
                throw new ConfigRefSyntaxException($"the path '{path}' has an empty, '.' or '..' folder; write it relative to the release root, inside it.", 1);
    }

    /// <summary>
    /// A ref in the grammar <see cref="ParseSyntax"/> reads: segments as <see cref="KeySegment"/> writes them (quoted
    /// where a name holds . [ ] # " \ = or is all digits), the template only when it is not the plain ID.
    /// </summary>
    public static string Write(string relativePath, int? document, IEnumerable<KeySegment> key, string? template)
    {
        var text = relativePath.Replace('\\', '/');
        if (document is int d) text += "@" + d.ToString(CultureInfo.InvariantCulture);
        text += "#" + ConfigKeyPath.Join(key);
        if (template != null && template != IdTemplate.Placeholder) text += "#" + template;
        return text;
    }

    public override string ToString() => Text;
}
