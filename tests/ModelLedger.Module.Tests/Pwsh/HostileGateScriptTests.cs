using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.GateFiles;

namespace ModelLedger.Module.Tests.Pwsh;

/// <summary>
/// The main job as an Azure DevOps task runs it (real pwsh, TF_BUILD=True, output redirected) on a hostile change:
/// logging commands, escape codes and Markdown in the service name and model IDs, the key in ledger fields and in a
/// config value. The script must block the release, and its log and JUnit file must carry no command of theirs and
/// no form of the key.
/// </summary>
public class HostileGateScriptTests
{
    private const string Injected = "gpt-4o\n##vso[task.setvariable variable=GATE_OK]true";
    private const string HostileService = "svc ##vso[task.complete result=Succeeded]\u001b[2J\u202E **approved**";

    [Fact]
    public void AHostileChangeBlocksTheReleaseAndReachesTheLogOnlyAsTheModulesOwnCommands()
    {
        using var dir = new TempDir();
        var key = CometApiTestKit.NewKey();
        var hostile = Entry(HostileService, Injected, "gpt-4o-2024-05-13");
        hostile["owner"] = key;
        hostile["notes"] = key;
        hostile["configRefs"] = new[] { "app.json#llm.model" };
        var ledger = Ledger(dir, hostile, Entry("svc-b", "gpt-4o-2024-05-13", "gpt-4o-2024-05-13\u001b]8;;https://evil/\u0007x"));
        var snapshot = Snapshot(dir, new[] { Injected, "gpt-4o-2024-05-13", "# heading ##vso[task.complete result=Succeeded]" }, DateTimeOffset.UtcNow);
        var root = Path.Combine(dir.Path, "release");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "app.json"), $"{{ \"llm\": {{ \"model\": \"{key}\" }} }}");
        var junit = dir.File("gate.xml");

        var run = RealPwsh.RunFile("examples/release-gate.ps1", new[] { "-LedgerPath", ledger, "-SnapshotPath", snapshot, "-ConfigRoot", root, "-JUnitPath", junit },
            new Dictionary<string, string> { ["TF_BUILD"] = "True", ["COMETAPI_API_KEY"] = key });

        Assert.True(run.Code == 1, run.ToString());
        var log = run.Out + "\n" + run.Err;
        foreach (var line in log.Replace("\r", "").Split('\n'))
        {
            var at = line.IndexOf("##vso[", StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            Assert.True(line.StartsWith("##vso[task.logissue ", StringComparison.Ordinal), "an injected logging command: " + line);
            Assert.Equal(-1, line.IndexOf("##vso[", 1, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Contains("##vso[task.logissue type=error", log);
        // Ordinal: a culture comparison ignores the ESC and would find the escaped, harmless "\u001B[2J" text.
        Assert.False(log.Contains("\u001b[2J", StringComparison.Ordinal), log);
        Assert.False(log.Contains("\u001b]8;", StringComparison.Ordinal), log);
        Assert.False(log.Contains('\u202E', StringComparison.Ordinal), log);
        Assert.Null(KeyForms.Where(log, key));

        var report = File.ReadAllText(junit);
        Assert.Null(KeyForms.Where(report, key));
        var failures = XDocument.Parse(report).Descendants("failure").Count();
        Assert.True(failures > 0, report);
    }
}
