using System.Linq;
using System.Text;

namespace ModelLedger.Module.Tests.Pwsh;

/// <summary>
/// YAML built to exhaust a recursive reader: a stack overflow kills the process and nothing can catch it, so the
/// gate and the dry run run in a child pwsh, which must answer (exit 0, a Fail and a DryRunConfigInvalid error).
/// </summary>
public class DeepYamlTests
{
    [Fact]
    public void DeepNestingAndSelfMergesAreInvalidConfigsInARealPwshThatSurvives()
    {
        using var dir = new TempDir();
        System.IO.Directory.CreateDirectory(dir.File("release"));
        var deep = new StringBuilder("a: ").Append('[', 100_000).Append("gpt-4o-2024-08-06").Append(']', 100_000).Append('\n').ToString();
        Assert.True(deep.Length > 200_000);
        dir.Write("release/deep.yaml", deep);
        dir.Write("release/self.yaml", "svc: &s\n  model: gpt-4o-2024-08-06\n  <<: *s\n");
        var chain = new StringBuilder("m0: &m0 {model: gpt-4o-2024-08-06}\n");
        for (var i = 1; i <= 20_000; i++) chain.Append(System.Globalization.CultureInfo.InvariantCulture, $"m{i}: &m{i} {{<<: *m{i - 1}}}\n");
        dir.Write("release/chain.yaml", chain.ToString());
        var files = new[] { ("deep", "a", "more than 1000 levels"), ("self", "svc.model", "contains itself"), ("chain", "m20000.model", "chains merge keys") };
        var entries = files.Select(f =>
        {
            var e = GateFiles.Entry(f.Item1, "gpt-4o-2024-08-06", "gpt-4o-2024-05-13");
            e["configRefs"] = new[] { $"{f.Item1}.yaml#{f.Item2}" };
            return e;
        }).ToArray();
        var ledger = GateFiles.Ledger(dir, entries);
        var snapshot = GateFiles.Snapshot(dir, new[] { "gpt-4o-2024-08-06", "gpt-4o-2024-05-13" });
        var (code, output, err) = RealPwsh.Run(dir, "param($Ledger, $Snapshot, $Root)", @"
foreach ($f in Test-ModelLedger -Path $Ledger -SnapshotPath $Snapshot -ConfigRoot $Root | Where-Object Check -eq 'DeployedMatchesLedger') {
    ""GATE $($f.Service) $($f.Status) $($f.Message)""
}
foreach ($case in @('deep', 'self', 'chain')) {
    $key = @{ deep = 'a'; self = 'svc.model'; chain = 'm20000.model' }[$case]
    try {
        Invoke-RollbackDryRun $case -LedgerPath $Ledger -ConfigPath (Join-Path $Root ""$case.yaml"") -ConfigKey $key -ProbeScript { 'x' } | Out-Null
        ""DRYRUN $case no error""
    } catch { ""DRYRUN $case $($_.FullyQualifiedErrorId)"" }
}
foreach ($r in Find-ModelReference $Root -SnapshotPath $Snapshot) { ""SCAN $([System.IO.Path]::GetFileName($r.Path)) ref=$($r.ConfigRef)"" }
'answered'", "-Ledger", ledger, "-Snapshot", snapshot, "-Root", dir.File("release"));
        Assert.True(code == 0, $"exit {code}\n{output}\n{err}");
        Assert.Contains("answered", output);
        foreach (var (service, _, problem) in files)
        {
            var gate = output.Split('\n').Single(l => l.StartsWith($"GATE {service} ", System.StringComparison.Ordinal));
            Assert.StartsWith($"GATE {service} Fail", gate);
            Assert.Contains(problem, gate);
            Assert.Contains($"DRYRUN {service} DryRunConfigInvalid", output);
            // The scan finds the ID in the file but suggests no ref into a file the gate refuses.
            Assert.Contains($"SCAN {service}.yaml ref=\n", output.Replace("\r", ""));
        }
    }
}
