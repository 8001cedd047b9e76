using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelLedger.Ledger;

namespace ModelLedger.Completion
{
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
                return (entry?.ConfigRefs ?? Array.Empty<string>())
                    .Select(r => (Path: r.Substring(0, r.IndexOf('#')), Key: r.Substring(r.IndexOf('#') + 1)))
                    .Where(r => fileName == null || r.Path.Split('@')[0].EndsWith("/" + fileName, StringComparison.Ordinal) || r.Path.Split('@')[0] == fileName)
                    .Select(r => (string?)r.Key)
                    .ToList();
            }, _ => $"Key in {service}'s configRefs: ");
        }
    }
}
