using System;
using System.Collections.Generic;
using System.Management.Automation;
using ModelLedger.Completion;

namespace ModelLedger.Commands;

/// <summary>Reads ledger files (JSON or CSV) and writes one LedgerEntry per service.</summary>
[Cmdlet(VerbsCommon.Get, "ModelLedger", DefaultParameterSetName = PathSet)]
[OutputType(typeof(LedgerEntry))]
public sealed class GetModelLedgerCommand : ModelLedgerCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private ServiceFilter _services = new(null);
    private bool _anyLedgerRead;

    /// <summary>Ledger file(s); wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Ledger file(s), taken literally. Binds FileInfo objects from Get-ChildItem.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>Only these services (names compare case-insensitively; wildcards allowed).</summary>
    [Parameter(Position = 1)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LedgerServiceCompleter))]
    public string[]? Service { get; set; }

    // Once per call: with ledgers piped in, a name that matched in any of them is not "not found".
    protected override void BeginProcessing() => _services = new ServiceFilter(Service);

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var files = ResolveInputPaths(literal ? LiteralPath : Path, literal, InputKind.Ledger);

        foreach (var file in files)
        {
            IReadOnlyList<LedgerEntry> entries;
            try
            {
                entries = ReadLedger(file);
            }
            catch (ModelLedgerException ex)
            {
                WriteError(ex);
                continue;
            }
            _anyLedgerRead = true;
            _services.Learn(entries);
            foreach (var entry in entries)
            {
                if (!_services.Includes(entry.Service)) continue;
                WriteObject(entry);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (Service == null || !_anyLedgerRead) return;
        // A literal name that matched nothing is a typo or a missing row; say so, as Get-Process -Name does.
        foreach (var (name, reason) in _services.InvalidPatterns()) WriteError(LedgerErrors.ServicePatternInvalid(name, reason));
        foreach (var name in _services.UnmatchedLiterals()) WriteError(LedgerErrors.ServiceNotFound(name));
    }
}
