using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace ModelLedger.Module.Tests;

public class GetModelLedgerTests
{
    private const string Header = "service,useCase,currentModelId,rollbackModelId,emergencyAlternative,owner,rollbackOwner,lastValidated,validationMethod,changeRef,notes";

    private static string JsonLedger(params string[] entries) =>
        "{\n  \"schemaVersion\": 1,\n  \"entries\": [\n" + string.Join(",\n", entries) + "\n  ]\n}\n";

    private static string Entry(string service, string current, string? rollback, string owner = "team") =>
        $"    {{ \"service\": \"{service}\", \"currentModelId\": \"{current}\", \"rollbackModelId\": {(rollback == null ? "null" : "\"" + rollback + "\"")}, \"owner\": \"{owner}\" }}";

    [Fact]
    public void ReadsTheExampleLedgerAsTypedEntries()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger -Path $RepoRoot/examples/data/ledger.json");
        Assert.Empty(run.AllErrors);
        Assert.All(run.Output, o => Assert.Equal("ModelLedger.LedgerEntry", o.TypeNames[0]));
        var services = run.Output.Select(o => (string)o.Properties["Service"].Value).ToList();
        Assert.Equal(new[] { "support-router", "report-writer", "search-summarizer" }, services);
        var first = run.Output[0];
        Assert.Equal("gpt-5.4-mini-2026-03-17", first.Properties["CurrentModelId"].Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), first.Properties["LastValidated"].Value);
    }

    [Fact]
    public void JsonAndCsvFindMissingRollbacksWithWhereObjectEqNull()
    {
        using var dir = new TempDir();
        var json = dir.Write("l.json", JsonLedger(Entry("a", "m1", null), Entry("b", "m2", "m0"), "    { \"service\": \"c\", \"currentModelId\": \"m3\", \"rollbackModelId\": \"\", \"owner\": \"t\" }"));
        var csv = dir.Write("l.csv", "service,currentModelId,rollbackModelId,owner\na,m1,,t\nb,m2,m0,t\nc,m3,\"\",t\n");
        using var ps = new PowerShellHarness();
        foreach (var path in new[] { json, csv })
        {
            var run = ps.Run("Get-ModelLedger $p | Where-Object RollbackModelId -eq $null | ForEach-Object Service", new() { ["p"] = path });
            Assert.Empty(run.AllErrors);
            Assert.Equal(new[] { "a", "c" }, run.Output.Select(o => (string)o.BaseObject));
        }
    }

    [Fact]
    public void KeepsValuesExactlyAsWritten()
    {
        using var dir = new TempDir();
        var path = dir.Write("l.csv", Header + "\n\" Svc \",x,\"GPT-4o-2024-08-06 \",gpt-4o,,o,,2026-05-10,,,\"line1\nline2, with comma \"\"quoted\"\"\"\n");
        using var ps = new PowerShellHarness();
        var e = ps.Run("Get-ModelLedger -LiteralPath $p", new() { ["p"] = path }).Output.Single();
        Assert.Equal(" Svc ", e.Properties["Service"].Value);
        Assert.Equal("GPT-4o-2024-08-06 ", e.Properties["CurrentModelId"].Value);
        Assert.Equal("x", e.Properties["UseCase"].Value);
        Assert.Equal("line1\nline2, with comma \"quoted\"", e.Properties["Notes"].Value);
        Assert.Null(e.Properties["EmergencyAlternative"].Value);
    }

    [Fact]
    public void ServiceFilterTakesWildcardsAndReportsUnknownNames()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger $RepoRoot/examples/data/ledger.json -Service 'S*', 'report-writer', 'no-such-service'");
        Assert.Equal(new[] { "support-router", "report-writer", "search-summarizer" }, run.Output.Select(o => (string)o.Properties["Service"].Value));
        var error = ErrorAssert.Single(run, "LedgerServiceNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("no-such-service", error.Exception.Message);
    }

    [Fact]
    public void PathTakesWildcardsAndPipelineInputByFullNameAndPSPath()
    {
        using var dir = new TempDir();
        dir.Write("one.json", JsonLedger(Entry("a", "m1", "m0")));
        dir.Write("two.csv", "service,currentModelId,rollbackModelId,owner\nb,m2,m1,t\n");
        using var ps = new PowerShellHarness();
        var wildcard = ps.Run("Get-ModelLedger \"$d/*\" | ForEach-Object Service", new() { ["d"] = dir.Path });
        Assert.Equal(new[] { "a", "b" }, wildcard.Output.Select(o => (string)o.BaseObject).OrderBy(s => s));

        var fileInfo = ps.Run("[System.IO.DirectoryInfo]::new($d).GetFiles() | Get-ModelLedger | ForEach-Object Service", new() { ["d"] = dir.Path });
        Assert.Empty(fileInfo.AllErrors);
        Assert.Equal(new[] { "a", "b" }, fileInfo.Output.Select(o => (string)o.BaseObject).OrderBy(s => s));

        var psPath = ps.Run("[pscustomobject]@{ PSPath = \"Microsoft.PowerShell.Core\\FileSystem::$d/one.json\" } | Get-ModelLedger | ForEach-Object Service", new() { ["d"] = dir.Path });
        Assert.Empty(psPath.AllErrors);
        Assert.Equal("a", psPath.Output.Single().BaseObject);

        var strings = ps.Run("\"$d/one.json\", \"$d/two.csv\" | Get-ModelLedger | ForEach-Object Service", new() { ["d"] = dir.Path });
        Assert.Equal(new[] { "a", "b" }, strings.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void RelativePathsResolveAgainstThePowerShellLocation()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("$ExecutionContext.SessionState.Path.SetLocation(\"$RepoRoot/examples\") | Out-Null; Get-ModelLedger ./data/ledger.json | ForEach-Object Service");
        Assert.Empty(run.AllErrors);
        Assert.Equal(3, run.Output.Count);
    }

    [Fact]
    public void MissingFileIsLedgerNotFoundPerPathAndOtherPathsStillRead()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger ./no-such-ledger.json, $RepoRoot/examples/data/ledger.json | ForEach-Object Service");
        var error = ErrorAssert.Single(run, "LedgerNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("no-such-ledger.json", error.Exception.Message);
        Assert.Contains("Check the path", error.Exception.Message);
        Assert.Equal(3, run.Output.Count);
    }

    [Fact]
    public void ErrorActionStopMakesItTerminating()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("try { Get-ModelLedger ./missing.json -ErrorAction Stop; 'not reached' } catch { $_.FullyQualifiedErrorId }");
        Assert.Equal("LedgerNotFound,ModelLedger.Commands.GetModelLedgerCommand", run.Output.Single().BaseObject);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 1, \"entries\": [ { \"service\": \"a\" \"owner\": \"x\" } ] }", 1, null, "not valid JSON")]
    [InlineData("{\n \"schemaVersion\": 2,\n \"entries\": []\n}", 2, "schemaVersion", "schemaVersion 2 is not supported")]
    [InlineData("{\n \"entries\": []\n}", 1, "schemaVersion", "no schemaVersion")]
    [InlineData("{\n \"schemaVersion\": 1,\n \"entries\": [\n  { \"service\": \"a\",\n    \"currentModelId\": 42 }\n ]\n}", 5, "currentModelId", "expected a string or null but found a number")]
    [InlineData("{\n \"schemaVersion\": 1,\n \"entries\": [\n  { \"service\": \"a\",\n    \"lastValidated\": \"last tuesday\" }\n ]\n}", 5, "lastValidated", "is not a date")]
    [InlineData("{\n \"schemaVersion\": 1,\n \"entries\": [\n  { \"service\": \"a\" },\n  { \"service\": \"A\" }\n ]\n}", 5, "service", "appears twice")]
    [InlineData("{\n \"schemaVersion\": 1,\n \"entries\": [\n  { \"service\": \"a\",\n \"rollbackModelID\": \"x\" }\n ]\n}", 5, "rollbackModelID", "appears twice")]
    [InlineData("{\n \"schemaVersion\": 1,\n \"entries\": [\n  { \"service\": \"a\",\n \"rollbackModeId\": \"x\" }\n ]\n}", 5, "rollbackModeId", "not a ledger field")]
    [InlineData("[]", 1, null, "not an object")]
    public void MalformedJsonIsLedgerInvalidNamingFileLineAndField(string content, int line, string? field, string problem)
    {
        // "rollbackModelID" matches rollbackModelId case-insensitively, so with both spellings it is a duplicate.
        if (content.Contains("rollbackModelID")) content = content.Replace("{ \"service\": \"a\",", "{ \"service\": \"a\", \"rollbackModelId\": \"y\",");
        using var dir = new TempDir();
        var path = dir.Write("bad.json", content);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger -LiteralPath $p", new() { ["p"] = path });
        var error = ErrorAssert.Single(run, "LedgerInvalid", ErrorCategory.InvalidData);
        var message = error.Exception.Message;
        Assert.Contains(path, message);
        Assert.Contains($"line {line}", message);
        if (field != null) Assert.Contains($"field '{field}'", message);
        Assert.Contains(problem, message);
        Assert.Equal(path, error.TargetObject);
        Assert.Equal(line, ((dynamic)error.Exception).Line);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("currentModelId,owner\nm1,o\n", 1, "service", "no service column")]
    [InlineData("service,currentModelId,owner\na,m1\n", 2, null, "has 2 fields but the header has 3")]
    [InlineData("service,currentModelId,owner\na,\"m1,o\n", 2, null, "never closed")]
    [InlineData("service,owner,Owner\na,b,c\n", 1, "Owner", "appears twice")]
    [InlineData("service,model\na,b\n", 1, "model", "not a ledger field")]
    [InlineData("service,lastValidated\na,05/10/2026\n", 2, "lastValidated", "is not a date")]
    [InlineData("service\na\nA\n", 3, "service", "appears twice")]
    public void MalformedCsvIsLedgerInvalidNamingFileLineAndField(string content, int line, string? field, string problem)
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.csv", content);
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger -LiteralPath $p", new() { ["p"] = path });
        var error = ErrorAssert.Single(run, "LedgerInvalid", ErrorCategory.InvalidData);
        Assert.Contains($"'{path}' line {line}", error.Exception.Message);
        if (field != null) Assert.Contains($"field '{field}'", error.Exception.Message);
        Assert.Contains(problem, error.Exception.Message);
    }

    [Fact]
    public void ReadsWindowsPowerShellEncodingsAndExportCsvTypeLine()
    {
        using var dir = new TempDir();
        var utf16 = dir.File("utf16.json");
        File.WriteAllText(utf16, JsonLedger(Entry("a", "m1", "m0")), new UnicodeEncoding(false, true));
        var bomCsv = dir.File("bom.csv");
        File.WriteAllText(bomCsv, "#TYPE ModelLedger.LedgerEntry\r\n\"Service\",\"CurrentModelId\",\"RollbackModelId\",\"Owner\"\r\n\"b\",\"m2\",\"m1\",\"t\"\r\n", new UTF8Encoding(true));
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-ModelLedger -LiteralPath $a, $b | ForEach-Object { $_.Service + '=' + $_.RollbackModelId }", new() { ["a"] = utf16, ["b"] = bomCsv });
        Assert.Empty(run.AllErrors);
        Assert.Equal(new[] { "a=m0", "b=m1" }, run.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void DefaultTableShowsFullModelIds()
    {
        using var ps = new PowerShellHarness(width: 200);
        var text = ps.Render("Get-ModelLedger $RepoRoot/examples/data/ledger.json").HostText;
        Assert.Contains("  current    gpt-5.4-mini-2026-03-17", text);
        Assert.Contains("  rollback   gpt-4o-2024-08-06", text);
        foreach (var id in new[] { "gpt-5.4-mini-2026-03-17", "claude-haiku-4-5-20251001", "gemini-2.0-flash-001" })
            Assert.Contains(id, text);
        Assert.DoesNotContain("SourcePath", text);
    }

    [Fact]
    public void NarrowScreenWrapsIdsInsteadOfCuttingThem()
    {
        using var ps = new PowerShellHarness(width: 60);
        var text = ps.Render("Get-ModelLedger $RepoRoot/examples/data/ledger.json").HostText;
        Assert.DoesNotContain("\u2026", text);
        Assert.DoesNotContain("...", text);
    }

    [Theory]
    [InlineData("-Path", "Env:PATH")]
    [InlineData("-LiteralPath", "Env:PATH")]
    [InlineData("-Path", "NoSuchDrive:/ledger.json")]
    [InlineData("-LiteralPath", "NoSuchDrive:/ledger.json")]
    public void NonFileSystemOrUnknownDrivesAreLedgerErrorsNotRawExceptions(string parameter, string path)
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run($"Get-ModelLedger {parameter} '{path}'");
        var error = Assert.Single(run.AllErrors);
        Assert.StartsWith("LedgerNotFound,", error.FullyQualifiedErrorId);
        // By name: this project deliberately does not reference the core assembly.
        Assert.Equal("ModelLedger.ModelLedgerException", error.Exception.GetType().FullName);
        Assert.Empty(run.Output);
    }
}
