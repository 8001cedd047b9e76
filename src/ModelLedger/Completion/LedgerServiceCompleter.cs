using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelLedger.Ledger;

namespace ModelLedger.Completion;

/// <summary>Completes -Service from the ledger named on the same command line (-Path, -LiteralPath or -LedgerPath).</summary>
public sealed class LedgerServiceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionValues.FromFile(fakeBoundParameters, wordToComplete, new[] { "LedgerPath", "Path", "LiteralPath" },
            path => LedgerReader.ReadFile(path).Select(e => e.Service), "Service in");
}
