using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace ModelLedger.References;

/// <summary>
/// Scans files on several cores while keeping the output in file order: files are taken in batches, each worker
/// has its own <see cref="ReferenceScanner"/> (and buffers), and a batch's results are handed back in order before
/// the next batch starts. Memory is bounded by the batch, not the tree.
/// </summary>
internal sealed class ParallelScan
{
    public const int BatchSize = 64;

    private readonly ReferenceScanner[] _workers;

    public ParallelScan(Func<ReferenceScanner> newScanner, int workers)
    {
        _workers = Enumerable.Range(0, Math.Max(1, workers)).Select(_ => newScanner()).ToArray();
    }

    public long FilesScanned => _workers.Sum(w => w.FilesScanned);
    public long BytesScanned => _workers.Sum(w => w.BytesScanned);
    public long FilesSkipped => _workers.Sum(w => w.FilesSkipped);

    /// <summary>
    /// One result per file, in the order given: its references, why it was skipped (null when scanned), and why its
    /// references have no ConfigRef (null unless it is a config file that did not read).
    /// </summary>
    /// <remarks>
    /// One batch is scanned while the caller consumes the previous one and the walk gathers the next, so writing
    /// pipeline objects and listing folders overlap the scan instead of following it. Only one batch runs at a time
    /// (each scanner has one thread), and a batch's results are handed back only after it is done.
    /// </remarks>
    public IEnumerable<(string File, List<ModelReference> References, string? Skipped, string? NoConfigRef)> Scan(IEnumerable<(string File, string Root)> files)
    {
        // A batch a stopped caller left running must end before these scanners take another file.
        WaitForAbandoned();
        var batch = new List<(string File, string Root)>(BatchSize);
        Task<(string, List<ModelReference>, string?, string?)[]>? running = null;
        try
        {
            foreach (var f in files)
            {
                batch.Add(f);
                if (batch.Count < BatchSize) continue;
                var done = running?.GetAwaiter().GetResult();
                var next = batch;
                running = Task.Run(() => Run(next));
                batch = new List<(string File, string Root)>(BatchSize);
                if (done != null) foreach (var r in done) yield return r;
            }
            var last = running?.GetAwaiter().GetResult();
            running = null;
            if (last != null) foreach (var r in last) yield return r;
            foreach (var r in Run(batch)) yield return r;
        }
        finally
        {
            // A caller that stops early (Select-Object -First, Ctrl+C) returns at once: it does not wait for the batch
            // ahead, whose open may block (a FIFO swapped in after the walk, a hung network mount). The batch ends on
            // its own; only a later Scan on these scanners waits for it.
            if (running != null && !running.IsCompleted) _abandoned = running;
        }
    }

    private Task? _abandoned;

    private void WaitForAbandoned()
    {
        var abandoned = _abandoned;
        _abandoned = null;
        try { abandoned?.Wait(); } catch (AggregateException) { }
    }

    private (string, List<ModelReference>, string?, string?)[] Run(List<(string File, string Root)> batch)
    {
        var results = new (string, List<ModelReference>, string?, string?)[batch.Count];
        if (batch.Count == 0) return results;
        var n = _workers.Length;
        // Worker w takes files w, w+n, w+2n...: each scanner is used by one thread only.
        Parallel.For(0, n, w =>
        {
            var scanner = _workers[w];
            for (var i = w; i < batch.Count; i += n)
            {
                var refs = scanner.Scan(batch[i].File, batch[i].Root).ToList();
                results[i] = (batch[i].File, refs, scanner.SkipReason, scanner.NoConfigRefReason);
            }
        });
        return results;
    }
}
