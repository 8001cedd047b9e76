using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelLedger.Snapshots;

namespace ModelLedger.Completion
{
    /// <summary>Completes a model ID from the snapshot named on the same command line (-SnapshotPath).</summary>
    public sealed class SnapshotModelIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var path = CompletionValues.BoundPath(fakeBoundParameters, "SnapshotPath");
            if (path == null) return Array.Empty<CompletionResult>();
            try
            {
                return CompletionValues.Matching(SnapshotReader.ReadFile(path).Models.Select(m => m.Id), wordToComplete, "Listed in " + System.IO.Path.GetFileName(path) + ": ");
            }
            catch (ModelLedgerException)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
