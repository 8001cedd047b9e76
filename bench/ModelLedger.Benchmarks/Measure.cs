using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace ModelLedger.Benchmarks;

/// <summary>Median-of-N wall-clock timing for the side-by-side table (BenchmarkDotNet covers the micro level).</summary>
public static class Measure
{
    public static double MedianMs(int runs, Action action, int warmup = 1)
    {
        for (var i = 0; i < warmup; i++) action();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }

    /// <summary>Bytes allocated on this thread by <paramref name="action"/>: an upper bound on the managed memory it can have needed at its peak.</summary>
    public static long AllocatedBytes(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>
    /// Runs the actions in turn, round after round, so all see the same machine load (a side-by-side measurement
    /// against its baseline); the first <paramref name="warmups"/> rounds are not kept. The samples of each action, in ms.
    /// </summary>
    public static List<double>[] Interleaved(int warmups, int rounds, params Action[] actions)
    {
        var samples = actions.Select(_ => new List<double>()).ToArray();
        for (var r = -warmups; r < rounds; r++)
            for (var i = 0; i < actions.Length; i++)
            {
                var sw = Stopwatch.StartNew();
                actions[i]();
                if (r >= 0) samples[i].Add(sw.Elapsed.TotalMilliseconds);
            }
        return samples;
    }

    public static double Median(List<double> samples) => samples.OrderBy(v => v).ElementAt(samples.Count / 2);

    public static string Ms(double ms) => ms >= 100 ? $"{ms:F0} ms" : $"{ms:F1} ms";
}

/// <summary>One row of the README's performance table.</summary>
public sealed record ResultRow(string Measurement, string Size, string Ours, string Baseline, string Ratio, string Target, string Verdict);

public static class ResultTable
{
    public static string ToMarkdown(IEnumerable<ResultRow> rows)
    {
        var lines = new List<string>
        {
            "| measurement | size | ModelLedger | baseline | ratio | target | met |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        };
        lines.AddRange(rows.Select(r => $"| {r.Measurement} | {r.Size} | {r.Ours} | {r.Baseline} | {r.Ratio} | {r.Target} | {r.Verdict} |"));
        return string.Join(Environment.NewLine, lines);
    }
}
