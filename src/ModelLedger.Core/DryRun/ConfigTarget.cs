using ModelLedger.Config;

namespace ModelLedger.DryRun;

/// <summary>What a dry run switches: the key (and, for YAML, the document) in a config, and how its value wraps the ID.</summary>
internal sealed class ConfigTarget
{
    public ConfigTarget(ConfigKeyPath key, IdTemplate? template = null, int? document = null, ConfigFormat? format = null)
    {
        Key = key;
        Template = template ?? IdTemplate.Identity;
        Document = document;
        Format = format;
    }

    public ConfigKeyPath Key { get; }
    public IdTemplate Template { get; }
    public int? Document { get; }

    /// <summary>Null: by the config's extension.</summary>
    public ConfigFormat? Format { get; }

    /// <summary>The key as the operator wrote it, with the template when it is not the plain ID.</summary>
    public string Text => Template.IsIdentity ? Key.Text : Key.Text + "#" + Template.Text;

    public override string ToString() => Text;
}
