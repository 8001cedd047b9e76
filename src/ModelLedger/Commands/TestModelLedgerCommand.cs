using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ModelLedger.Gate;
using ModelLedger.Gate.Sinks;
using ModelLedger.IO;
using ModelLedger.Secrets;
using ModelLedger.Snapshots;

namespace ModelLedger.Commands;

/// <summary>The release gate: checks every ledger entry against a models snapshot and writes one finding per service and check.</summary>
[Cmdlet(VerbsDiagnostic.Test, "ModelLedger", DefaultParameterSetName = PathAndSnapshot, SupportsShouldProcess = true)]
[OutputType(typeof(LedgerFinding))]
[OutputType(typeof(bool), ParameterSetName = new[] { PathAndSnapshot, PathAndModel, InputAndSnapshot, InputAndModel })]
public sealed class TestModelLedgerCommand : ModelLedgerCmdlet
{
    private const string PathAndSnapshot = "PathAndSnapshot";
    private const string PathAndModel = "PathAndModel";
    private const string InputAndSnapshot = "InputAndSnapshot";
    private const string InputAndModel = "InputAndModel";

    private GateEvaluator? _gate;
    private IReadOnlyList<IFindingSink> _sinks = Array.Empty<IFindingSink>();
    private bool _failed;
    private int _entries;
    private ServiceFilter _services = new(null);

    /// <summary>The ledger file (JSON or CSV).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathAndSnapshot)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathAndModel)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Ledger entries from Get-ModelLedger (or built in a script).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputAndSnapshot)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputAndModel)]
    public LedgerEntry[] InputObject { get; set; } = Array.Empty<LedgerEntry>();

    /// <summary>Snapshots written by Get-CometModel -OutSnapshot, one per credential label: every ID must be in each.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathAndSnapshot)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = InputAndSnapshot)]
    [ValidateNotNullOrEmpty]
    public string[] SnapshotPath { get; set; } = Array.Empty<string>();

    /// <summary>Models from Get-CometModel, instead of a snapshot file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathAndModel)]
    [Parameter(Mandatory = true, ParameterSetName = InputAndModel)]
    [AllowEmptyCollection]
    public CometModel[] Model { get; set; } = Array.Empty<CometModel>();

    /// <summary>Older snapshots warn (SnapshotFresh). Default: 24 hours (same-day validation).</summary>
    [Parameter]
    public TimeSpan MaxSnapshotAge { get; set; } = GateOptions.DefaultMaxSnapshotAge;

    /// <summary>The time freshness is judged at; default now. Use the release time to re-check old evidence.</summary>
    [Parameter]
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>What the release ships: @{ service = 'model-id' } or @{ service = @{ ModelId = '...'; RoutingChanged = $true } }.</summary>
    [Parameter]
    public IDictionary? Deployed { get; set; }

    /// <summary>A release checkout: every entry's configRefs are read there and judge DeployedMatchesLedger.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConfigRoot { get; set; }

    /// <summary>The previous release's checkout: a model ID change with other changes in the same file is a routing change.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaselineConfigRoot { get; set; }

    /// <summary>The credential class the snapshot must have been captured with (for example 'production').</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? CredentialLabel { get; set; }

    /// <summary>Only output findings of these checks (all checks still decide -Quiet and the report files).</summary>
    /// <remarks>The literal set is what Windows PowerShell 5.1 needs; a test holds it to <see cref="GateChecks.All"/>.</remarks>
    [Parameter]
    [ValidateSet(CheckNames.LedgerEntryComplete, CheckNames.DeployedMatchesLedger, CheckNames.CurrentModelAvailable, CheckNames.RollbackModelDefined,
        CheckNames.RollbackModelAvailable, CheckNames.EmergencyAlternative, CheckNames.RollbackOwner, CheckNames.SnapshotFresh,
        CheckNames.SnapshotMetadata, CheckNames.CredentialLabelMatches, CheckNames.RollbackWindowOpen, CheckNames.ModelIdPinned)]
    public string[]? Check { get; set; }

    /// <summary>Gate only these services (wildcards). A name without wildcards that the ledger lacks is an error and fails the gate.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.LedgerServiceCompleter))]
    public string[]? Service { get; set; }

    /// <summary>The ledger before this release: adds the RollbackWindowOpen check (a rollback ID dropped inside its window fails).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaselineLedgerPath { get; set; }

    /// <summary>Policy: a rollback ID that is a moving name (ModelIdPinned) fails instead of warning.</summary>
    [Parameter]
    public SwitchParameter Strict { get; set; }

    /// <summary>Return one [bool]: $true when nothing failed.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary>Also write the findings as JUnit XML (for PublishTestResults) or Markdown (for a change ticket) to -OutputPath.</summary>
    [Parameter]
    // The literal set keeps the values in the MAML help (the help builder reads ValidateSet, not enum types).
    [ValidateSet(nameof(ReportFormat.JUnit), nameof(ReportFormat.Markdown))]
    public ReportFormat? OutputFormat { get; set; }

    /// <summary>The file -OutputFormat writes (atomically).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputPath { get; set; }

    protected override void BeginProcessing()
    {
        if ((OutputFormat == null) != (OutputPath == null))
            ThrowTerminatingError(GateErrors.OutputFormatIncomplete(OutputPath ?? OutputFormat?.ToString()));
        // Only the sinks this run has keep findings (a 10,000-entry gate emits ~70,000 of them).
        _sinks = FindingSinks.Create(Quiet ? null : new Action<LedgerFinding>(WriteObject), Check, CiHost, line => Host.UI.WriteLine(line), OutputFormat, WriteReport);
        _services = new ServiceFilter(Service);
        var options = new GateOptions { MaxSnapshotAge = MaxSnapshotAge, AsOf = AsOf ?? DateTimeOffset.UtcNow, CredentialLabels = CredentialLabel, Strict = Strict };
        try
        {
            if (Deployed != null) options.Deployed = DeployedParameter.Parse(Deployed);
            if (BaselineLedgerPath != null) options.BaselineLedger = ReadLedger(ResolveInputPath(BaselineLedgerPath, InputKind.Ledger), "baseline ledger");
            if (ConfigRoot != null || BaselineConfigRoot != null) options.ReleaseCheckout = ReleaseCheckoutRoots();
            var snapshots = ParameterSetName is PathAndSnapshot or InputAndSnapshot
                ? ReadSnapshots()
                : new[] { ModelSnapshot.FromModels(Model, options.AsOf) };
            if (ParameterSetName is PathAndModel or InputAndModel) WriteVerbose($"Gating against the {Model.Length} model(s) given by -Model.");
            _gate = new GateEvaluator(snapshots, options);
            Emit(_gate.SnapshotFindings());
        }
        catch (ModelLedgerException ex)
        {
            ThrowTerminatingError(ex);
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName is PathAndSnapshot or PathAndModel)
        {
            IReadOnlyList<LedgerEntry> ledger;
            try { ledger = ReadLedger(ResolveInputPath(Path, InputKind.Ledger)); }
            catch (ModelLedgerException ex) { ThrowTerminatingError(ex); return; }
            _release?.Register(ledger);
            _services.Learn(ledger);
            _ledgerEntries += ledger.Count;
            foreach (var entry in ledger) Gate(entry, ledger.Count);
        }
        else
        {
            _ledgerEntries += InputObject.Length;
            // Every ref must be known before the first entry is judged (see ReleaseCheckout.Register), and every
            // service before a -Service name is taken as a pattern rather than a name.
            if (_release != null || _services.NeedsLedger) _piped.AddRange(InputObject);
            else foreach (var entry in InputObject) Gate(entry, null);
        }
    }

    private ReleaseCheckout? _release => _gate?.Options.ReleaseCheckout;
    private readonly List<LedgerEntry> _piped = new();

    protected override void EndProcessing()
    {
        if (_piped.Count > 0)
        {
            _release?.Register(_piped);
            _services.Learn(_piped);
            foreach (var entry in _piped) Gate(entry, _piped.Count);
        }
        var serviceErrors = ReportUnmatchedServices();
        Emit(_gate!.Finish());
        if (_entries >= 1000)
            WriteProgress(new ProgressRecord(1, "Test-ModelLedger", $"{_entries} entries checked") { RecordType = ProgressRecordType.Completed });
        // The -Service errors already say why nothing was gated; otherwise say it here.
        if (_entries == 0 && !serviceErrors) ReportNothingGated();
        var reportWritten = true;
        foreach (var sink in _sinks) reportWritten &= sink.Complete();
        // A report the caller asked for and did not get means the gate did not complete: never $true.
        if (Quiet) WriteObject(!_failed && reportWritten);
    }

    private void Gate(LedgerEntry entry, int? total)
    {
        if (!_services.Includes(entry.Service)) return;
        _entries++;
        if (_entries % 1000 == 0)
            WriteProgress(new ProgressRecord(1, "Test-ModelLedger", $"{_entries} entries checked")
            {
                PercentComplete = total is int t && t > 0 ? Math.Min(100, _entries * 100 / t) : -1,
            });
        Emit(_gate!.Evaluate(entry));
    }

    // Asking to gate a service the ledger lacks must not pass quietly: the release would ship it ungated.
    private bool ReportUnmatchedServices()
    {
        var any = false;
        foreach (var (name, reason) in _services.InvalidPatterns()) any = Fail(LedgerErrors.ServicePatternInvalid(name, reason));
        foreach (var name in _services.UnmatchedLiterals()) any = Fail(LedgerErrors.ServiceNotFound(name));
        foreach (var pattern in _services.UnmatchedPatterns()) any = Fail(LedgerErrors.ServicePatternUnmatched(pattern));
        return any;
    }

    // A gate that judged no entry proved nothing: an error (so a script with -ErrorAction Stop stops) and never $true.
    private void ReportNothingGated()
    {
        var why = _ledgerEntries == 0
            ? (ParameterSetName is PathAndSnapshot or PathAndModel ? "the ledger has no entries." : "no ledger entry was piped in.")
            : $"-Service selected none of the ledger's {_ledgerEntries} entries.";
        Fail(GateErrors.NoEntriesGated(why, Service));
    }

    private bool Fail(ModelLedgerException error)
    {
        _failed = true;
        WriteError(error);
        return true;
    }

    private int _ledgerEntries;

    private void Emit(IEnumerable<LedgerFinding> findings)
    {
        foreach (var raw in findings)
        {
            var f = ScrubbedResult.Of(raw, Scrubber);
            if (f.Status == FindingStatus.Fail) _failed = true;
            foreach (var sink in _sinks) sink.Write(f);
        }
    }

    /// <summary>Writes the -OutputFormat file; false (after a non-terminating OutputWriteFailed) when it could not be written.</summary>
    private bool WriteReport(string text)
    {
        string path;
        try { path = ResolveOutputPath(OutputPath!, ErrorIds.OutputWriteFailed, $"The {OutputFormat} report"); }
        catch (ModelLedgerException ex)
        {
            WriteError(ex);
            return false;
        }
        if (!ShouldProcess(path, $"Write the gate findings as {OutputFormat}")) return true;
        try
        {
            AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));
            WriteVerbose($"Wrote {OutputFormat} findings to '{path}'.");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(FileErrors.WriteFailed(ErrorIds.OutputWriteFailed, $"The {OutputFormat} report", path, ex,
                "The gate did not complete (with -Quiet it returned $false). Choose a folder this account can write to and run the gate again."));
            return false;
        }
    }

    // One snapshot per credential: with several, each must carry a label and no label may repeat.
    private IReadOnlyList<ModelSnapshot> ReadSnapshots() =>
        SnapshotSet.Check(SnapshotPath.Select(p => ReadSnapshot(ResolveInputPath(p, InputKind.Snapshot))).ToList());

    // -ConfigRoot / -BaselineConfigRoot: existing folders, resolved like every other input.
    private ReleaseCheckout ReleaseCheckoutRoots()
    {
        if (ConfigRoot == null) throw ReleaseConfigErrors.RootMissing(BaselineConfigRoot);
        return new ReleaseCheckout(ConfigRootFolder(ConfigRoot, "-ConfigRoot"), BaselineConfigRoot == null ? null : ConfigRootFolder(BaselineConfigRoot, "-BaselineConfigRoot"));
    }

    private string ConfigRootFolder(string path, string parameter)
    {
        var full = ResolveInputPath(path, InputKind.ConfigRoot(parameter));
        return Directory.Exists(full) ? full : throw ReleaseConfigErrors.RootNotFound(parameter, path, isFile: true, full);
    }
}
