using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using ModelLedger.Client;
using ModelLedger.Gate;
using ModelLedger.Ledger;
using ModelLedger.Snapshots;

namespace ModelLedger.Benchmarks;

/// <summary>The core of the release gate and of a capture, without PowerShell: gate evaluation and the model-list parse at 1x/10x/100x.</summary>
[MemoryDiagnoser]
public class GateBenchmarks
{
    private IReadOnlyList<LedgerEntry> _entries = Array.Empty<LedgerEntry>();
    private ModelSnapshot _snapshot = new();
    private byte[] _modelList = Array.Empty<byte>();

    [Params(1_000, 10_000, 100_000)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _modelList = DataGenerator.ModelListResponse(Models);
        var parsed = ModelListParser.Parse(_modelList, "http://127.0.0.1/v1/models");
        _snapshot = new ModelSnapshot { CapturedAt = DateTimeOffset.UtcNow, Source = "http://127.0.0.1/v1/models" };
        _snapshot.Models.AddRange(parsed.Models);
        _entries = LedgerReader.Parse("bench.json", DataGenerator.Ledger(Models / 10, Models));
    }

    /// <summary>Every check for every entry (Models / 10 entries), counting failures as -Quiet does.</summary>
    [Benchmark]
    public int GateEvaluate()
    {
        var gate = new GateEvaluator(_snapshot, new GateOptions { MaxSnapshotAge = TimeSpan.MaxValue });
        var failed = 0;
        foreach (var f in gate.SnapshotFindings()) if (f.Status == FindingStatus.Fail) failed++;
        foreach (var e in _entries)
            foreach (var f in gate.Evaluate(e)) if (f.Status == FindingStatus.Fail) failed++;
        return failed;
    }

    /// <summary>The GET /v1/models body in CometAPI's shape, as Get-CometModel reads it.</summary>
    [Benchmark]
    public int ModelListParse() => ModelListParser.Parse(_modelList, "http://127.0.0.1/v1/models").Models.Count;
}
