using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ModelLedger.Config;

/// <summary>
/// A parsed config file (JSON, YAML or .env) with its exact bytes. Parse once, then locate any number of keys;
/// every failure is a <see cref="ModelLedgerException"/> naming the file, line and key.
/// </summary>
internal sealed class ConfigFile
{
    private readonly IReadOnlyList<ConfigNode> _documents;

    private ConfigFile(string path, IConfigFormat syntax, byte[] content, IReadOnlyList<ConfigNode> documents)
    {
        Path = path;
        Syntax = syntax;
        Content = content;
        _documents = documents;
    }

    public string Path { get; }
    public ConfigFormat Format => Syntax.Id;
    internal IConfigFormat Syntax { get; }
    public byte[] Content { get; }
    public int DocumentCount => _documents.Count;
    internal IReadOnlyList<ConfigNode> Documents => _documents;

    /// <summary>Exact-name lookups, indexed once per mapping and list however many refs resolve into the file.</summary>
    internal ConfigIndex Index { get; } = new();

    /// <summary>Reads and parses a file; <paramref name="format"/> null means by extension.</summary>
    public static ConfigFile Load(string path, ConfigFormat? format = null)
    {
        byte[] content;
        try
        {
            content = IO.InputFile.ReadAllBytes(path, IO.InputLimits.Config);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw FileErrors.NotFound(ErrorIds.DryRunConfigNotFound, "Config", path, "Check the path and the release root.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw FileErrors.Unreadable(ErrorIds.DryRunConfigUnreadable, "Config", path, ex);
        }
        return Parse(path, content, format);
    }

    public static ConfigFile Parse(string path, byte[] content, ConfigFormat? format = null)
    {
        try
        {
            return ParseFormat(path, content, format);
        }
        catch (ModelLedgerException) { throw; }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Defence in depth: a parser bug must still surface as the documented error, never a raw exception.
            throw ConfigErrors.Invalid(path, null, null, $"could not be parsed ({ex.Message}).", "Check that the file is what the application reads.", ex);
        }
    }

    private static ConfigFile ParseFormat(string path, byte[] content, ConfigFormat? format)
    {
        var chosen = (format is ConfigFormat id ? ConfigFormats.For(id) : ConfigFormats.FormatOf(path))
            ?? throw ConfigErrors.Invalid(path, null, null, "has no extension that names its format.",
                $"Name the format with -ConfigFormat {ConfigFormats.Names}, or use a file named {ConfigFormats.ClaimedNames}.");
        return new ConfigFile(path, chosen, content, chosen.Read(path, content, BomLength(path, content)));
    }

    /// <summary>Finds the scalar at <paramref name="key"/> in document <paramref name="document"/> (YAML; null for a single-document file).</summary>
    public ConfigScalarLocation Locate(int? document, ConfigKeyPath key)
    {
        var located = ConfigPathResolver.Resolve(this, Root(document, key), key);
        return new ConfigScalarLocation(this, document, key, located.Node, located.ConcretePath, located.SharedReason, located.Line);
    }

    /// <summary>Every scalar of the file by its written path, for comparing two releases of it.</summary>
    internal IReadOnlyDictionary<string, string> Flatten() => ConfigFlattener.Flatten(_documents);

    internal ConfigNode Root(int? document, ConfigKeyPath key)
    {
        if (document is int d)
        {
            if (d < _documents.Count) return _documents[d];
            throw ConfigErrors.KeyNotFound(Path, null, key.Text, $"has {_documents.Count} document(s); there is no document @{d} (documents count from 0).",
                "Fix the document index in the reference.");
        }
        if (_documents.Count == 1) return _documents[0];
        // An empty document (a trailing '---') keeps its index but is not one of "several documents".
        var counted = _documents.Where(n => !n.EmptyDocument).ToList();
        if (counted.Count == 1) return counted[0];
        if (counted.Count == 0) throw ConfigErrors.Invalid(Path, 1, key.Text, "holds no YAML document.", "Write the configuration the application reads.");
        throw ConfigErrors.Invalid(Path, null, key.Text,
            $"holds {counted.Count} YAML documents, and the reference does not say which one (never assumed to be the first).",
            "Add the 0-based document index after the path, for example 'deploy/app.yaml@1#spec.model'.");
    }

    private static int BomLength(string path, byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF) return 3;
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
            throw ConfigErrors.Invalid(path, 1, null, "is saved as UTF-16; configs are read and edited as UTF-8, byte for byte.",
                "Save the config as UTF-8 (with or without BOM).");
        return 0;
    }
}
