using System;
using System.IO;
using System.Linq;
using ModelLedger.Config;
using ModelLedger.DryRun;

namespace ModelLedger.Commands;

/// <summary>
/// What Invoke-RollbackDryRun switches: -ConfigKey ('&lt;key&gt;[#&lt;template&gt;]') when given, else the one ref of the
/// entry whose file has the config's file name. -ConfigFormat overrides the extension.
/// </summary>
internal static class DryRunTargetParameter
{
    public static ConfigTarget Resolve(LedgerEntry entry, string configPath, string? configKey, ConfigFormat? format, int? document)
    {
        if (configKey != null)
        {
            var (key, template) = ConfigRef.ParseKeyAndTemplate(configKey);
            return new ConfigTarget(key, template, document, format ?? ConfigFormats.FromPath(configPath));
        }

        var name = Path.GetFileName(configPath);
        var refs = (entry.ConfigRefs ?? Array.Empty<string>())
            .Select(TryParse)
            .Where(r => r != null && string.Equals(r.Path.Substring(r.Path.LastIndexOf('/') + 1), name, StringComparison.Ordinal))
            .ToList();
        if (refs.Count == 1)
        {
            var r = refs[0]!;
            return new ConfigTarget(r.Key, r.Template, document ?? r.Document, format ?? ConfigFormats.FromPath(configPath) ?? r.Format);
        }
        var found = refs.Count == 0
            ? $"none of its configRefs names a file called '{name}'"
            : $"{refs.Count} of its configRefs name a file called '{name}' ({string.Join(", ", refs.Select(r => "'" + r!.Text + "'"))})";
        throw DryRunErrors.ConfigKeyNotInferred(entry.Service, configPath, found);
    }

    private static ConfigRef? TryParse(string text)
    {
        try { return ConfigRef.ParseSyntax(text); }
        catch (ConfigRefSyntaxException) { return null; }
    }
}
