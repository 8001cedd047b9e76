using System;
using System.Linq;
using System.Management.Automation;
using ModelLedger.Completion;
using ModelLedger.Config;
using ModelLedger.DryRun;

namespace ModelLedger.Commands;

/// <summary>
/// Rehearses one service's rollback in staging: switches the config to the rollback ID, checks the ID the
/// application sends, runs the workload, and always restores the config byte for byte.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RollbackDryRun", DefaultParameterSetName = LedgerSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DryRunResult))]
public sealed class InvokeRollbackDryRunCommand : ModelLedgerCmdlet
{
    private const string LedgerSet = "Ledger";
    private const string EntrySet = "Entry";
    private const string RecoverSet = "Recover";

    private ScriptDryRunHost? _host;

    /// <summary>The service whose rollback to rehearse (looked up in -LedgerPath, case-insensitively).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = LedgerSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LedgerServiceCompleter))]
    public string Service { get; set; } = "";

    /// <summary>The ledger (JSON or CSV) holding the service's current and rollback IDs.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LedgerSet)]
    [ValidateNotNullOrEmpty]
    public string LedgerPath { get; set; } = "";

    /// <summary>A ledger entry, usually from Get-ModelLedger.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EntrySet, ValueFromPipeline = true)]
    public LedgerEntry? InputObject { get; set; }

    /// <summary>The staging config (JSON, YAML or .env) the service reads its model ID from.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LedgerSet)]
    [Parameter(Mandatory = true, ParameterSetName = EntrySet)]
    [Parameter(Mandatory = true, ParameterSetName = RecoverSet)]
    [ValidateNotNullOrEmpty]
    public string ConfigPath { get; set; } = "";

    /// <summary>
    /// The key holding the model ID, with an optional template: '&lt;key&gt;[#&lt;template&gt;]'. Optional when exactly one
    /// of the entry's configRefs names a file with the config's file name.
    /// </summary>
    [Parameter(ParameterSetName = LedgerSet)]
    [Parameter(ParameterSetName = EntrySet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConfigKeyCompleter))]
    public string? ConfigKey { get; set; }

    /// <summary>The config's format when its file name does not say (Json, Yaml, DotEnv).</summary>
    [Parameter(ParameterSetName = LedgerSet)]
    [Parameter(ParameterSetName = EntrySet)]
    public ConfigFormat? ConfigFormat { get; set; }

    /// <summary>0-based document of a multi-document YAML config (with -ConfigKey; a ref's '@n' otherwise).</summary>
    [Parameter(ParameterSetName = LedgerSet)]
    [Parameter(ParameterSetName = EntrySet)]
    [ValidateRange(0, int.MaxValue)]
    public int? ConfigDocument { get; set; }

    /// <summary>Reloads the component and outputs the model ID the application actually sends.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LedgerSet)]
    [Parameter(Mandatory = true, ParameterSetName = EntrySet)]
    public ScriptBlock? ProbeScript { get; set; }

    /// <summary>Runs the small staging request set; fails by throwing.</summary>
    [Parameter(ParameterSetName = LedgerSet)]
    [Parameter(ParameterSetName = EntrySet)]
    public ScriptBlock? WorkloadScript { get; set; }

    /// <summary>Longest the probe, and then the workload, may each run before it is stopped and the run fails.</summary>
    [Parameter(ParameterSetName = LedgerSet)]
    [Parameter(ParameterSetName = EntrySet)]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; } = 300;

    /// <summary>Only repair the config from the journal an interrupted run left; run no rehearsal.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RecoverSet)]
    public SwitchParameter Recover { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            // Recovery repairs a config an interrupted run may have left absent, so there it is the file written.
            var configPath = ParameterSetName == RecoverSet
                ? ResolveOutputPath(ConfigPath, ErrorIds.DryRunConfigNotFound, "Config")
                : ResolveInputPath(ConfigPath, InputKind.DryRunConfig);
            if (ParameterSetName == RecoverSet)
            {
                var recovered = new RollbackDryRun(NewHost("recovery", null)).RecoverOnly(configPath);
                if (recovered != null) WriteObject(recovered);
                return;
            }

            var entry = ParameterSetName == EntrySet ? InputObject! : FindEntry();
            if (entry == null) return;
            _host = NewHost(entry.Service ?? "", ProbeScript!);
            var result = new RollbackDryRun(_host).Run(entry, configPath, DryRunTargetParameter.Resolve(entry, configPath, ConfigKey, ConfigFormat, ConfigDocument));
            if (result != null) WriteObject(result);
        }
        catch (ModelLedgerException ex) when (ex.ErrorId == ErrorIds.DryRunConfigMismatch)
        {
            WriteError(ex);
        }
        catch (ModelLedgerException ex)
        {
            ThrowTerminatingError(ex);
        }
        finally
        {
            _host = null;
        }
    }

    protected override void StopProcessing() => _host?.Stop();

    private ScriptDryRunHost NewHost(string service, ScriptBlock? probe) =>
        new(this, probe, WorkloadScript, TimeSpan.FromSeconds(TimeoutSec), $"Rollback dry run: {service}");

    private LedgerEntry? FindEntry()
    {
        var path = ResolveInputPath(LedgerPath, InputKind.DryRunLedger);
        var entries = ReadLedger(path);
        var entry = entries.FirstOrDefault(e => string.Equals(e.Service, Service, StringComparison.Ordinal))
                    ?? entries.FirstOrDefault(e => string.Equals(e.Service, Service, StringComparison.OrdinalIgnoreCase));
        if (entry != null) return entry;
        throw LedgerErrors.ServiceNotInLedger(path, Service, string.Join(", ", entries.Select(e => "'" + e.Service + "'")));
    }
}
