using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ModelLedger.Benchmarks;

/// <summary>
/// Issue 22 item 7: the gate with -ConfigRoot is linear in services whether they share one LiteLLM config.yaml or
/// each have their own. Four gates interleaved in one warm hosted session on the same ledger size: services sharing
/// one file vs one file each, without and with -BaselineConfigRoot (every 10th service changes its model beside a
/// routing change). Target: shared costs at most 2x own files. Correctness first: every ref must be found holding
/// its current ID, and both layouts must see the same routing changes.
/// </summary>
public static class SharedConfigSideBySide
{
    private const string Current = "gpt-5.1-2025-11-13";
    private const string Rollback = "gpt-4.1-2025-04-14";

    public static IEnumerable<ResultRow> Rows(string work, int services)
    {
        var dir = Path.Combine(work, "shared-config");
        var names = Enumerable.Range(0, services).Select(i => $"svc-{i:D5}").ToList();
        var sharedLedger = WriteLedger(dir, "shared-ledger.json", names, s => $"deploy/litellm/config.yaml#model_list[model_name={s}].litellm_params.model#openai/{{id}}");
        var ownLedger = WriteLedger(dir, "own-ledger.json", names, s => $"deploy/{s}/config.yaml#model_list[model_name={s}].litellm_params.model#openai/{{id}}");
        foreach (var (tree, baseline) in new[] { ("shared", false), ("shared-baseline", true) })
            Write(Path.Combine(dir, tree, "deploy", "litellm", "config.yaml"), LiteLlm(names.Select((s, i) => (s, i)), baseline));
        foreach (var (tree, baseline) in new[] { ("own", false), ("own-baseline", true) })
            for (var i = 0; i < names.Count; i++)
                Write(Path.Combine(dir, tree, "deploy", names[i], "config.yaml"), LiteLlm(new[] { (names[i], i) }, baseline));
        var models = new[] { new CometModel { Id = Current, OwnedBy = "openai" }, new CometModel { Id = Rollback, OwnedBy = "openai" } };
        var snapshot = DataGenerator.WriteTemp(work, "shared-config-snapshot.json", Snapshots.SnapshotWriter.ToUtf8(Snapshots.ModelSnapshot.FromModels(models, DateTimeOffset.UtcNow)));

        using var session = new ModuleSession(ModuleSession.FindManifest());
        var vars = new Dictionary<string, object>
        {
            ["sl"] = sharedLedger, ["ol"] = ownLedger, ["s"] = snapshot,
            ["sr"] = Path.Combine(dir, "shared"), ["sb"] = Path.Combine(dir, "shared-baseline"), ["or"] = Path.Combine(dir, "own"), ["ob"] = Path.Combine(dir, "own-baseline"),
        };
        foreach (var (ledger, root) in new[] { ("$sl", "$sr"), ("$ol", "$or") })
        {
            var passing = session.InvokeInt($"@(Test-ModelLedger -Path {ledger} -SnapshotPath $s -ConfigRoot {root} -Check DeployedMatchesLedger | Where-Object Status -eq 'Pass').Count", vars);
            if (passing != services) throw new InvalidOperationException($"{root}: {passing} of {services} refs were found holding their current ID.");
        }
        var sharedRouting = session.InvokeInt("@(Test-ModelLedger -Path $sl -SnapshotPath $s -ConfigRoot $sr -BaselineConfigRoot $sb -Check RollbackOwner | Where-Object Message -like '*Other values that change*').Count", vars);
        var ownRouting = session.InvokeInt("@(Test-ModelLedger -Path $ol -SnapshotPath $s -ConfigRoot $or -BaselineConfigRoot $ob -Check RollbackOwner | Where-Object Message -like '*Other values that change*').Count", vars);
        if (sharedRouting != services / 10 || ownRouting != services / 10)
            throw new InvalidOperationException($"Routing changes: shared {sharedRouting}, own files {ownRouting}, expected {services / 10} each.");

        const string common = "-SnapshotPath $s -MaxSnapshotAge ([timespan]::MaxValue) -Quiet";
        var scripts = new[]
        {
            $"if (Test-ModelLedger -Path $sl {common} -ConfigRoot $sr) {{ 0 }} else {{ 1 }}",
            $"if (Test-ModelLedger -Path $ol {common} -ConfigRoot $or) {{ 0 }} else {{ 1 }}",
            $"if (Test-ModelLedger -Path $sl {common} -ConfigRoot $sr -BaselineConfigRoot $sb) {{ 0 }} else {{ 1 }}",
            $"if (Test-ModelLedger -Path $ol {common} -ConfigRoot $or -BaselineConfigRoot $ob) {{ 0 }} else {{ 1 }}",
        };
        // Interleaved so all four see the same machine load; one warm-up round, then medians.
        var ms = Measure.Interleaved(1, 5, scripts.Select(script => (Action)(() => session.InvokeInt(script, vars))).ToArray()).Select(Measure.Median).ToArray();
        var size = $"{services:N0} services, 1 shared config.yaml vs {services:N0} files";
        yield return new ResultRow("release gate -Quiet -ConfigRoot, services sharing one LiteLLM config.yaml", size, Measure.Ms(ms[0]), $"one file per service {Measure.Ms(ms[1])}",
            $"{ms[0] / ms[1]:F2}x", "<= 2x", ms[0] <= 2 * ms[1] ? "yes" : "no");
        yield return new ResultRow($"... and -BaselineConfigRoot ({sharedRouting} routing changes found in each layout)", size, Measure.Ms(ms[2]), $"one file per service {Measure.Ms(ms[3])}",
            $"{ms[2] / ms[3]:F2}x", "<= 2x", ms[2] <= 2 * ms[3] ? "yes" : "no");
    }

    // A LiteLLM proxy config: the model_list items for these services (modelled on LiteLLM's proxy config docs).
    private static string LiteLlm(IEnumerable<(string Service, int Index)> items, bool baseline)
    {
        var yaml = new StringBuilder("# LiteLLM proxy, generated\nmodel_list:\n");
        foreach (var (service, i) in items)
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - model_name: {service}\n    litellm_params:\n      model: openai/{(baseline && i % 10 == 0 ? Rollback : Current)}\n      api_base: https://api.cometapi.com/v1\n      api_key: os.environ/COMETAPI_API_KEY\n");
        var changed = baseline && items.Any(x => x.Index % 10 == 0);
        return yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"router_settings:\n  routing_strategy: {(changed ? "least-busy" : "simple-shuffle")}\n").ToString();
    }

    private static string WriteLedger(string dir, string name, IEnumerable<string> services, Func<string, string> configRef)
    {
        var json = new StringBuilder("{ \"schemaVersion\": 1, \"entries\": [\n");
        json.Append(string.Join(",\n", services.Select(s =>
            $"  {{ \"service\": \"{s}\", \"useCase\": \"bench\", \"currentModelId\": \"{Current}\", \"rollbackModelId\": \"{Rollback}\", \"emergencyAlternative\": null, " +
            $"\"owner\": \"platform-ai\", \"rollbackOwner\": \"sre\", \"lastValidated\": \"2026-11-24T09:00:00Z\", \"validationMethod\": \"bench\", \"changeRef\": \"CHG-1\", \"configRefs\": [\"{configRef(s)}\"] }}")));
        json.Append("\n] }\n");
        var path = Path.Combine(dir, name);
        Write(path, json.ToString());
        return path;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
