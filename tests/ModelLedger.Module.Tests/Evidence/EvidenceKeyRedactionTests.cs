using System;
using System.IO;
using System.Linq;
using System.Text;
using ModelLedger.Module.Tests.FakeCometApi;
using static ModelLedger.Module.Tests.FakeCometApi.CometApiTestKit;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The key pasted into a ledger never reaches the evidence bundle, whatever the ledger's encoding (UTF-8, UTF-16 JSON
/// and CSV), whatever form it was pasted in (raw, JSON-escaped), and however the key was given: the environment, an
/// earlier Get-CometModel -ApiKey in the session, or Export-RollbackEvidence -ApiKey.
/// </summary>
[Collection("ProcessEnvironment")]
public class EvidenceKeyRedactionTests
{
    private static string JsonLedger(string notes) =>
        "{ \"schemaVersion\": 1, \"entries\": [ { \"service\": \"support-router\", \"useCase\": \"Intent classification\", " +
        "\"currentModelId\": \"gpt-4o-2024-08-06\", \"rollbackModelId\": \"gpt-4o-2024-05-13\", \"owner\": \"platform-ai\", " +
        "\"validationMethod\": \"models snapshot\", \"changeRef\": \"CHG-1\", \"notes\": \"" + notes + "\" } ] }\n";

    private static string CsvLedger(string notes) =>
        "service,useCase,currentModelId,rollbackModelId,owner,validationMethod,changeRef,notes\r\n" +
        "support-router,Intent classification,gpt-4o-2024-08-06,gpt-4o-2024-05-13,platform-ai,models snapshot,CHG-1,\"" + notes + "\"\r\n";

    private static byte[] Bytes(Encoding encoding, string text) => encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

    private static string EscapedEveryChar(string s) => string.Concat(s.Select(c => $"\\u{(int)c:x4}"));

    public static TheoryData<string, string, string> Ledgers => new()
    {
        { "UTF-16 LE JSON", "ledger.json", "utf-16le" },
        { "UTF-16 BE JSON", "ledger.json", "utf-16be" },
        { "UTF-16 LE CSV", "ledger.csv", "utf-16le" },
        { "UTF-8 JSON, key JSON-escaped", "ledger.json", "escaped" },
        { "UTF-8 CSV", "ledger.csv", "utf-8" },
    };

    private static byte[] LedgerBytes(string file, string form, string key)
    {
        var notes = form == "escaped" ? "temp key " + EscapedEveryChar(key) : "temp key " + key;
        var text = file.EndsWith(".csv", StringComparison.Ordinal) ? CsvLedger(notes) : JsonLedger(notes);
        return form switch
        {
            "utf-16le" => Bytes(new UnicodeEncoding(false, true), text),
            "utf-16be" => Bytes(new UnicodeEncoding(true, true), text),
            _ => Encoding.UTF8.GetBytes(text),
        };
    }

    [Theory]
    [MemberData(nameof(Ledgers))]
    public void AKeyInTheEnvironmentIsRedactedFromLedgersInEveryEncodingAndForm(string name, string file, string form)
    {
        using var dir = new TempDir();
        var key = NewKey();
        var ledger = dir.File(file);
        File.WriteAllBytes(ledger, LedgerBytes(file, form, key));
        var before = Environment.GetEnvironmentVariable("COMETAPI_API_KEY");
        try
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", key);
            using var ps = new PowerShellHarness();
            var run = RunWithKey(ps, "Export-RollbackEvidence -Path $out -LedgerPath $ledger -Verbose", null, key, new() { ["ledger"] = ledger, ["out"] = dir.File("bundle") });
            Assert.Empty(run.AllErrors);
            AssertBundleRedacted(dir.File("bundle"), key, "ledger-after" + Path.GetExtension(file), name);
            // The copy keeps its encoding: a UTF-16 ledger stays UTF-16 (and so stays readable as the ledger it was).
            var copy = File.ReadAllBytes(Path.Combine(dir.File("bundle"), "ledger-after" + Path.GetExtension(file)));
            if (form.StartsWith("utf-16", StringComparison.Ordinal)) Assert.True(copy[0] is 0xFF or 0xFE && copy[1] is 0xFF or 0xFE, name);
            Assert.Equal("support-router", ps.Run("(Get-ModelLedger $p).Service", new() { ["p"] = Path.Combine(dir.File("bundle"), "ledger-after" + Path.GetExtension(file)) }).Output.Single().BaseObject);
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", before);
        }
    }

    [Fact]
    public void AKeyGivenOnlyAsGetCometModelApiKeyIsRedactedLaterInTheSameSession()
    {
        using var dir = new TempDir();
        using var api = new FakeCometApi.FakeCometApi();
        var key = NewKey();
        var ledger = dir.File("ledger.json");
        File.WriteAllBytes(ledger, LedgerBytes("ledger.json", "utf-16le", key));
        var before = Environment.GetEnvironmentVariable("COMETAPI_API_KEY");
        try
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", null);
            using var ps = new PowerShellHarness();
            var run = RunWithKey(ps,
                "Get-CometModel -BaseUri $api -ApiKey $key -NoCache -OutSnapshot $snapshot -CredentialLabel production; " +
                "Export-RollbackEvidence -Path $out -LedgerPath $ledger -SnapshotPath $snapshot",
                api, key, new() { ["ledger"] = ledger, ["out"] = dir.File("bundle"), ["snapshot"] = dir.File("snap.json") });
            Assert.Empty(run.AllErrors);
            AssertBundleRedacted(dir.File("bundle"), key, "ledger-after.json", "-ApiKey in the session");
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", before);
        }
    }

    [Fact]
    public void AKeyGivenToExportRollbackEvidenceApiKeyIsRedacted()
    {
        using var dir = new TempDir();
        var key = NewKey();
        var ledger = dir.File("ledger.csv");
        File.WriteAllBytes(ledger, LedgerBytes("ledger.csv", "utf-16le", key));
        var before = Environment.GetEnvironmentVariable("COMETAPI_API_KEY");
        try
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", null);
            using var ps = new PowerShellHarness();
            var run = RunWithKey(ps, "Export-RollbackEvidence -Path $out -LedgerPath $ledger -ApiKey $key", null, key,
                new() { ["ledger"] = ledger, ["out"] = dir.File("bundle") });
            Assert.Empty(run.AllErrors);
            AssertBundleRedacted(dir.File("bundle"), key, "ledger-after.csv", "Export -ApiKey");
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMETAPI_API_KEY", before);
        }
    }

    private static void AssertBundleRedacted(string bundle, string key, string ledgerCopy, string name)
    {
        AssertFolderHasNoKey(bundle, key);
        var summary = File.ReadAllText(Path.Combine(bundle, "summary.md"));
        Assert.Contains($"The API key in use appeared in {ledgerCopy}", summary);
        var copy = File.ReadAllBytes(Path.Combine(bundle, ledgerCopy));
        Assert.True(KeyForms.FileHolds(copy, "[redacted]") || Encoding.Unicode.GetString(copy).Contains("[redacted]") || Encoding.BigEndianUnicode.GetString(copy).Contains("[redacted]"), name);
    }
}
