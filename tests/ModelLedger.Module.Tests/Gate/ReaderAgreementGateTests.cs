using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Issue 21 item 4/5 and issue 22 item 1 through the cmdlets: Test-ModelLedger -ConfigRoot, Invoke-RollbackDryRun
/// and Find-ModelReference read what the application reads, or say why not (DryRunConfigInvalid, the line at fault).
/// </summary>
public class ReaderAgreementGateTests
{
    private const string Current = "gpt-4o-2024-08-06";
    private const string Rollback = "gpt-4o-2024-05-13";

    // One file per case: what a user ships (modelled on real layouts, noted per case), the ref, and what the gate says.
    public static TheoryData<string, string, string, string?> Readable => new()
    {
        // A rendered Helm manifest ends with '---' (helm/helm, pkg/action/testdata/rbac.txt).
        { "k8s/deploy.yaml", $"kind: ConfigMap\ndata:\n  MODEL: {Current}\n---\n", "k8s/deploy.yaml#data.MODEL", "k8s/deploy.yaml line 3" },
        { "k8s/comment.yaml", $"kind: ConfigMap\ndata:\n  MODEL: {Current}\n--- # end\n", "k8s/comment.yaml#data.MODEL", null },
        { "k8s/indexed.yaml", $"kind: ConfigMap\ndata:\n  MODEL: {Current}\n---\n", "k8s/indexed.yaml@0#data.MODEL", null },
        // Next.js / Vite env files (vercel/next.js examples/with-env: .env.local, .env.production).
        { "web/.env.production", $"NEXT_PUBLIC_MODEL={Current}\n", "web/.env.production#NEXT_PUBLIC_MODEL", "web/.env.production line 1" },
        { "web/.env.local", $"# local\nVITE_MODEL=\"{Current}\"\n", "web/.env.local#VITE_MODEL", null },
        { "web/.env.example", $"MODEL={Current}\n", "web/.env.example#MODEL", null },
        // aider's model settings are a list at the top (Aider-AI/aider, aider/resources/model-settings.yml).
        { "aider/model-settings.yml", $"- name: gpt-4-turbo\n  weak_model_name: {Current}\n- name: o1\n  weak_model_name: o1-mini\n", "aider/model-settings.yml#[name=gpt-4-turbo].weak_model_name", "aider/model-settings.yml line 2" },
        { "aider/list.yaml", $"- model: {Current}\n", "aider/list.yaml#0.model", null },
        { "aider/list.json", $"[{{\"name\": \"a\", \"model\": \"{Current}\"}}]", "aider/list.json#[name=a].model", null },
    };

    public static TheoryData<string, string, string, string, int?> Refused => new()
    {
        { "env/cr.env", $"MODEL={Current}\rMODEL=gpt-other\n", "env/cr.env#MODEL", "carriage return", 1 },
        { "env/bom.env", "\uFEFF" + $"MODEL={Current}\n", "env/bom.env#MODEL", "byte order mark", 1 },
        // LiteLLM configs with shared defaults (BerriAI/litellm, proxy/example_config_yaml): PyYAML takes another merge.
        { "litellm/merges.yaml", $"a: &a {{model: {Current}}}\nb: &b {{model: gpt-other}}\nsvc:\n  <<: *a\n  <<: *b\n", "litellm/merges.yaml#svc.model", "second merge key", 5 },
        { "litellm/tagged.yaml", $"a: &a {{model: {Current}}}\nb: &b {{model: gpt-other}}\nsvc:\n  <<: *a\n  !!merge <<: *b\n", "litellm/tagged.yaml#svc.model", "second merge key", 5 },
        { "litellm/anchors.yaml", $"a: &m {Current}\nb: &m gpt-other\nsvc: *m\n", "litellm/anchors.yaml#svc", "anchor &m twice", 2 },
        { "litellm/balanced.yaml", $"model_list:\n  - &w\n    model_name: writer\n    litellm_params: {{model: {Current}}}\n  - <<: *w\n    litellm_params: {{model: gpt-other}}\n", "litellm/balanced.yaml#model_list[model_name=writer].litellm_params.model", "2 items of 'model_list' have model_name 'writer'", 5 },
        { "litellm/self.yaml", $"svc: &s\n  model: {Current}\n  <<: *s\n", "litellm/self.yaml#svc.model", "contains itself", 3 },
        // A chart template (helm/helm, pkg/chart/v2/util/testdata: templates/deployment.yaml).
        { "charts/router/templates/deployment.yaml", "spec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: MODEL\n              value: {{ .Values.model }}\n", "charts/router/templates/deployment.yaml#spec.template.spec.containers.0.env[name=MODEL].value", "Helm or Go template", 7 },
        { "charts/router/templates/cm.yaml", "{{- if .Values.enabled }}\ndata:\n  MODEL: {{ .Values.model | quote }}\n{{- end }}\n", "charts/router/templates/cm.yaml#data.MODEL", "Helm or Go template", 1 },
    };

    private static string Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static PSObject Deployed(TempDir dir, string root, string configRef, out string ledger)
    {
        var entry = GateFiles.Entry("svc", Current, Rollback);
        entry["configRefs"] = new[] { configRef };
        ledger = GateFiles.Ledger(dir, entry);
        var snapshot = GateFiles.Snapshot(dir, new[] { Current, Rollback });
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger -Path $ledger -SnapshotPath $snapshot -ConfigRoot $root", new() { ["ledger"] = ledger, ["snapshot"] = snapshot, ["root"] = root });
        Assert.Empty(run.AllErrors);
        return run.Output.Single(o => (string)o.Properties["Check"].Value == "DeployedMatchesLedger");
    }

    private static string Prop(PSObject o, string name) => o.Properties[name].Value?.ToString() ?? "";

    [Theory]
    [MemberData(nameof(Readable))]
    public void TheGateReadsWhatTheApplicationReads(string file, string text, string configRef, string? where)
    {
        using var dir = new TempDir();
        var root = dir.File("release");
        Write(root, file, text);
        var finding = Deployed(dir, root, configRef, out _);
        Assert.True(Prop(finding, "Status") == "Pass", Prop(finding, "Message"));
        if (where != null) Assert.Contains(where, Prop(finding, "Message"));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void TheGateFailsAFileReadersDisagreeOnNamingTheLine(string file, string text, string configRef, string problem, int? line)
    {
        using var dir = new TempDir();
        var root = dir.File("release");
        var path = Write(root, file, text);
        var finding = Deployed(dir, root, configRef, out _);
        Assert.Equal("Fail", Prop(finding, "Status"));
        Assert.Contains(problem, Prop(finding, "Message"));
        Assert.Equal($"{path}:{line}", Prop(finding, "Location"));
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public void TheDryRunSwitchesAndRestoresWhatTheGateReads(string file, string text, string configRef, string? where)
    {
        _ = where;
        using var dir = new TempDir();
        var config = Write(dir.File("release"), file, text);
        var before = File.ReadAllBytes(config);
        var entry = GateFiles.Entry("svc", Current, Rollback);
        var ledger = GateFiles.Ledger(dir, entry);
        var hash = configRef.IndexOf('#');
        var path = configRef.Substring(0, hash);
        var document = path.Contains('@') ? " -ConfigDocument " + path.Substring(path.IndexOf('@') + 1) : "";
        using var ps = new PowerShellHarness();
        var run = ps.Run($"$global:saw = $null; Invoke-RollbackDryRun svc -LedgerPath $ledger -ConfigPath $config -ConfigKey $key{document} " +
                         "-ProbeScript { param($ctx) $global:saw = [System.IO.File]::ReadAllText($ctx.ConfigPath); if ($global:saw.Contains($ctx.ExpectedModelId)) { $ctx.ExpectedModelId } else { 'unchanged' } }",
            new() { ["ledger"] = ledger, ["config"] = config, ["key"] = configRef.Substring(hash + 1) });
        Assert.Empty(run.AllErrors);
        var result = DryRunView.Single(run);
        Assert.Equal("Passed", result.Status);
        Assert.Contains(Rollback, (string)ps.GetVariable("saw")!);
        Assert.Equal(before, File.ReadAllBytes(config));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void TheDryRunRefusesAFileReadersDisagreeOnAndChangesNothing(string file, string text, string configRef, string problem, int? line)
    {
        using var dir = new TempDir();
        var config = Write(dir.File("release"), file, text);
        var before = File.ReadAllBytes(config);
        var ledger = GateFiles.Ledger(dir, GateFiles.Entry("svc", Current, Rollback));
        using var ps = new PowerShellHarness();
        var run = ps.Run("Invoke-RollbackDryRun svc -LedgerPath $ledger -ConfigPath $config -ConfigKey $key -ProbeScript { 'x' }",
            new() { ["ledger"] = ledger, ["config"] = config, ["key"] = configRef.Substring(configRef.IndexOf('#') + 1) });
        var error = ErrorAssert.Single(run, "DryRunConfigInvalid", ErrorCategory.InvalidData);
        Assert.Contains(problem, error.Exception.Message);
        Assert.Contains($"line {line}", error.Exception.Message);
        Assert.Equal(before, File.ReadAllBytes(config));
    }

    // A LiteLLM config pasted into a ConfigMap as one 6.7 KB value (BerriAI/litellm, deploy/charts/litellm-helm).
    [Fact]
    public void AValueOfKilobytesIsQuotedShortOnTheConsoleInJUnitAndInMarkdown()
    {
        using var dir = new TempDir();
        var root = dir.File("release");
        var huge = "model_list: " + string.Concat(Enumerable.Repeat("- model_name: gpt-4o litellm_params: model: openai/gpt-4o ", 120));
        Write(root, "k8s/cm.yaml", "data:\n  config.yaml: |\n    " + huge + "\n");
        var entry = GateFiles.Entry("svc", Current, Rollback);
        entry["configRefs"] = new[] { "k8s/cm.yaml#data.\"config.yaml\"" };
        var ledger = GateFiles.Ledger(dir, entry);
        var snapshot = GateFiles.Snapshot(dir, new[] { Current, Rollback });
        var length = huge.Length + 1;
        using var ps = new PowerShellHarness(width: 120);
        foreach (var format in new[] { "JUnit", "Markdown" })
        {
            var report = dir.File(format == "JUnit" ? "gate.xml" : "gate.md");
            var run = ps.Render($"Test-ModelLedger -Path $ledger -SnapshotPath $snapshot -ConfigRoot $root -OutputFormat {format} -OutputPath $report",
                new() { ["ledger"] = ledger, ["snapshot"] = snapshot, ["root"] = root, ["report"] = report });
            Assert.True(!run.AllErrors.Any(), string.Join("\n", run.AllErrors.Select(e => e.ToString())));
            // The console view wraps long cells: compare without whitespace.
            foreach (var shown in new[] { run.HostText, File.ReadAllText(report) }.Select(t => Regex.Replace(t, @"\s+", "")))
            {
                Assert.Contains($"...({length}characters)", shown);
                Assert.DoesNotContain(Regex.Replace(huge.Substring(0, 400), @"\s+", ""), shown);
            }
        }
        var finding = Deployed(dir, root, "k8s/cm.yaml#data.\"config.yaml\"", out _);
        Assert.True(Prop(finding, "ModelId").Length < 160);
        Assert.True(Prop(finding, "Message").Length < 900, Prop(finding, "Message"));
    }

    [Fact]
    public void FindModelReferenceSuggestsRefsIntoTheseFilesThatTheGatePasses()
    {
        using var dir = new TempDir();
        var root = dir.File("repo");
        Write(root, "k8s/deploy.yaml", $"kind: ConfigMap\ndata:\n  MODEL: {Current}\n---\n");
        Write(root, "web/.env.production", $"NEXT_PUBLIC_MODEL={Current}\n");
        Write(root, "aider/model-settings.yml", $"- name: gpt-4-turbo\n  weak_model_name: {Current}\n- name: o1\n  weak_model_name: o1-mini\n");
        var snapshot = GateFiles.Snapshot(dir, new[] { Current, Rollback });
        using var ps = new PowerShellHarness();
        var refs = ps.Run("Find-ModelReference $root -SnapshotPath $snapshot", new() { ["root"] = root, ["snapshot"] = snapshot })
            .Output.Select(o => Prop(o, "ConfigRef")).Where(r => r.Length > 0).OrderBy(r => r, System.StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "aider/model-settings.yml#[name=gpt-4-turbo].weak_model_name", "k8s/deploy.yaml#data.MODEL", "web/.env.production#NEXT_PUBLIC_MODEL" }, refs);
        foreach (var r in refs)
        {
            var finding = Deployed(dir, root, r, out _);
            Assert.True(Prop(finding, "Status") == "Pass", r + ": " + Prop(finding, "Message"));
        }
    }

    [Fact]
    public void ARootSelectorCompletesQuotedAndTheCompletedCommandRuns()
    {
        using var dir = new TempDir();
        var config = Write(dir.Path, "model-settings.yml", $"- name: gpt-4-turbo\n  weak_model_name: {Current}\n");
        var entry = GateFiles.Entry("svc", Current, Rollback);
        entry["configRefs"] = new[] { "aider/model-settings.yml#[name=gpt-4-turbo].weak_model_name" };
        var ledger = GateFiles.Ledger(dir, entry);
        using var ps = new PowerShellHarness();
        var line = $"Invoke-RollbackDryRun -LedgerPath '{ledger}' -Service svc -ConfigPath '{config}' -ConfigKey ";
        var completed = ps.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText", new() { ["line"] = line })
            .Output.Select(o => o.ToString()!).ToList();
        Assert.Equal(new[] { "'[name=gpt-4-turbo].weak_model_name'" }, completed);
        var run = ps.Run(line + completed[0] + " -ProbeScript { param($ctx) $ctx.ExpectedModelId }");
        Assert.Empty(run.AllErrors);
        Assert.Equal("Passed", DryRunView.Single(run).Status);
    }
}
