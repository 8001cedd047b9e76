using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelLedger.Ledger;

namespace ModelLedger.Completion
{
    /// <summary>Completes -Service from the ledger named on the same command line (-Path, -LiteralPath or -LedgerPath).</summary>
    public sealed class LedgerServiceCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var path = CompletionValues.BoundPath(fakeBoundParameters, "LedgerPath", "Path", "LiteralPath");
            if (path == null) return Array.Empty<CompletionResult>();
            try
            {
                return CompletionValues.Matching(LedgerReader.ReadFile(path).Select(e => e.Service), wordToComplete, "Service in " + System.IO.Path.GetFileName(path) + ": ");
            }
            catch (ModelLedgerException)
            {
                return Array.Empty<CompletionResult>();   // completion never throws: a bad ledger just offers nothing
            }
        }
    }
}
