using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ModelLedger.Snapshots;

namespace ModelLedger.Benchmarks;

/// <summary>
/// The README's performance table, measured in one run on the same generated files:
/// parse throughput and memory at 1x/10x/100x, and module import cost against a bare runspace.
/// </summary>
public static class SideBySide
{
    public static int Run(string[] args)
    {
        if (args.Length > 1 && args[1] == "--import-probe") return ImportProbe(args[2]);

        var work = Path.Combine(Path.GetTempPath(), "modelledger-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var rows = new List<ResultRow>();
        try
        {
            Console.WriteLine($"ModelLedger side-by-side, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
            // "side-by-side gate|config|shared|capture|parse|import|scan" runs one group (for a quick look); no argument runs all of them.
            bool Want(string group) => args.Length < 2 || args.Skip(1).Contains(group);
            if (Want("gate")) foreach (var scale in new[] { 1, 10, 100 }) rows.AddRange(GateRows(work, 100 * scale, 1_000 * scale));
            if (Want("config")) rows.AddRange(ConfigRootSideBySide.Rows(work, SnapshotReaderFriendly(10_000)));
            if (Want("shared")) rows.AddRange(SharedConfigSideBySide.Rows(work, SharedServices(args)));
            if (Want("capture")) foreach (var models in new[] { 1_000, 10_000, 100_000 }) rows.AddRange(CaptureRows(work, models));
            if (Want("parse")) foreach (var models in new[] { 1_000, 10_000, 100_000 }) rows.AddRange(ParseRows(models));
            if (Want("import")) rows.AddRange(ImportRows());
            if (Want("scan")) rows.AddRange(ScanBenchmark.Rows(work));
            Console.WriteLine();
            Console.WriteLine(ResultTable.ToMarkdown(rows));
        }
        finally
        {
            try { Directory.Delete(work, true); } catch (IOException) { }
        }
        return 0;
    }

    // "side-by-side shared 5000" measures another size; 20,000 services by default.
    private static int SharedServices(string[] args) =>
        args.Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0) is var n && n > 0 ? n : 20_000;

    /// <summary>
    /// The gate through the module in a warm hosted session against bench/naive-gate.ps1 (the same rules with
    /// foreach and -contains) on the same generated files. Both report the failed-check count, which must agree.
    /// </summary>
    private static IEnumerable<ResultRow> GateRows(string work, int services, int models)
    {
        var ledger = DataGenerator.WriteTemp(work, $"ledger-{services}.json", DataGenerator.Ledger(services, models));
        var snapshotModel = SnapshotReaderFriendly(models);
        var snapshot = DataGenerator.WriteTemp(work, $"snapshot-{models}.json", SnapshotWriter.ToUtf8(snapshotModel));
        var manifest = ModuleSession.FindManifest();
        var naiveScript = Path.Combine(Path.GetDirectoryName(manifest)!, "bench", "naive-gate.ps1");
        using var session = new ModuleSession(manifest);

        // Correctness first, outside the timings: both gates must find the same failed checks.
        var moduleFails = Invoke(session, "@(Test-ModelLedger -Path $l -SnapshotPath $s -MaxSnapshotAge ([timespan]::MaxValue) | Where-Object Status -eq 'Fail').Count", ledger, snapshot);
        var naiveFails = 0;
        var naiveMs = Measure.MedianMs(services >= 10_000 ? 1 : 3, () =>
            naiveFails = Invoke(session, $"& '{naiveScript}' -LedgerPath $l -SnapshotPath $s", ledger, snapshot), warmup: services >= 10_000 ? 0 : 1);
        if (moduleFails != naiveFails)
            throw new InvalidOperationException($"The module found {moduleFails} failed checks and the naive gate {naiveFails}: they do not implement the same rules.");

        var runs = services >= 10_000 ? 7 : 11;
        // The gate decision a pipeline step takes: every check evaluated, one [bool] out.
        var decisionMs = Measure.MedianMs(runs, () =>
            Invoke(session, "if (Test-ModelLedger -Path $l -SnapshotPath $s -MaxSnapshotAge ([timespan]::MaxValue) -Quiet) { 0 } else { 1 }", ledger, snapshot), warmup: 2);
        // Every finding object through the PowerShell pipeline (what an interactive table or Where-Object query pays).
        var allMs = Measure.MedianMs(runs, () =>
            Invoke(session, "@(Test-ModelLedger -Path $l -SnapshotPath $s -MaxSnapshotAge ([timespan]::MaxValue)).Count", ledger, snapshot), warmup: 1);

        var size = $"{services:N0} entries x {models:N0} models";
        var big = services >= 10_000;
        yield return new ResultRow($"release gate decision, -Quiet ({moduleFails} failed checks; naive agrees)", size, Measure.Ms(decisionMs), $"naive PowerShell {Measure.Ms(naiveMs)}",
            $"{naiveMs / decisionMs:F0}x faster", big ? ">= 100x and < 250 ms" : "linear growth", big ? (naiveMs / decisionMs >= 100 && decisionMs < 250 ? "yes" : "no") : "-");
        yield return new ResultRow("release gate, every finding to the pipeline", size, Measure.Ms(allMs), $"naive PowerShell {Measure.Ms(naiveMs)}",
            $"{naiveMs / allMs:F0}x faster", big ? ">= 100x" : "linear growth", big ? (naiveMs / allMs >= 100 ? "yes" : "no") : "-");
    }

    /// <summary>
    /// Capturing the model list from a loopback server: Get-CometModel -OutSnapshot (reads, validates, hashes the body
    /// and writes the snapshot atomically) against the seed's curl | jq -r '.data[]?.id' | sort -u > file.
    /// </summary>
    private static IEnumerable<ResultRow> CaptureRows(string work, int models)
    {
        var body = DataGenerator.ModelListResponse(models);
        using var server = new LoopbackModelServer(body);
        var manifest = ModuleSession.FindManifest();
        const string key = "bench-key-not-a-secret";
        Environment.SetEnvironmentVariable("COMETAPI_API_KEY", key);
        using var session = new ModuleSession(manifest);
        var snapshot = Path.Combine(work, $"captured-{models}.json");
        var idsFile = Path.Combine(work, $"ids-{models}.txt");
        var runs = models >= 100_000 ? 7 : 11;

        // Timed as a capture step runs it ($null = ...: the objects are not needed); the count is checked from the file after.
        var moduleMs = Measure.MedianMs(runs, () =>
            Invoke(session, $"$null = Get-CometModel -BaseUri '{server.BaseUri}' -NoCache -MaximumRetryCount 0 -OutSnapshot $l -CredentialLabel bench; 0", snapshot, snapshot), warmup: 2);
        var captured = Invoke(session, "@(Get-CometModel -SnapshotPath $l).Count", snapshot, snapshot);
        var shell = $"curl -s -H 'Authorization: Bearer {key}' -H 'Accept: application/json' '{server.BaseUri}/v1/models' | jq -r '.data[]?.id' | sort -u > '{idsFile}'";
        var curlMs = Measure.MedianMs(runs, () => RunShell(shell), warmup: 1);
        var curlIds = File.ReadAllLines(idsFile).Length;
        if (captured != models || curlIds != models)
            throw new InvalidOperationException($"capture disagrees: module {captured}, curl|jq {curlIds}, generated {models}");

        var big = models >= 100_000;
        yield return new ResultRow("capture: Get-CometModel -OutSnapshot (hash + atomic write)", $"{models:N0} models ({body.Length / 1_000_000.0:F1} MB)", Measure.Ms(moduleMs),
            $"curl \\| jq \\| sort -u {Measure.Ms(curlMs)}", $"{moduleMs / curlMs:F2}x its time", big ? "<= 0.5x" : "linear growth",
            big ? (moduleMs <= curlMs / 2 ? "yes" : "no") : "-");
    }

    private static void RunShell(string command)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var p = Process.Start(start)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"'{command}' exited {p.ExitCode}");
    }

    private static ModelSnapshot SnapshotReaderFriendly(int models)
    {
        var body = DataGenerator.ModelListResponse(models);
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        var snapshot = new ModelSnapshot { CapturedAt = DateTimeOffset.UtcNow, Source = "http://127.0.0.1/v1/models", CredentialLabel = "bench" };
        foreach (var m in doc.RootElement.GetProperty("data").EnumerateArray())
            snapshot.Models.Add(new CometModel { Id = m.GetProperty("id").GetString()!, OwnedBy = m.GetProperty("owned_by").GetString(), Object = "model", Created = DateTimeOffset.FromUnixTimeSeconds(1626777600) });
        return snapshot;
    }

    private static int Invoke(ModuleSession session, string script, string ledger, string snapshot)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = session.Runspace;
        session.Runspace.SessionStateProxy.SetVariable("l", ledger);
        session.Runspace.SessionStateProxy.SetVariable("s", snapshot);
        var result = ps.AddScript(script).Invoke();
        if (ps.HadErrors) throw new InvalidOperationException(string.Join("; ", ps.Streams.Error));
        return Convert.ToInt32(result.Last().BaseObject, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<ResultRow> ParseRows(int models)
    {
        var snapshot = new ModelSnapshot { CapturedAt = DateTimeOffset.UtcNow, Source = "http://127.0.0.1/v1/models" };
        for (var i = 0; i < models; i++)
            snapshot.Models.Add(new CometModel { Id = DataGenerator.ModelId(i), OwnedBy = "openai", Created = DateTimeOffset.FromUnixTimeSeconds(1626777600), Object = "model" });
        var bytes = SnapshotWriter.ToUtf8(snapshot);
        var runs = models >= 100_000 ? 9 : 31;
        var ms = Measure.MedianMs(runs, () => SnapshotReader.Parse("bench.json", bytes), warmup: 3);
        var mbPerSec = bytes.Length / 1_000_000.0 / (ms / 1000.0);
        var allocated = Measure.AllocatedBytes(() => SnapshotReader.Parse("bench.json", bytes));
        var size = $"{models:N0} models ({bytes.Length / 1_000_000.0:F1} MB)";
        yield return new ResultRow("snapshot parse throughput", size, $"{mbPerSec:F0} MB/s ({Measure.Ms(ms)})", "-", "-", ">= 300 MB/s", mbPerSec >= 300 ? "yes" : "no");
        yield return new ResultRow("snapshot parse memory (allocated, bounds peak)", size, $"{allocated / 1_000_000.0:F1} MB", $"body {bytes.Length / 1_000_000.0:F1} MB",
            $"{(double)allocated / bytes.Length:F2}x", "<= 3x body", allocated <= 3L * bytes.Length ? "yes" : "no");
    }

    private static IEnumerable<ResultRow> ImportRows()
    {
        // Cold cost, as a scheduled task pays it: each sample is a fresh process that times itself from inside.
        var bare = Enumerable.Range(0, 7).Select(_ => RunProbe("bare")).OrderBy(x => x).ToList()[3];
        var module = Enumerable.Range(0, 7).Select(_ => RunProbe("module")).OrderBy(x => x).ToList()[3];
        var extra = module - bare;
        yield return new ResultRow("module import + first Get-ModelLedger (cold process)", "example ledger", Measure.Ms(module), $"bare runspace {Measure.Ms(bare)}",
            $"+{Measure.Ms(extra)}", "<= 150 ms extra", extra <= 150 ? "yes" : "no");
    }

    private static double RunProbe(string mode)
    {
        var self = typeof(SideBySide).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(self);
        start.ArgumentList.Add("side-by-side");
        start.ArgumentList.Add("--import-probe");
        start.ArgumentList.Add(mode);
        using var p = Process.Start(start)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return double.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>In a fresh process: open a runspace (and, for "module", import ModelLedger and read the example ledger); print the milliseconds.</summary>
    private static int ImportProbe(string mode)
    {
        var sw = Stopwatch.StartNew();
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        if (mode == "module")
        {
            var manifest = ModuleSession.FindManifest();
            ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddStatement()
              .AddCommand("Get-ModelLedger").AddParameter("Path", Path.Combine(Path.GetDirectoryName(manifest)!, "examples", "data", "ledger.json"));
        }
        else
        {
            ps.AddScript("$null");
        }
        ps.Invoke();
        if (ps.HadErrors) throw new InvalidOperationException(string.Join("; ", ps.Streams.Error));
        Console.WriteLine(sw.Elapsed.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }
}
