using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ModelLedger.Core.Tests.Hostile;
using ModelLedger.References;

namespace ModelLedger.Core.Tests.References;

/// <summary>The overlapped scan: results in the order given, and a caller that stops early is never held by the batch ahead.</summary>
public class ParallelScanTests
{
    private static ParallelScan Scanner() => new(() => new ReferenceScanner(new[] { "gpt-4o" }, null), 2);

    [Fact]
    public void ResultsComeInTheOrderGivenAcrossBatches()
    {
        using var t = new TempFiles();
        var files = Enumerable.Range(0, ParallelScan.BatchSize * 3 + 5).Select(i => (t.Write($"f{i:D4}.txt", i % 3 == 0 ? "model: gpt-4o\n" : "nothing\n"), t.Dir)).ToList();
        var results = Scanner().Scan(files).ToList();
        Assert.Equal(files.Select(f => f.Item1), results.Select(r => r.File));
        Assert.Equal((files.Count + 2) / 3, results.Sum(r => r.References.Count));
    }

    [Fact]
    public async Task StoppingAfterTheFirstResultDoesNotWaitForABlockedFileAhead()
    {
        if (!HostileFiles.Unix) return;
        using var t = new TempFiles();
        // The walk checked every file; then one in the second batch became a FIFO that no one writes (opening it blocks).
        var files = Enumerable.Range(0, ParallelScan.BatchSize * 2).Select(i => (t.Write($"f{i:D4}.txt", "model: gpt-4o\n"), t.Dir)).ToList();
        File.Delete(files[ParallelScan.BatchSize + 1].Item1);
        var fifo = HostileFiles.Fifo(t, Path.GetFileName(files[ParallelScan.BatchSize + 1].Item1));
        var scan = Scanner();

        var first = Task.Run(() => scan.Scan(files).First());
        var finished = await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(30)));
        // Unblock the abandoned batch whatever happened, so no thread stays stuck in open().
        using (var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
        Assert.True(finished == first, "Scan(...).First() was still waiting for the FIFO in the batch ahead");
        Assert.Equal(files[0].Item1, (await first).File);

        // A later scan on the same scanners waits for that batch, then works.
        Assert.Equal(ParallelScan.BatchSize, scan.Scan(files.Take(ParallelScan.BatchSize).ToList()).Count());
    }
}
