using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using ModelLedger.References;
using ModelLedger.Rendering;
using ModelLedger.Secrets;

namespace ModelLedger.Commands;

/// <summary>
/// Scans a repository's text files for every model ID of a snapshot, as whole tokens, to find where each service's
/// model ID lives and to bootstrap a ledger. Skips .git, bin, obj, node_modules, binary files and large files.
/// </summary>
[Cmdlet(VerbsCommon.Find, "ModelReference", DefaultParameterSetName = SnapshotSet)]
[OutputType(typeof(ModelReference))]
public sealed class FindModelReferenceCommand : ModelLedgerCmdlet
{
    private const string SnapshotSet = "Snapshot";
    private const string ModelSet = "Model";

    private ParallelScan? _scanner;
    private readonly Stopwatch _progressClock = Stopwatch.StartNew();

    /// <summary>Folders or files to scan; wildcards allowed. Binds FileInfo/DirectoryInfo objects by their path.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>A models snapshot (Get-CometModel -OutSnapshot): the IDs to look for.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = SnapshotSet)]
    [ValidateNotNullOrEmpty]
    public string SnapshotPath { get; set; } = "";

    /// <summary>Models from Get-CometModel, instead of a snapshot file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ModelSet)]
    [AllowEmptyCollection]
    public CometModel[] Model { get; set; } = Array.Empty<CometModel>();

    /// <summary>The ledger: fills InLedger and LedgerRole, and NearMissOf for aliases and case variants of its IDs.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LedgerPath { get; set; }

    /// <summary>Files larger than this many bytes are skipped (default 4 MB: configs and code, not data dumps).</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = ReferenceScanner.DefaultMaxFileBytes;

    protected override void BeginProcessing()
    {
        try
        {
            IEnumerable<string> ids = ParameterSetName == SnapshotSet
                ? ReadSnapshot(ResolveInputPath(SnapshotPath, InputKind.Snapshot)).Models.Select(m => m.Id)
                : Model.Where(m => m != null).Select(m => m.Id);
            var ledger = LedgerPath == null ? null : ReadLedger(ResolveInputPath(LedgerPath, InputKind.Ledger));
            var idList = ids.ToList();
            WarnUnfindable(ReferenceScanner.Unfindable(idList, ledger));
            _scanner = new ParallelScan(() => new ReferenceScanner(idList, ledger) { MaxFileBytes = MaxFileBytes }, Environment.ProcessorCount);
        }
        catch (ModelLedgerException ex)
        {
            ThrowTerminatingError(ex);
        }
    }

    // Once per run: an ID with a character that ends a token would otherwise just never be found.
    private void WarnUnfindable(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return;
        var shown = string.Join(", ", ids.Take(10).Select(id => "'" + UntrustedText.ForDisplay(id) + "'")) + (ids.Count > 10 ? $" and {ids.Count - 10} more" : "");
        WriteWarning($"{ids.Count} model ID(s) can never be found as whole tokens: {shown}. A token is letters, digits, '-', '_', '.', '/' and ':', and a trailing '.' is punctuation. Search for these with Select-String -SimpleMatch.");
    }

    protected override void ProcessRecord()
    {
        var roots = ResolveInputPaths(Path, false, InputKind.ScanPath);
        // The walk reports skipped folders and non-regular files as it goes (on this thread: the scan pulls files
        // lazily); they are written between the results, and the rest after the last one.
        var notes = new Queue<string>();
        var files = roots.SelectMany(root => RepositoryFiles.Under(root, (path, why) => notes.Enqueue($"Skipped '{path}': {why}.")).Select(file => (file, root)));
        foreach (var (file, references, skipped, noConfigRef) in _scanner!.Scan(files))
        {
            while (notes.Count > 0) WriteVerbose(notes.Dequeue());
            foreach (var reference in references) WriteObject(ScrubbedResult.Of(reference, Scrubber));
            if (skipped != null) WriteVerbose($"Skipped '{file}': {skipped}.");
            if (noConfigRef != null) WriteVerbose($"No ConfigRef for the {references.Count} ID(s) in '{file}': {UntrustedText.ForDisplay(noConfigRef)}");
            if (_progressClock.ElapsedMilliseconds >= 500)
            {
                _progressClock.Restart();
                WriteProgress(new ProgressRecord(1, "Find-ModelReference", $"{_scanner.FilesScanned} files, {_scanner.BytesScanned / (1024 * 1024)} MB scanned")
                {
                    CurrentOperation = file,
                });
            }
        }
        while (notes.Count > 0) WriteVerbose(notes.Dequeue());
    }

    protected override void EndProcessing()
    {
        if (_scanner == null) return;
        WriteProgress(new ProgressRecord(1, "Find-ModelReference", "Done") { RecordType = ProgressRecordType.Completed });
        WriteVerbose($"Scanned {_scanner.FilesScanned} files ({_scanner.BytesScanned} bytes); skipped {_scanner.FilesSkipped}.");
    }
}
