using System;
using System.Text;
using ModelLedger.Rendering;

namespace ModelLedger.Config;

/// <summary>
/// Rewrites one scalar's characters in its own quoting style and nothing else. When that is impossible (an
/// alias or shared anchor, a block or multi-line scalar, a value that would need different quotes) it refuses
/// with DryRunConfigUnsupported. Every result is parsed again and must hold exactly the new value at the key.
/// </summary>
internal static class ConfigScalarSwitch
{
    public static byte[] Replace(ConfigScalarLocation at, string newValue)
    {
        var path = at.File.Path;
        var key = at.Key.Text;
        if (at.SharedReason != null) throw ConfigErrors.Unsupported(path, at.Line, key, "switching it in place would change more than this key: " + at.SharedReason);
        if (at.Node.MultiLine || at.Style == ScalarStyle.YamlBlock)
            throw ConfigErrors.Unsupported(path, at.Line, key, "the value is a block or multi-line scalar; replacing its characters would change how it folds.");
        var encoded = Encode(at, newValue);
        var content = at.File.Content;
        var bytes = Encoding.UTF8.GetBytes(encoded);
        var result = new byte[content.Length - at.ByteLength + bytes.Length];
        Buffer.BlockCopy(content, 0, result, 0, at.ByteStart);
        Buffer.BlockCopy(bytes, 0, result, at.ByteStart, bytes.Length);
        Buffer.BlockCopy(content, at.ByteStart + at.ByteLength, result, at.ByteStart + bytes.Length, content.Length - at.ByteStart - at.ByteLength);
        Verify(at, result, newValue);
        return result;
    }

    private static string Encode(ConfigScalarLocation at, string value)
    {
        var format = at.File.Syntax;
        var encoded = value;
        var refused = at.IsString
            ? format.Encode(at.Style, value, at.Node.Flow, out encoded)
            : $"it holds {at.Describe()}, not a string.";
        if (refused != null)
            throw ConfigErrors.Unsupported(at.File.Path, at.Line, at.Key.Text, $"the new value '{UntrustedText.Excerpt(value)}' cannot be written in the scalar's {format.StyleName(at.Style)} style: {refused}");
        return encoded;
    }

    // Belt and braces: the switched file must parse and hold exactly the new value, in the same style, at the key.
    private static void Verify(ConfigScalarLocation at, byte[] switched, string newValue)
    {
        ConfigScalarLocation again;
        try
        {
            again = ConfigFile.Parse(at.File.Path, switched, at.File.Format).Locate(at.Document, at.Key);
        }
        catch (ModelLedgerException ex)
        {
            throw ConfigErrors.Unsupported(at.File.Path, at.Line, at.Key.Text, $"with '{UntrustedText.Excerpt(newValue)}' written in place the file no longer reads the same way ({ex.Message}).");
        }
        if (!again.IsString || !string.Equals(again.Value, newValue, StringComparison.Ordinal) || again.Style != at.Style || again.ConcretePath != at.ConcretePath)
            throw ConfigErrors.Unsupported(at.File.Path, at.Line, at.Key.Text, $"with '{UntrustedText.Excerpt(newValue)}' written in place the key would read as '{UntrustedText.Excerpt(again.Value ?? again.Describe())}'.");
    }
}
