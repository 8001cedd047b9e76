using System;
using System.Collections.Generic;

namespace ModelLedger.Gate.Sinks;

/// <summary>The pipeline: each finding as it is produced, only those of -Check's checks when it is given.</summary>
internal sealed class ConsoleSink : IFindingSink
{
    private readonly Action<LedgerFinding> _write;
    private readonly HashSet<string>? _checks;

    public ConsoleSink(Action<LedgerFinding> write, IEnumerable<string>? checks)
    {
        _write = write;
        _checks = checks == null ? null : new HashSet<string>(checks, StringComparer.OrdinalIgnoreCase);
    }

    public void Write(LedgerFinding finding)
    {
        if (_checks == null || _checks.Contains(finding.Check)) _write(finding);
    }

    public bool Complete() => true;
}
