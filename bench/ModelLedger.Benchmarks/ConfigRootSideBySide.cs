using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLedger.Snapshots;

namespace ModelLedger.Benchmarks;

/// <summary>
/// The gate with -ConfigRoot against the same gate without it, in one warm hosted session on the same files:
/// 1,000 services with 2,000 refs across JSON, YAML and .env (ReleaseTreeGenerator). Target: -ConfigRoot adds at
/// most 100 ms. Correctness first: every ref must be found holding its current ID.
/// </summary>
public static class ConfigRootSideBySide
{
    internal static IEnumerable<ResultRow> Rows(string work, ModelSnapshot snapshotModel)
    {
        const int services = 1_000;
        var (ledger, root, baseline) = ReleaseTreeGenerator.Write(Path.Combine(work, "config-root"), services, snapshotModel.Models.Count);
        var snapshot = DataGenerator.WriteTemp(work, "config-root-snapshot.json", SnapshotWriter.ToUtf8(snapshotModel));
        var manifest = ModuleSession.FindManifest();
        using var session = new ModuleSession(manifest);
        var vars = new Dictionary<string, object> { ["l"] = ledger, ["s"] = snapshot, ["r"] = root, ["b"] = baseline };

        var notPassing = session.InvokeInt("@(Test-ModelLedger -Path $l -SnapshotPath $s -ConfigRoot $r -Check DeployedMatchesLedger | Where-Object Status -ne 'Pass').Count", vars);
        var passing = session.InvokeInt("@(Test-ModelLedger -Path $l -SnapshotPath $s -ConfigRoot $r -Check DeployedMatchesLedger | Where-Object Status -eq 'Pass').Count", vars);
        if (notPassing != 0 || passing != services)
            throw new InvalidOperationException($"-ConfigRoot should find every ref holding its current ID: {passing} passed, {notPassing} did not.");
        var routing = session.InvokeInt("@(Test-ModelLedger -Path $l -SnapshotPath $s -ConfigRoot $r -BaselineConfigRoot $b -Check RollbackOwner | Where-Object Message -like '*Other values that change*').Count", vars);

        const string common = "Test-ModelLedger -Path $l -SnapshotPath $s -MaxSnapshotAge ([timespan]::MaxValue) -Quiet";
        // Interleaved (without, with, with baseline) so all three see the same machine load; median and minimum reported.
        var scripts = new[] { $"if ({common}) {{ 0 }} else {{ 1 }}", $"if ({common} -ConfigRoot $r) {{ 0 }} else {{ 1 }}", $"if ({common} -ConfigRoot $r -BaselineConfigRoot $b) {{ 0 }} else {{ 1 }}" };
        var samples = Measure.Interleaved(2, 21, scripts.Select(script => (Action)(() => session.InvokeInt(script, vars))).ToArray());
        var (withoutMs, withMs, baselineMs) = (Measure.Median(samples[0]), Measure.Median(samples[1]), Measure.Median(samples[2]));
        var (withoutMin, withMin, baselineMin) = (samples[0].Min(), samples[1].Min(), samples[2].Min());

        var size = $"{services:N0} services, {services * 2:N0} refs (650 files: YAML, JSON, .env)";
        yield return new ResultRow("release gate -Quiet with -ConfigRoot (every ref read and matched)", size, Measure.Ms(withMs), $"same gate without -ConfigRoot {Measure.Ms(withoutMs)}",
            $"+{Measure.Ms(withMs - withoutMs)} (fastest runs: +{Measure.Ms(withMin - withoutMin)})", "adds <= 100 ms", withMs - withoutMs <= 100 ? "yes" : "no");
        yield return new ResultRow($"... and -BaselineConfigRoot ({routing} routing changes found)", size, Measure.Ms(baselineMs), $"same gate without -ConfigRoot {Measure.Ms(withoutMs)}",
            $"+{Measure.Ms(baselineMs - withoutMs)} (fastest runs: +{Measure.Ms(baselineMin - withoutMin)})", "-", "-");
    }
}
