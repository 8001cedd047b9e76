using System;
using System.Collections.Generic;

namespace ModelLedger.Gate.Sinks;

/// <summary>Azure DevOps: every Fail and Warn as a <c>##vso[task.logissue]</c> line on the host, after the last finding.</summary>
internal sealed class AzureDevOpsSink : IFindingSink
{
    private readonly Action<string> _writeLine;
    private readonly List<LedgerFinding> _issues = new();

    public AzureDevOpsSink(Action<string> writeLine) => _writeLine = writeLine;

    public void Write(LedgerFinding finding)
    {
        if (finding.Status != FindingStatus.Pass) _issues.Add(finding);
    }

    public bool Complete()
    {
        foreach (var line in FindingReport.AzureDevOpsIssues(_issues)) _writeLine(line);
        return true;
    }
}
