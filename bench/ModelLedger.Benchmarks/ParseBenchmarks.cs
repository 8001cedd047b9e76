using System;
using BenchmarkDotNet.Attributes;
using ModelLedger.Ledger;
using ModelLedger.Snapshots;

namespace ModelLedger.Benchmarks;

/// <summary>Parse throughput and allocations of the file readers (snapshot and ledger) at 1x/10x/100x sizes.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _snapshot = Array.Empty<byte>();
    private byte[] _ledger = Array.Empty<byte>();

    [Params(1_000, 10_000, 100_000)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = new ModelSnapshot { CapturedAt = DateTimeOffset.UtcNow, Source = "http://127.0.0.1/v1/models" };
        for (var i = 0; i < Models; i++)
            snapshot.Models.Add(new CometModel { Id = DataGenerator.ModelId(i), OwnedBy = "openai", Created = DateTimeOffset.FromUnixTimeSeconds(1626777600), Object = "model" });
        _snapshot = SnapshotWriter.ToUtf8(snapshot);
        _ledger = DataGenerator.Ledger(Models / 10, Models);
    }

    [Benchmark]
    public int SnapshotParse() => SnapshotReader.Parse("bench.json", _snapshot).Models.Count;

    [Benchmark]
    public int LedgerParse() => LedgerReader.Parse("bench.json", _ledger).Count;

    public long SnapshotBytes => _snapshot.Length;
}
