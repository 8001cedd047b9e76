using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelLedger.Config;
using ModelLedger.Ledger;

namespace ModelLedger.Completion;

/// <summary>
/// Completes Invoke-RollbackDryRun -ConfigKey with '&lt;key&gt;[#&lt;template&gt;]' from the configRefs of the -Service entry in
/// -LedgerPath; when -ConfigPath is on the line, only the refs to a file of that name.
/// </summary>
public sealed class ConfigKeyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var service = fakeBoundParameters.Contains("Service") ? (fakeBoundParameters["Service"] is PSObject p ? p.BaseObject : fakeBoundParameters["Service"])?.ToString() : null;
        if (string.IsNullOrEmpty(service)) return Array.Empty<CompletionResult>();
        var config = CompletionValues.BoundPath(fakeBoundParameters, "ConfigPath");
        var fileName = config == null ? null : System.IO.Path.GetFileName(config);
        return CompletionValues.FromFile(fakeBoundParameters, wordToComplete, new[] { "LedgerPath" }, ledger =>
        {
            var entry = LedgerReader.ReadFile(ledger).FirstOrDefault(e => string.Equals(e.Service, service, StringComparison.OrdinalIgnoreCase));
            // Refs are read by the gate's own parser: a ref it cannot read is not offered.
            return (entry?.ConfigRefs ?? Array.Empty<string>())
                .Select(TryParse)
                .Where(r => r != null && (fileName == null || r.Path.EndsWith("/" + fileName, StringComparison.Ordinal) || r.Path == fileName))
                .Select(r => (string?)(r!.Template.IsIdentity ? r.Key.Text : r.Key.Text + "#" + r.Template.Text))
                .ToList();
        }, _ => $"Key in {service}'s configRefs: ");
    }

    private static ConfigRef? TryParse(string text)
    {
        try { return ConfigRef.ParseSyntax(text); }
        catch (ConfigRefSyntaxException) { return null; }
    }
}
