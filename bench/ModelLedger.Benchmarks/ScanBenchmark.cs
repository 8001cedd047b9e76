using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Threading;
using ModelLedger.References;
using ModelLedger.Snapshots;

namespace ModelLedger.Benchmarks;

/// <summary>
/// Find-ModelReference over a generated repository tree (20,000 text files, about 200 MB) against a 1,000-ID
/// snapshot, side by side with grep -rnowF -f ids.txt on the same tree (warm cache, the same hits counted), and
/// with the naive PowerShell way (Select-String -SimpleMatch -Pattern $ids) on a sample, for scale. The generated
/// IDs are placed between spaces, quotes and commas, where grep's word rule and the module's token rule agree,
/// so the two hit counts must be equal. Beside it, in the same run, a config-dense tree (5,000 LiteLLM YAML
/// configs, every ID a value) where each hit is also given its config ref.
/// </summary>
public static class ScanBenchmark
{
    public const int Files = 20_000;
    public const int Ids = 1_000;
    private const int LinesPerFile = 150;
    private const int SampleFiles = 500;
    public const int ConfigFiles = 5_000;
    private const int ModelsPerConfig = 8;

    private static readonly string[] Words =
    {
        "request", "timeout", "retry", "service", "config", "router", "summary", "tokens", "latency", "owner", "release",
        "rollback", "window", "gateway", "response", "handler", "payload", "metrics", "budget", "deploy", "staging",
    };

    // The repository's manifest, found upwards from the benchmark's build folder.
    private static string Manifest
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ModelLedger.psd1"))) return Path.Combine(dir.FullName, "ModelLedger.psd1");
            throw new InvalidOperationException("ModelLedger.psd1 not found above " + AppContext.BaseDirectory);
        }
    }

    public static IEnumerable<ResultRow> Rows(string work)
    {
        var tree = Path.Combine(work, "tree");
        var ids = Enumerable.Range(0, Ids).Select(DataGenerator.ModelId).ToArray();
        var bytes = Generate(tree, ids);
        var idsFile = Path.Combine(work, "ids.txt");
        File.WriteAllLines(idsFile, ids);
        var snapshot = Path.Combine(work, "scan-snapshot.json");
        var model = new ModelSnapshot { CapturedAt = DateTimeOffset.UtcNow, Source = "http://127.0.0.1/v1/models", CredentialLabel = "bench" };
        foreach (var id in ids) model.Models.Add(new CometModel { Id = id, OwnedBy = "openai", Object = "model", Created = DateTimeOffset.FromUnixTimeSeconds(1626777600) });
        File.WriteAllBytes(snapshot, SnapshotWriter.ToUtf8(model));
        var size = $"{Files:N0} files ({bytes / 1_000_000.0:F0} MB) x {Ids:N0} IDs";

        // A config-dense tree beside it: every file a LiteLLM config whose IDs are values, so every hit is parsed
        // by Config/ and gets a ref read back through the gate's resolver.
        var configTree = Path.Combine(work, "config-tree");
        var configBytes = GenerateConfigs(configTree, ids);
        var configSize = $"{ConfigFiles:N0} YAML files ({configBytes / 1_000_000.0:F1} MB) x {Ids:N0} IDs";

        // The cmdlet runs in a warm hosted session, counting the objects it writes; the core scanner alone has no
        // PowerShell objects. All six are timed in turns (grep, cmdlet, core on each tree; five rounds after a
        // warm-up round that also fills the page cache), so a load change on a shared machine hits all of them alike.
        string Grep(string dir) => $"LC_ALL=C grep -rnowF -f '{idsFile}' '{dir}' | wc -l";
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        Invoke(runspace, $"Import-Module '{Manifest}'");
        long grepHits = 0, cmdletHits = 0, coreHits = 0, configGrepHits = 0, configCmdletHits = 0, configCoreHits = 0;
        var medians = Interleaved(5,
            () => grepHits = long.Parse(Shell(Grep(tree)).Trim(), System.Globalization.CultureInfo.InvariantCulture),
            () => cmdletHits = Invoke(runspace, $"@(Find-ModelReference -Path '{tree}' -SnapshotPath '{snapshot}').Count"),
            () => coreHits = CoreScan(tree, ids, int.MaxValue),
            () => configGrepHits = long.Parse(Shell(Grep(configTree)).Trim(), System.Globalization.CultureInfo.InvariantCulture),
            () => configCmdletHits = Invoke(runspace, $"@(Find-ModelReference -Path '{configTree}' -SnapshotPath '{snapshot}').Count"),
            () => configCoreHits = CoreScan(configTree, ids, int.MaxValue));
        var (grepMs, cmdletMs, coreMs) = (medians[0], medians[1], medians[2]);
        var (configGrepMs, configCmdletMs, configCoreMs) = (medians[3], medians[4], medians[5]);
        if (cmdletHits != grepHits || coreHits != grepHits)
            throw new InvalidOperationException($"Find-ModelReference counted {cmdletHits} hits, the core {coreHits} and grep {grepHits}: the token rules disagree on the generated tree.");
        if (configCmdletHits != configGrepHits || configCoreHits != configGrepHits)
            throw new InvalidOperationException($"On the config tree Find-ModelReference counted {configCmdletHits} hits, the core {configCoreHits} and grep {configGrepHits}.");
        // Every hit in the config tree is a model value: each must come with a ref, or the timing measured less work.
        var withRefs = Invoke(runspace, $"@(Find-ModelReference -Path '{configTree}' -SnapshotPath '{snapshot}' | Where-Object ConfigRef).Count");
        if (withRefs != configGrepHits)
            throw new InvalidOperationException($"Only {withRefs} of {configGrepHits} hits in the config tree got a ConfigRef.");

        var quarterPeak = PeakManagedBytes(() => CoreScan(tree, ids, Files / 4));
        var fullPeak = PeakManagedBytes(() => CoreScan(tree, ids, int.MaxValue));

        // The naive way on a sample, in real pwsh (the hosted engine has no Select-String), timed inside pwsh.
        var naiveScript = Path.Combine(work, "naive-scan.ps1");
        File.WriteAllText(naiveScript, "param($Tree, $IdsFile)\n$ids = Get-Content $IdsFile\n$files = @(Get-ChildItem -Path $Tree -Recurse -File | Select-Object -First " + SampleFiles + ")\n" +
            "$ms = (Measure-Command { $script:found = @(Select-String -Path $files.FullName -SimpleMatch -Pattern $ids) }).TotalMilliseconds\n" +
            "'{0} {1} {2}' -f $ms.ToString([cultureinfo]::InvariantCulture), $script:found.Count, $files.Count\n");
        var naive = Shell($"cd '{Path.GetDirectoryName(Manifest)}' && dotnet pwsh -NoProfile -NonInteractive -File '{naiveScript}' -Tree '{tree}' -IdsFile '{idsFile}'").Trim().Split(' ');
        var naiveMs = double.Parse(naive[0], System.Globalization.CultureInfo.InvariantCulture);
        var naiveFiles = int.Parse(naive[2], System.Globalization.CultureInfo.InvariantCulture);
        var naiveFullMs = naiveMs * Files / naiveFiles;

        var ratio = cmdletMs / grepMs;
        yield return new ResultRow($"Find-ModelReference, code-heavy tree ({cmdletHits:N0} hits; grep agrees)", size, Measure.Ms(cmdletMs), $"grep -rnowF -f ids.txt {Measure.Ms(grepMs)}",
            $"{ratio:F2}x grep's time", "<= 1x grep", ratio <= 1 ? "yes" : "no");
        yield return new ResultRow("reference scanner alone (core, no pipeline objects), code-heavy tree", size, Measure.Ms(coreMs), $"grep {Measure.Ms(grepMs)}", $"{coreMs / grepMs:F2}x grep's time", "-", "-");
        var configRatio = configCmdletMs / configGrepMs;
        yield return new ResultRow($"Find-ModelReference, config-dense tree ({configCmdletHits:N0} hits, each with a ConfigRef read back; grep agrees)", configSize, Measure.Ms(configCmdletMs),
            $"grep -rnowF -f ids.txt {Measure.Ms(configGrepMs)}", $"{configRatio:F2}x grep's time", "<= 10x grep", configRatio <= 10 ? "yes" : "no");
        yield return new ResultRow("reference scanner alone (core, no pipeline objects), config-dense tree", configSize, Measure.Ms(configCoreMs), $"grep {Measure.Ms(configGrepMs)}", $"{configCoreMs / configGrepMs:F2}x grep's time", "-", "-");
        yield return new ResultRow($"naive Select-String -SimpleMatch -Pattern $ids (sample of {naiveFiles} files, {naive[1]} matching lines, substring rule)", $"{naiveFiles} files", Measure.Ms(naiveMs),
            $"extrapolated to {Files:N0} files: {naiveFullMs / 1000:F0} s", $"{naiveFullMs / cmdletMs:F0}x slower than the cmdlet", "for scale", "-");
        yield return new ResultRow("scan memory: peak managed heap", $"{Files / 4:N0} vs {Files:N0} files", $"{quarterPeak / 1_000_000.0:F1} MB vs {fullPeak / 1_000_000.0:F1} MB", "-",
            $"{(double)fullPeak / Math.Max(1, quarterPeak):F2}x for 4x the tree", "flat", fullPeak <= quarterPeak * 1.5 + 4_000_000 ? "yes" : "no");
    }

    private static double[] Interleaved(int rounds, params Action[] actions) =>
        Measure.Interleaved(1, rounds, actions).Select(Measure.Median).ToArray();

    /// <summary>Writes the tree (100 folders of 200 files, ~10 KB each, about 3 IDs per file); returns its size in bytes.</summary>
    private static long Generate(string tree, string[] ids)
    {
        var random = new Random(7);
        long total = 0;
        var sb = new StringBuilder(16 * 1024);
        for (var f = 0; f < Files; f++)
        {
            var dir = Path.Combine(tree, $"d{f / 200:D3}");
            if (f % 200 == 0) Directory.CreateDirectory(dir);
            sb.Clear();
            for (var l = 0; l < LinesPerFile; l++)
            {
                var words = 6 + random.Next(6);
                for (var w = 0; w < words; w++)
                {
                    if (w > 0) sb.Append(' ');
                    sb.Append(Words[random.Next(Words.Length)]);
                }
                if (random.Next(50) == 0)
                {
                    var id = ids[random.Next(ids.Length)];
                    switch (random.Next(3))
                    {
                        case 0: sb.Append(" model \"").Append(id).Append('"'); break;
                        case 1: sb.Append(" model: ").Append(id); break;
                        default: sb.Append(", ").Append(id).Append(", next"); break;
                    }
                }
                sb.Append('\n');
            }
            var bytes = Encoding.UTF8.GetBytes(sb.ToString());
            File.WriteAllBytes(Path.Combine(dir, $"f{f:D5}.txt"), bytes);
            total += bytes.Length;
        }
        return total;
    }

    /// <summary>
    /// Writes the config-dense tree: LiteLLM proxy configs (shaped like BerriAI/litellm's proxy config.yaml), each
    /// with <see cref="ModelsPerConfig"/> model_list items whose model is an ID behind a provider prefix, quoted or
    /// plain, with shared params behind an anchor; returns its size in bytes.
    /// </summary>
    private static long GenerateConfigs(string tree, string[] ids)
    {
        var random = new Random(11);
        long total = 0;
        var sb = new StringBuilder(4 * 1024);
        for (var f = 0; f < ConfigFiles; f++)
        {
            var dir = Path.Combine(tree, $"svc{f / 100:D3}", $"app{f:D5}");
            Directory.CreateDirectory(dir);
            sb.Clear();
            sb.Append("# LiteLLM proxy for app").Append(f).Append('\n');
            sb.Append("x-params: &params\n  api_base: https://api.example.invalid/v1\n  api_key: os.environ/API_KEY\n  timeout: 30\n");
            sb.Append("model_list:\n");
            for (var m = 0; m < ModelsPerConfig; m++)
            {
                var id = ids[random.Next(ids.Length)];
                sb.Append("  - model_name: route-").Append(m).Append('\n');
                sb.Append("    litellm_params:\n      <<: *params\n");
                sb.Append(random.Next(2) == 0 ? "      model: openai/" + id + "\n" : "      model: \"openai/" + id + "\"\n");
                sb.Append("      rpm: ").Append(60 + m).Append('\n');
                sb.Append("    model_info:\n      description: ").Append(Words[random.Next(Words.Length)]).Append(' ').Append(Words[random.Next(Words.Length)]).Append('\n');
            }
            sb.Append("router_settings:\n  routing_strategy: simple-shuffle\n  num_retries: 2\nlitellm_settings:\n  drop_params: true\n  request_timeout: 600\n");
            var bytes = Encoding.UTF8.GetBytes(sb.ToString());
            File.WriteAllBytes(Path.Combine(dir, "config.yaml"), bytes);
            total += bytes.Length;
        }
        return total;
    }

    private static long CoreScan(string tree, string[] ids, int maxFiles)
    {
        var scan = new ParallelScan(() => new ReferenceScanner(ids, null), Environment.ProcessorCount);
        long hits = 0;
        foreach (var (_, references, _, _) in scan.Scan(RepositoryFiles.Under(tree).Take(maxFiles).Select(f => (f, tree)))) hits += references.Count;
        return hits;
    }

    // Samples the managed heap every 10 ms while the action runs.
    private static long PeakManagedBytes(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long peak = 0;
        var done = false;
        var sampler = new Thread(() => { while (!Volatile.Read(ref done)) { peak = Math.Max(peak, GC.GetTotalMemory(false)); Thread.Sleep(10); } });
        sampler.Start();
        action();
        Volatile.Write(ref done, true);
        sampler.Join();
        return peak;
    }

    private static long Invoke(Runspace runspace, string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        var result = ps.AddScript(script).Invoke();
        if (ps.HadErrors) throw new InvalidOperationException(string.Join("; ", ps.Streams.Error));
        return result.Count == 0 ? 0 : Convert.ToInt64(result.Last().BaseObject, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Shell(string command)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"'{command}' exited {p.ExitCode}");
        return output;
    }
}
