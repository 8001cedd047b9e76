using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Module.Tests;

/// <summary>Find-ModelReference over the example repository tree (real-shaped configs, code, prose and skipped folders).</summary>
public class FindModelReferenceTests
{
    [Fact]
    public void TheExampleRepositoryYieldsEveryReferenceWithRolesNearMissesAndConfigRefs()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Find-ModelReference $RepoRoot/examples/data/repo -SnapshotPath $RepoRoot/examples/data/models-snapshot.json -LedgerPath $RepoRoot/examples/data/ledger.json");
        Assert.Empty(run.AllErrors);
        var refs = run.Output.Select(o => (
            File: ((string)o.Properties["Path"].Value!).Replace('\\', '/').Split("/examples/data/repo/")[1],
            Id: (string)o.Properties["ModelId"].Value!,
            Role: (string?)o.Properties["LedgerRole"].Value,
            Near: (string?)o.Properties["NearMissOf"].Value,
            Ref: (string?)o.Properties["ConfigRef"].Value)).ToList();
        Assert.Contains(("deploy/support-router/appsettings.json", "gpt-5.4-mini-2026-03-17", "support-router current", null, "deploy/support-router/appsettings.json#Llm.Model"), refs);
        Assert.Contains(("deploy/support-router/appsettings.json", "gpt-4o-2024-08-06", "support-router rollback", null, "deploy/support-router/appsettings.json#Llm.Fallback"), refs);
        Assert.Contains(("deploy/report-writer/config.yaml", "gpt-5.1-2025-11-13", "report-writer current", null, "deploy/report-writer/config.yaml#llm.model"), refs);
        Assert.Contains(("deploy/search-summarizer/.env", "gemini-2.5-flash", "search-summarizer current", null, "deploy/search-summarizer/.env#SUMMARY_MODEL"), refs);
        Assert.Contains(("deploy/search-summarizer/.env", "gpt-4o-mini-2024-07-18", "search-summarizer emergency", null, "deploy/search-summarizer/.env#SUMMARY_FALLBACK"), refs);
        Assert.Contains(("deploy/litellm/config.yaml", "gpt-5.4-mini-2026-03-17", "support-router current", null, "deploy/litellm/config.yaml#model_list[model_name=support-router].litellm_params.model#openai/{id}"), refs);
        Assert.Contains(("src/router/client.py", "gpt-4o", null, "gpt-4o-2024-08-06", null), refs);
        Assert.Contains(("README.md", "GPT-5.4-mini-2026-03-17", null, "gpt-5.4-mini-2026-03-17", null), refs);
        // gpt-4o-mini in the comment is its own ID (listed in the snapshot), never a hit for gpt-4o.
        Assert.Equal(new[] { "gpt-4o", "gpt-4o-mini", "gpt-4o" }, refs.Where(r => r.File == "src/router/client.py").Select(r => r.Id));
        Assert.DoesNotContain(refs, r => r.File.StartsWith("node_modules/", System.StringComparison.Ordinal) || r.File.StartsWith("bin/", System.StringComparison.Ordinal));
        // A ledger ID the snapshot no longer lists is still found; in a YAML comment it is no config value.
        Assert.Contains(("deploy/report-writer/config.yaml", "gpt-4.1-2025-04-14", "report-writer rollback", null, null), refs);
    }

    [Fact]
    public void IdsNoTokenCanEqualAreWarnedAboutOnceAndUtf16FilesAreScanned()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "gpt-4o and a*b and x@y\n");
        dir.Write("b.txt", "a*b again\n");
        // Windows PowerShell 5.1's '>' writes UTF-16 LE with a BOM.
        System.IO.File.WriteAllBytes(dir.File("ps51.txt"), System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("line one\r\nuse gpt-4o\r\n")).ToArray());
        using var ps = new PowerShellHarness();
        var run = ps.Run("Find-ModelReference $p -Model ([ModelLedger.CometModel]@{ Id = 'gpt-4o' }), ([ModelLedger.CometModel]@{ Id = 'a*b' }), ([ModelLedger.CometModel]@{ Id = 'x@y' })",
            new() { ["p"] = dir.Path });
        Assert.Empty(run.AllErrors);
        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("2 model ID(s) can never be found as whole tokens: 'a*b', 'x@y'.", warning.Message);
        var hits = run.Output.Select(o => (System.IO.Path.GetFileName((string)o.Properties["Path"].Value!), (int)o.Properties["Line"].Value!, (int)o.Properties["Column"].Value!)).ToList();
        Assert.Equal(new[] { ("a.txt", 1, 1), ("ps51.txt", 2, 5) }, hits);
    }

    [Fact]
    public void AMissingPathIsScanPathNotFoundAndTheOthersAreStillScanned()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "gpt-4o");
        using var ps = new PowerShellHarness();
        var run = ps.Run("Find-ModelReference $missing, $d -SnapshotPath $RepoRoot/examples/data/models-snapshot.json", new() { ["missing"] = dir.File("nope"), ["d"] = dir.Path });
        ErrorAssert.Single(run, "ScanPathNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("gpt-4o", run.Output.Single().Properties["ModelId"].Value);
    }

    [Fact]
    public void AConfigThatDoesNotReadStillHasItsIdsAndVerboseSaysWhyThereIsNoRef()
    {
        using var dir = new TempDir();
        // A Helm template: not YAML until rendered.
        dir.Write("deployment.yaml", "spec:\n  model: {{ .Values.model | default \"gpt-4o\" }}\n  - broken: [\n");
        using var ps = new PowerShellHarness();
        var run = ps.Run("Find-ModelReference $d -SnapshotPath $RepoRoot/examples/data/models-snapshot.json -Verbose", new() { ["d"] = dir.Path });
        Assert.Empty(run.AllErrors);
        var hit = Assert.Single(run.Output);
        Assert.Equal(("gpt-4o", null), ((string?)hit.Properties["ModelId"].Value, (string?)hit.Properties["ConfigRef"].Value));
        Assert.Contains(run.Verbose, v => v.Message.StartsWith("No ConfigRef for the 1 ID(s) in '", System.StringComparison.Ordinal) && v.Message.Contains("Helm or Go template"));
    }

    [Fact]
    public void AMissingSnapshotStopsTheScan()
    {
        using var dir = new TempDir();
        using var ps = new PowerShellHarness();
        var run = ps.Run("Find-ModelReference $d -SnapshotPath $s", new() { ["d"] = dir.Path, ["s"] = dir.File("none.json") });
        ErrorAssert.Single(run, "SnapshotNotFound", ErrorCategory.ObjectNotFound);
    }
}
