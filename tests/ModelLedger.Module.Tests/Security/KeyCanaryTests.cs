using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>
/// A canary key driven through every field it can arrive by (each ledger field, a JSON, YAML and .env config
/// value, -Deployed, -ChangeRef/-ApprovedBy, a scanned line) and looked for in every output: the finding objects,
/// the rendered view, the ##vso lines, JUnit, Markdown, Find-ModelReference results, the evidence bundle and its
/// manifest, every stream and error, in every encoding (KeyForms).
/// </summary>
[Collection("ProcessEnvironment")]
public class KeyCanaryTests
{
    private static string Ledger(string key) => $$"""
        { "schemaVersion": 1, "entries": [
          { "service": "svc-a", "useCase": "{{key}}", "currentModelId": "gpt-5.1", "rollbackModelId": "gpt-4.1",
            "emergencyAlternative": "{{key}}", "owner": "{{key}}", "rollbackOwner": "{{key}}", "lastValidated": "2026-11-24T05:00:00Z",
            "validationMethod": "{{key}}", "changeRef": "{{key}}", "notes": "{{key}}",
            "configRefs": ["app.json#llm.model", "app.yaml#llm.model", "app.env#MODEL", "{{key}}.json#model"] },
          { "service": "{{key}}", "useCase": "u", "currentModelId": "{{key}}", "rollbackModelId": "{{key}}-old",
            "emergencyAlternative": null, "owner": "o", "rollbackOwner": "r", "lastValidated": "2026-11-24T05:00:00Z",
            "validationMethod": "v", "changeRef": "CHG-1", "notes": null, "configRefs": ["app.json#{{key}}"] } ] }
        """;

    private static string BadDates(string key) => $$"""
        { "schemaVersion": 1, "entries": [
          { "service": "svc-b", "useCase": "u", "currentModelId": "gpt-5.1", "rollbackModelId": "gpt-4.1",
            "owner": "o", "rollbackOwner": "r", "lastValidated": "{{key}}", "rollbackUntil": "{{key}}",
            "validationMethod": "v", "changeRef": "c" } ] }
        """;

    [Fact]
    public void TheCanaryKeyAppearsInNoOutputWhateverFieldItCameThrough()
    {
        using var dir = new TempDir();
        var key = NewKey();
        var ledger = dir.Write("ledger.json", Ledger(key));
        var bad = dir.Write("bad-dates.json", BadDates(key));
        var root = Path.Combine(dir.Path, "release");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "app.json"), $"{{ \"llm\": {{ \"model\": \"{key}\" }} }}");
        File.WriteAllText(Path.Combine(root, "app.yaml"), $"llm:\n  model: {key}\n");
        File.WriteAllText(Path.Combine(root, "app.env"), $"MODEL={key}\nCOMETAPI_API_KEY={key}\n");
        var src = Path.Combine(dir.Path, "src");
        Directory.CreateDirectory(src);
        File.WriteAllText(Path.Combine(src, "client.py"), $"client = OpenAI(api_key=\"{key}\", model=\"gpt-5.1\")\n");
        var vars = new Dictionary<string, object?>
        {
            ["work"] = dir.Path, ["ledger"] = ledger, ["bad"] = bad, ["root"] = root, ["src"] = src, ["plain"] = key,
            ["snapshot"] = Repo.File("examples", "data", "models-snapshot.json"),
        };
        const string script =
            "$f = Test-ModelLedger $ledger -SnapshotPath $snapshot -ConfigRoot $root -AsOf '2026-11-24T09:00:00Z' -Deployed @{ 'svc-a' = $plain } -OutputFormat JUnit -OutputPath $work/gate.xml -Verbose; $f; " +
            "Test-ModelLedger $ledger -SnapshotPath $snapshot -ConfigRoot $root -AsOf '2026-11-24T09:00:00Z' -OutputFormat Markdown -OutputPath $work/gate.md | Out-Null; " +
            "try { Test-ModelLedger $bad -SnapshotPath $snapshot } catch { $global:badDates = $_ }; " +
            "Find-ModelReference -Path $src -SnapshotPath $snapshot -Verbose; " +
            "Export-RollbackEvidence -Path $work/evidence -LedgerPath $ledger -PreviousLedgerPath $ledger -SnapshotPath $snapshot -Finding $f -ChangeRef $plain -ApprovedBy $plain -Verbose; " +
            "Test-RollbackEvidence -Path $work/evidence";
        var before = Environment.GetEnvironmentVariable("COMETAPI_API_KEY");
        var tfBuild = Environment.GetEnvironmentVariable("TF_BUILD");
        try
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", key);
            Environment.SetEnvironmentVariable("TF_BUILD", "True");
            using var ps = new PowerShellHarness();
            vars["key"] = Secure(key);
            // Rendered (the default views, ##vso lines and streams as host text), and the same objects unrendered.
            var run = ps.Render("$global:out = & { " + script + " }; $global:out", vars);
            AssertNoLeak(run, key);
            var objects = ps.Run("$global:out");
            AssertNoLeak(objects, key);
            AssertFolderHasNoKey(dir.Path + Path.DirectorySeparatorChar + "evidence", key);
            foreach (var report in new[] { "gate.xml", "gate.md" }) AssertFileHasNoKey(Path.Combine(dir.Path, report), key);

            // The key did reach each place, masked: the test exercised the paths it claims to.
            var text = run.EverythingAsText();
            Assert.Contains("##vso[task.logissue", text);
            Assert.Contains(SecretMask, File.ReadAllText(Path.Combine(dir.Path, "gate.xml")));
            Assert.Contains(SecretMask, File.ReadAllText(Path.Combine(dir.Path, "gate.md")));
            Assert.Contains(SecretMask, File.ReadAllText(Path.Combine(dir.Path, "evidence", "manifest.json")));
            var references = objects.Output.Where(o => o.TypeNames[0] == "ModelLedger.ModelReference").ToList();
            Assert.Contains(references, r => ((string)r.Properties["Text"].Value).Contains(SecretMask));
            var findings = objects.Output.Where(o => o.TypeNames[0] == "ModelLedger.LedgerFinding").ToList();
            Assert.Contains(findings, f => ((string)f.Properties["Message"].Value).Contains(SecretMask));
            Assert.True(findings.Any(f => (string?)f.Properties["Service"].Value == SecretMask), string.Join("; ", findings.Select(f => f.Properties["Service"].Value + " " + f.Properties["Check"].Value + " " + f.Properties["Message"].Value)));
            var badDates = Assert.IsType<System.Management.Automation.ErrorRecord>(ps.GetVariable("badDates") is System.Management.Automation.PSObject p ? p.BaseObject : ps.GetVariable("badDates"));
            Assert.StartsWith("LedgerInvalid,", badDates.FullyQualifiedErrorId);
            Assert.False(KeyForms.Holds(badDates.ToString() + " " + badDates.Exception, key), "the key appears in the error for a date field holding it");
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", before);
            Environment.SetEnvironmentVariable("TF_BUILD", tfBuild);
        }
    }

    private const string SecretMask = "[redacted]";
}
