using System;
using ModelLedger.Rendering;

namespace ModelLedger.Config;

/// <summary>
/// How a config value wraps the model ID: <c>{id}</c> exactly once, for example <c>openai/{id}</c> for LiteLLM's
/// provider prefix. The default is <c>{id}</c>: the value is the ID itself.
/// </summary>
internal sealed class IdTemplate
{
    public const string Placeholder = "{id}";
    public static readonly IdTemplate Identity = new(Placeholder, "", "");

    private IdTemplate(string text, string prefix, string suffix)
    {
        Text = text;
        Prefix = prefix;
        Suffix = suffix;
    }

    public string Text { get; }
    public string Prefix { get; }
    public string Suffix { get; }
    public bool IsIdentity => Prefix.Length == 0 && Suffix.Length == 0;

    internal static IdTemplate ParseSyntax(string text)
    {
        var at = text.IndexOf(Placeholder, StringComparison.Ordinal);
        if (at < 0) throw new ConfigRefSyntaxException($"the template '{UntrustedText.EscapeControls(text)}' has no {Placeholder}.", 1);
        if (text.IndexOf(Placeholder, at + 1, StringComparison.Ordinal) >= 0)
            throw new ConfigRefSyntaxException($"the template '{UntrustedText.EscapeControls(text)}' has {Placeholder} more than once.", at + 1);
        return new IdTemplate(text, text.Substring(0, at), text.Substring(at + Placeholder.Length));
    }

    /// <summary>The value a config holds for <paramref name="id"/>.</summary>
    public string Apply(string id) => Prefix + id + Suffix;

    /// <summary>The ID inside <paramref name="value"/>, when the value has the template's prefix and suffix exactly.</summary>
    public bool TryExtract(string value, out string id)
    {
        id = "";
        if (value.Length < Prefix.Length + Suffix.Length
            || !value.StartsWith(Prefix, StringComparison.Ordinal)
            || !value.EndsWith(Suffix, StringComparison.Ordinal)) return false;
        id = value.Substring(Prefix.Length, value.Length - Prefix.Length - Suffix.Length);
        return true;
    }

    public override string ToString() => Text;
}
