using System;
using System.Collections.Generic;
using System.Text;

namespace ModelLedger.Config;

/// <summary>
/// The config ref Find-ModelReference suggests for an ID found in a config file: the scalar whose characters hold
/// it, named by <see cref="ScalarKeys"/>, the value wrapping it once without whitespace (<c>openai/{id}</c>).
/// Every ref is written by <see cref="ConfigRef.Write"/> and read back through the gate's own parser and resolver
/// before it is returned: a ref that would not resolve to this value holding this ID is never suggested.
/// </summary>
internal sealed class ConfigRefSuggestion
{
    private readonly ConfigFile _file;
    private readonly string _relativePath;
    private List<KeyedScalar>? _scalars;

    public ConfigRefSuggestion(ConfigFile file, string relativePath)
    {
        _file = file;
        _relativePath = relativePath;
    }

    /// <summary>The ref for <paramref name="id"/> written at file bytes [byteStart, ...), or null when none reads back.</summary>
    public string? At(int byteStart, string id)
    {
        var length = Encoding.UTF8.GetByteCount(id);
        if (!WrittenAt(byteStart, id, length)) return null;
        _scalars ??= ScalarKeys.Of(_file.Documents);
        var scalar = ScalarKeys.At(_scalars, byteStart, length);
        if (scalar == null) return null;
        var value = scalar.Node.Value!;
        var at = value.IndexOf(id, StringComparison.Ordinal);
        // {id} once; a wrapper is a provider prefix or a suffix ("openai/{id}"), not prose, and not lines of a block.
        if (at < 0 || value.IndexOf(id, at + 1, StringComparison.Ordinal) >= 0) return null;
        var template = value.Substring(0, at) + IdTemplate.Placeholder + value.Substring(at + id.Length);
        foreach (var c in template) if (char.IsWhiteSpace(c)) return null;
        return ReadsBack(scalar, scalar.Key, template, id) ?? ReadsBack(scalar, scalar.Positional, template, id);
    }

    // The hit's characters are the ID's bytes exactly (the scan decodes leniently; a config that parsed is strict UTF-8).
    private bool WrittenAt(int byteStart, string id, int length)
    {
        var content = _file.Content;
        if (byteStart < 0 || byteStart + length > content.Length) return false;
        var bytes = Encoding.UTF8.GetBytes(id);
        for (var i = 0; i < length; i++) if (content[byteStart + i] != bytes[i]) return false;
        return true;
    }

    private string? ReadsBack(KeyedScalar scalar, KeySegment[] key, string template, string id)
    {
        if (key.Length == 0) return null;
        string text;
        try
        {
            text = ConfigRef.Write(_relativePath, scalar.Document, key, template);
            var parsed = ConfigRef.ParseSyntax(text);
            if (parsed.Path != _relativePath || parsed.Format != _file.Format) return null;
            var located = _file.Locate(parsed.Document, parsed.Key);
            if (!ReferenceEquals(located.Node, scalar.Node) || !located.IsString) return null;
            if (!parsed.Template.TryExtract(located.Value!, out var found) || found != id) return null;
        }
        catch (Exception ex) when (ex is ConfigRefSyntaxException or ModelLedgerException)
        {
            return null;
        }
        return text;
    }
}
