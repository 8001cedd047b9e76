using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ModelLedger.Gate;
using ModelLedger.IO;
using ModelLedger.Ledger;
using ModelLedger.Snapshots;

namespace ModelLedger.Commands
{
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
        private readonly List<LedgerFinding> _findings = new();
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

        /// <summary>A snapshot written by Get-CometModel -OutSnapshot.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathAndSnapshot)]
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = InputAndSnapshot)]
        [ValidateNotNullOrEmpty]
        public string SnapshotPath { get; set; } = "";

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
        public string? CredentialLabel { get; set; }

        /// <summary>Only output findings of these checks (all checks still decide -Quiet and the report files).</summary>
        [Parameter]
        [ValidateSet(CheckNames.LedgerEntryComplete, CheckNames.DeployedMatchesLedger, CheckNames.CurrentModelAvailable, CheckNames.RollbackModelDefined,
            CheckNames.RollbackModelAvailable, CheckNames.EmergencyAlternative, CheckNames.RollbackOwner, CheckNames.SnapshotFresh,
            CheckNames.SnapshotMetadata, CheckNames.CredentialLabelMatches, CheckNames.RollbackWindowOpen)]
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

        /// <summary>Return one [bool]: $true when nothing failed.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Also write the findings as JUnit XML (for PublishTestResults) or Markdown (for a change ticket) to -OutputPath.</summary>
        [Parameter]
        [ValidateSet("JUnit", "Markdown")]
        public string? OutputFormat { get; set; }

        /// <summary>The file -OutputFormat writes (atomically).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutputPath { get; set; }

        protected override void BeginProcessing()
        {
            if ((OutputFormat == null) != (OutputPath == null))
                ThrowTerminatingError(GateErrors.OutputFormatIncomplete(OutputPath ?? OutputFormat));
            // The report files and Azure DevOps lines need every finding; keep them only when asked for
            // (decided once per run: a 10,000-entry gate emits ~70,000 findings).
            _keepFindings = OutputFormat != null || IsAzureDevOps();
            _services = new ServiceFilter(Service);
            var options = new GateOptions { MaxSnapshotAge = MaxSnapshotAge, AsOf = AsOf ?? DateTimeOffset.UtcNow, CredentialLabel = CredentialLabel };
            try
            {
                if (Deployed != null) options.Deployed = DeployedParameter.Parse(Deployed);
                if (BaselineLedgerPath != null) options.BaselineLedger = ReadLedger(ResolveInputPath(BaselineLedgerPath, InputKind.Ledger), "baseline ledger");
                if (ConfigRoot != null || BaselineConfigRoot != null) options.ReleaseConfig = ReleaseConfigRoots();
                var snapshot = ParameterSetName is PathAndSnapshot or InputAndSnapshot
                    ? ReadSnapshot(ResolveInputPath(SnapshotPath, InputKind.Snapshot))
                    : ModelListSnapshot.FromModels(Model, options.AsOf);
                WriteVerbose($"Gating against {snapshot.Models.Count} models from '{snapshot.FilePath ?? snapshot.Source}', captured {snapshot.CapturedAt:u}.");
                _gate = new GateEvaluator(snapshot, options);
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
                foreach (var entry in ledger) Gate(entry, ledger.Count);
            }
            else if (_release != null)
            {
                // Every ref must be known before the first entry is judged (see ReleaseConfig.Register).
                _piped.AddRange(InputObject);
            }
            else
            {
                foreach (var entry in InputObject) Gate(entry, null);
            }
        }

        private ReleaseConfig? _release => _gate?.Options.ReleaseConfig;
        private readonly List<LedgerEntry> _piped = new();

        protected override void EndProcessing()
        {
            if (_piped.Count > 0)
            {
                _release!.Register(_piped);
                foreach (var entry in _piped) Gate(entry, _piped.Count);
            }
            ReportUnmatchedServices();
            Emit(_gate!.Finish());
            if (_entries >= 1000)
                WriteProgress(new ProgressRecord(1, "Test-ModelLedger", $"{_entries} entries checked") { RecordType = ProgressRecordType.Completed });
            if (_entries == 0)
                WriteWarning("No ledger entries were gated: the ledger is empty or nothing was piped in.");
            if (IsAzureDevOps())
                foreach (var line in FindingReport.AzureDevOpsIssues(_findings)) Host.UI.WriteLine(line);
            var reportWritten = OutputFormat == null || WriteReport();
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
        private void ReportUnmatchedServices()
        {
            foreach (var name in _services.UnmatchedLiterals())
            {
                _failed = true;
                WriteError(LedgerErrors.ServiceNotFound(name));
            }
        }

        private bool _keepFindings;

        private void Emit(IEnumerable<LedgerFinding> findings)
        {
            foreach (var f in findings)
            {
                if (f.Status == FindingStatus.Fail) _failed = true;
                if (_keepFindings) _findings.Add(f);
                if (Quiet || (Check != null && !Check.Contains(f.Check, StringComparer.OrdinalIgnoreCase))) continue;
                WriteObject(f);
            }
        }

        /// <summary>Writes the -OutputFormat file; false (after a non-terminating OutputWriteFailed) when it could not be written.</summary>
        private bool WriteReport()
        {
            string path;
            try { path = ResolveOutputPath(OutputPath!, ErrorIds.OutputWriteFailed, $"The {OutputFormat} report"); }
            catch (ModelLedgerException ex)
            {
                WriteError(ex);
                return false;
            }
            if (!ShouldProcess(path, $"Write the gate findings as {OutputFormat}")) return true;
            var text = OutputFormat == "JUnit" ? FindingReport.ToJUnitXml(_findings) : FindingReport.ToMarkdown(_findings);
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

        // -ConfigRoot / -BaselineConfigRoot: existing folders, resolved like every other input.
        private ReleaseConfig ReleaseConfigRoots()
        {
            if (ConfigRoot == null) throw ReleaseConfigErrors.RootMissing(BaselineConfigRoot);
            return new ReleaseConfig(ConfigRootFolder(ConfigRoot, "-ConfigRoot"), BaselineConfigRoot == null ? null : ConfigRootFolder(BaselineConfigRoot, "-BaselineConfigRoot"));
        }

        private string ConfigRootFolder(string path, string parameter)
        {
            var full = ResolveInputPath(path, InputKind.ConfigRoot(parameter));
            return Directory.Exists(full) ? full : throw ReleaseConfigErrors.RootNotFound(parameter, path, isFile: true, full);
        }

        private static bool IsAzureDevOps() => string.Equals(Environment.GetEnvironmentVariable("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase);
    }
}
