using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelLedger.Snapshots;

namespace ModelLedger.Completion;

/// <summary>Completes a model ID from the snapshot named on the same command line (-SnapshotPath).</summary>
public sealed class SnapshotModelIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionValues.FromFile(fakeBoundParameters, wordToComplete, new[] { "SnapshotPath" },
            path => SnapshotReader.ReadFile(path).Models.Select(m => (string?)m.Id), "Listed in");
}
