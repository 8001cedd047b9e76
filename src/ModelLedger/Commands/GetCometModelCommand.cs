using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ModelLedger.Client;
using ModelLedger.Completion;
using ModelLedger.ModelIds;
using ModelLedger.Snapshots;

namespace ModelLedger.Commands;

/// <summary>
/// Lists the models CometAPI's GET /v1/models shows to a key (or reads a saved snapshot), optionally filtered by
/// exact model ID, and optionally writes the snapshot artifact a release gate and the evidence use.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CometModel", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true)]
[OutputType(typeof(CometModel))]
public sealed class GetCometModelCommand : ModelLedgerCmdlet, IDisposable
{
    private const string LiveSet = "Live";
    private const string SnapshotSet = "Snapshot";

    public const string BaseUriVariable = "COMETAPI_BASE_URL";

    private readonly CancellationTokenSource _stop = new();
    private List<CometModel>? _models;
    private ModelIdHints? _hints;
    private bool _wroteAll;

    /// <summary>Exact model IDs to return (case-sensitive, no trimming). Absent ones are CometModelNotFound errors with near-miss hints.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ModelId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SnapshotModelIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>API root; default $env:COMETAPI_BASE_URL, then https://api.cometapi.com.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? BaseUri { get; set; }

    /// <summary>The key; default $env:COMETAPI_API_KEY.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    public SecureString? ApiKey { get; set; }

    /// <summary>Read a saved snapshot instead of calling the endpoint.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SnapshotSet)]
    [Alias("Snapshot")]
    [ValidateNotNullOrEmpty]
    public string SnapshotPath { get; set; } = "";

    /// <summary>Write the snapshot artifact (all models, not only -Id) here, atomically.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? OutSnapshot { get; set; }

    /// <summary>Which class of credential was used ("production", "personal"...), recorded in the snapshot.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? CredentialLabel { get; set; }

    /// <summary>Total seconds for all attempts and retry waits; 0 means no limit.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateRange(0, 86400)]
    public int TimeoutSec { get; set; } = 30;

    /// <summary>Retries after the first attempt, for 429, retryable 5xx and connection failures.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateRange(0, 100)]
    public int MaximumRetryCount { get; set; } = 3;

    /// <summary>Base of the exponential backoff (with jitter; Retry-After wins when longer).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateRange(0, 3600)]
    public int RetryIntervalSec { get; set; } = 1;

    /// <summary>How long a list stays reusable within this session for the same base URI and key.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateRange(0, 86400)]
    public int CacheLifetimeSec { get; set; } = 300;

    /// <summary>Always send a request (the fresh answer still refreshes the cache).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    public SwitchParameter NoCache { get; set; }

    /// <summary>With -OutSnapshot, also write the models to the pipeline (as Invoke-RestMethod -OutFile -PassThru does).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Largest response body read before failing.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateRange(1024, long.MaxValue)]
    public long MaximumResponseBytes { get; set; } = CometApiRequestOptions.DefaultMaximumResponseBytes;

    protected override void ProcessRecord()
    {
        if (_models == null)
        {
            _models = ParameterSetName == SnapshotSet ? ReadSnapshot() : Fetch();
            if (_models == null) return;
        }

        if (Id == null)
        {
            if (_wroteAll || !WritesModels) return;
            _wroteAll = true;
            foreach (var m in _models) WriteObject(m);
            return;
        }

        foreach (var id in Id)
        {
            var match = _models.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));
            if (match != null)
            {
                if (WritesModels) WriteObject(match);
                continue;
            }
            var hints = (_hints ??= new ModelIdHints(_models.Select(m => m.Id))).Describe(id);
            var where = ParameterSetName == SnapshotSet ? $"the snapshot '{SnapshotPath}'" : $"the models list of {_models.FirstOrDefault()?.Source ?? ResolveUriForMessage()}";
            WriteError(CometApiErrors.ModelNotFound(id, where, _models.Count, hints));
        }
    }

    // Writing a file is the job of -OutSnapshot: like Invoke-RestMethod -OutFile, the models go to the pipeline only with -PassThru.
    private bool WritesModels => OutSnapshot == null || PassThru;

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>PowerShell disposes a cmdlet that is IDisposable when its pipeline ends.</summary>
    public void Dispose() => _stop.Dispose();

    private string ResolveUriForMessage()
    {
        try { return ModelsEndpoint.Display(ModelsEndpoint.Resolve(EffectiveBaseUri())); }
        catch (ModelLedgerException) { return "the models endpoint"; }
    }

    private string? EffectiveBaseUri() =>
        !string.IsNullOrEmpty(BaseUri) ? BaseUri : Environment.GetEnvironmentVariable(BaseUriVariable);

    private List<CometModel>? ReadSnapshot()
    {
        try
        {
            var path = ResolveInputPath(SnapshotPath, InputKind.Snapshot);
            WriteVerbose($"Reading snapshot '{path}' (no request is sent).");
            var snapshot = SnapshotReader.ReadFile(path);
            if (snapshot.Models.Any(m => Scrubber.Contains(m.Id) || Scrubber.Contains(m.OwnedBy) || Scrubber.Contains(m.Object)))
                throw SnapshotErrors.HoldsKey(path);
            WriteVerbose($"Snapshot captured at {snapshot.CapturedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} from {snapshot.Source}{(snapshot.CredentialLabel != null ? $" with the '{snapshot.CredentialLabel}' credential" : "")}: {snapshot.Models.Count} models.");
            return snapshot.Models;
        }
        catch (ModelLedgerException ex)
        {
            ThrowTerminatingError(ex);
            return null;
        }
    }

    private List<CometModel>? Fetch()
    {
        var baseUri = EffectiveBaseUri();
        if (string.IsNullOrEmpty(BaseUri))
            WriteVerbose(string.IsNullOrEmpty(baseUri) ? $"Base URI: {ModelsEndpoint.DefaultBaseUri} (default)." : $"Base URI from ${BaseUriVariable}.");

        var key = ApiKey != null ? ReadSecure(ApiKey) : Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (ApiKey == null && !string.IsNullOrEmpty(key)) WriteVerbose($"Using the key in ${ApiKeyVariable}.");
        TrustKey(key);
        if (string.IsNullOrEmpty(key))
        {
            ThrowTerminatingError(CometApiErrors.KeyMissing());
            return null;
        }

        var options = new CometApiRequestOptions
        {
            BaseUri = baseUri,
            ApiKey = key,
            MaximumRetryCount = MaximumRetryCount,
            RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
            Timeout = TimeoutSec > 0 ? TimeSpan.FromSeconds(TimeoutSec) : null,
            MaximumResponseBytes = MaximumResponseBytes,
            UseCache = !NoCache && CacheLifetimeSec > 0,
            CacheLifetime = TimeSpan.FromSeconds(CacheLifetimeSec),
        };
        key = null;

        ModelListResult result;
        try
        {
            result = RunPumped(options);
        }
        catch (ModelLedgerException ex)
        {
            ThrowTerminatingError(ex);
            return null;
        }
        finally
        {
            options.ApiKey = null;
        }

        foreach (var dup in result.Duplicates)
            WriteWarning($"The models endpoint listed '{dup.Key}' {dup.Value} times; it is reported once.");

        if (OutSnapshot != null)
        {
            var path = ResolveOutputPath(OutSnapshot, ErrorIds.OutputWriteFailed, "Snapshot");
            if (CredentialLabel == null)
                WriteWarning("The snapshot records no credential class: pass -CredentialLabel (for example 'production') so a reviewer can tell a personal key's view from the production key's.");
            if (ShouldProcess(path, $"Write a snapshot of {result.Count} models from {result.Source}"))
            {
                try
                {
                    SnapshotWriter.WriteFile(path, result.ToSnapshot(CredentialLabel));
                    WriteVerbose($"Wrote snapshot '{path}' ({result.Count} models, captured {result.CapturedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}).");
                }
                catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or SecurityException)
                {
                    ThrowTerminatingError(FileErrors.WriteFailed(ErrorIds.OutputWriteFailed, "The snapshot", path, ex,
                        "Check that the folder exists and is writable, or choose another -OutSnapshot path."));
                }
            }
        }
        // Copies, so a caller editing an object never changes the session cache; none are needed for a plain capture.
        // They share one capture record that carries this call's credential label, as a snapshot's models do.
        return WritesModels || Id != null ? result.CopyModels(CredentialLabel) : new List<CometModel>();
    }

    /// <summary>
    /// Runs the async client on a worker and writes its verbose and progress messages here, on the pipeline
    /// thread (the only thread allowed to write). Ctrl+C cancels the token and the call stops at once.
    /// </summary>
    private ModelListResult RunPumped(CometApiRequestOptions options)
    {
        using var messages = new BlockingCollection<Action>();
        const int progressId = 1;
        const string activity = "Get-CometModel";
        var client = new CometApiClient
        {
            Verbose = m => TryAdd(messages, () => WriteVerbose(m)),
            Waiting = w => TryAdd(messages, () => WriteProgress(new ProgressRecord(progressId, activity,
                $"{w.Reason}: waiting {w.Wait.TotalSeconds:0.#} s before attempt {w.NextAttempt} of {w.MaximumAttempts}"))),
        };
        WriteProgress(new ProgressRecord(progressId, activity, "Listing models"));
        var task = Task.Run(() => client.GetModelsAsync(options, _stop.Token));
        task.ContinueWith(_ => messages.CompleteAdding(), TaskScheduler.Default);
        foreach (var write in messages.GetConsumingEnumerable()) write();
        WriteProgress(new ProgressRecord(progressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private static void TryAdd(BlockingCollection<Action> queue, Action a)
    {
        try { queue.Add(a); } catch (InvalidOperationException) { }
    }
}
