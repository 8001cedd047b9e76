using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ModelLedger.Bootstrap;
using ModelLedger.Ledger;
using ModelLedger.Ledger.Editing;
using ModelLedger.References;

namespace ModelLedger.Commands;

/// <summary>
/// Day one: drafts a ledger from where a repository already holds model IDs. Scans it as Find-ModelReference does,
/// names each service the way the repository does (LiteLLM model_name, compose service, Helm chart, service folder),
/// and writes one entry per service with its current ID and config refs, through the ledger editor. Fields a human
/// must decide stay empty so the gate names them; every config value not used is reported.
/// </summary>
[Cmdlet(VerbsCommon.New, "ModelLedger", SupportsShouldProcess = true, DefaultParameterSetName = SnapshotSet)]
[OutputType(typeof(LedgerEntry))]
public sealed class NewModelLedgerCommand : ModelLedgerCmdlet
{
    private const string SnapshotSet = "Snapshot";
    private const string ModelSet = "Model";

    /// <summary>The ledger file to write (JSON, or CSV by extension). An existing file is refused without -Force.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The repository's root folder: scanned, and the folder the written config refs are relative to.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string RepositoryPath { get; set; } = "";

    /// <summary>A models snapshot (Get-CometModel -OutSnapshot): the IDs to look for.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SnapshotSet)]
    [ValidateNotNullOrEmpty]
    public string SnapshotPath { get; set; } = "";

    /// <summary>Models from Get-CometModel, instead of a snapshot file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ModelSet)]
    [AllowEmptyCollection]
    public CometModel[] Model { get; set; } = Array.Empty<CometModel>();

    /// <summary>The owner every drafted entry gets; without it owner stays empty and the gate fails until one is recorded.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Owner { get; set; }

    /// <summary>Replace an existing ledger file with the draft.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write the drafted entries.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Files larger than this many bytes are skipped (default 4 MB), as in Find-ModelReference.</summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = ReferenceScanner.DefaultMaxFileBytes;

    /// <summary>How long to wait for another editor's lock before LedgerLocked (default 10 seconds).</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public int LockWaitSec { get; set; } = (int)LedgerEditor.DefaultLockWait.TotalSeconds;

    protected override void EndProcessing()
    {
        try
        {
            var path = ResolveOutputPath(Path, ErrorIds.LedgerWriteFailed, "Ledger");
            // Refused before the scan: a reviewed ledger is never replaced unasked, and -WhatIf says so too.
            if (Directory.Exists(path)) throw BootstrapErrors.LedgerExists(path, isFolder: true);
            if (File.Exists(path) && !Force) throw BootstrapErrors.LedgerExists(path, isFolder: false);
            var root = ResolveInputPath(RepositoryPath, InputKind.ScanPath);
            if (!Directory.Exists(root)) throw BootstrapErrors.RepositoryIsFile(root);

            var draft = Draft(root, path);
            Report(draft);
            if (draft.Entries.Count == 0)
            {
                WriteWarning($"No service was drafted from '{root}': no listed model ID is a config value that the repository names a service for. Nothing was written. Add entries by hand with Add-ModelLedgerEntry.");
                return;
            }
            var services = string.Join(", ", draft.Entries.Select(d => d.Entry.Service));
            var action = (File.Exists(path) ? "Replace the ledger with a draft" : "Create a draft ledger") + $" of {draft.Entries.Count} entries: {services}";
            if (!ShouldProcess(path, action)) return;
            LedgerEditor.Create(path, Force, TimeSpan.FromSeconds(LockWaitSec), document =>
            {
                foreach (var d in draft.Entries) document.AddEntry(d.Entry);
                return true;
            });
            WriteVerbose($"Wrote {draft.Entries.Count} draft entries to '{path}'. Next: record each entry's rollbackModelId, owner and useCase (Set-ModelLedgerEntry), then gate it with Test-ModelLedger -ConfigRoot '{root}'.");
            if (PassThru)
                foreach (var entry in LedgerReader.ReadFile(path)) WriteObject(entry);
        }
        catch (ModelLedgerException ex)
        {
            ThrowTerminatingError(ex);
        }
    }

    private LedgerDraft Draft(string root, string ledgerPath)
    {
        var snapshotPath = ParameterSetName == SnapshotSet ? ResolveInputPath(SnapshotPath, InputKind.Snapshot) : null;
        IEnumerable<string> ids = snapshotPath != null
            ? ReadSnapshot(snapshotPath).Models.Select(m => m.Id)
            : Model.Where(m => m != null).Select(m => m.Id);
        var idList = ids.ToList();
        // The ledger being written, the snapshot read and any other ledger or snapshot kept in the repository list IDs
        // by design: they are not config.
        var own = new Dictionary<string, string>(StringComparer.Ordinal) { [System.IO.Path.GetFullPath(ledgerPath)] = "the ledger this command writes" };
        if (snapshotPath != null) own[System.IO.Path.GetFullPath(snapshotPath)] = "the snapshot this command reads";
        var files = new List<string>();
        foreach (var file in RepositoryFiles.Under(root))
        {
            if (own.TryGetValue(System.IO.Path.GetFullPath(file), out var what)) WriteVerbose($"Skipped '{file}': {what}.");
            else files.Add(file);
        }
        var scan = new ParallelScan(() => new ReferenceScanner(idList, null) { MaxFileBytes = MaxFileBytes }, Environment.ProcessorCount);
        var references = new List<ModelReference>();
        foreach (var (file, found, skipped, noConfigRef) in scan.Scan(files.Select(f => (f, root))))
        {
            // Only a file with hits can add values: each such one is read again to tell a kept ledger or snapshot.
            if (found.Count > 0 && RunbookFiles.Describe(file, MaxFileBytes) is string runbook)
            {
                WriteVerbose($"Skipped '{file}': {runbook}, not config.");
                continue;
            }
            references.AddRange(found);
            if (skipped != null) WriteVerbose($"Skipped '{file}': {skipped}.");
            if (noConfigRef != null && found.Count > 0) WriteVerbose($"No config refs in '{file}': {noConfigRef}.");
        }
        WriteVerbose($"Scanned {scan.FilesScanned} files ({scan.BytesScanned} bytes) under '{root}'; skipped {scan.FilesSkipped}; {references.Count} references to listed model IDs.");
        return LedgerDraft.Build(root, references, new ServiceNamer(root, files, MaxFileBytes), Owner);
    }

    // Every value the draft does not use is named on the Verbose stream with why, and counted in one warning.
    private void Report(LedgerDraft draft)
    {
        foreach (var d in draft.Entries)
            WriteVerbose($"Drafted '{d.Entry.Service}' (named by {d.NamedBy}): current '{d.Entry.CurrentModelId}'; configRefs: {string.Join(", ", d.Entry.ConfigRefs ?? Array.Empty<string>())}.");
        foreach (var u in draft.Unused)
            WriteVerbose($"Not used: {u.Reference.Path}:{u.Reference.Line} '{u.Reference.ModelId}' ({u.Reference.ConfigRef}): {u.Reason.TrimEnd('.')}.");
        foreach (var r in draft.OutsideConfig)
            WriteVerbose($"Not a config value (review by hand): {r.Path}:{r.Line} '{r.ModelId}'.");
        if (draft.Unused.Count == 0) return;
        var kinds = draft.Unused.GroupBy(u => u.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Describe(g.Key)}");
        WriteWarning($"{draft.Unused.Count} config value(s) holding listed model IDs are not in the draft: {string.Join("; ", kinds)}. Run with -Verbose to see each with its file, line and reason.");
    }

    private static string Describe(UnusedKind kind) => kind switch
    {
        UnusedKind.OtherModelId => "other ID(s) of a drafted service (rollback ID or emergency alternative? see the entry's notes)",
        UnusedKind.NoServiceName => "with no service name in the repository",
        UnusedKind.ServiceName => "LiteLLM model_name(s) used as the service name",
        UnusedKind.NotReadBack => "whose suggested ref the gate cannot read back",
        _ => kind.ToString(),
    };
}
