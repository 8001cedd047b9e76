using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace ModelLedger.Module.Tests.Pwsh;

/// <summary>
/// tests/*.Tests.ps1 under real pwsh with real Pester 5.7.1 (restored by PackageDownload). Pester runs once; each of
/// its tests is one case here, failing with Pester's own message, so its counts are in the test run's summary.
/// </summary>
public class PesterTests
{
    private sealed record PesterRecord(string Name, string Result, string? Message);

    private static readonly Lazy<IReadOnlyList<PesterRecord>> Records = new(RunPester);

    public static string PesterManifest =>
        typeof(PesterTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PesterManifest").Value!;

    public static IEnumerable<object[]> Tests() => Records.Value.Select(r => new object[] { r.Name });

    [Theory]
    [MemberData(nameof(Tests))]
    public void PesterTest(string name)
    {
        var record = Records.Value.Single(r => r.Name == name);
        Assert.True(record.Result == "Passed", $"{record.Name}: {record.Result}\n{record.Message}");
    }

    [Fact]
    public void ARealPesterFailureIsReportedAsFailedWithPestersMessage()
    {
        // Guards the guard: the records must carry real Pester's verdicts, including its exact -ErrorId comparison.
        using var dir = new TempDir();
        dir.Write("Guard.Tests.ps1", @"Describe 'guard' {
    It 'fails on a wrong value' { 1 | Should -Be 2 }
    It 'fails on a partial error id' { { Write-Error -ErrorId 'LedgerNotFound,X' -Message m -ErrorAction Stop } | Should -Throw -ErrorId 'LedgerNotFound' }
    It 'passes' { 'a' | Should -BeExactly 'a' }
}");
        var results = dir.File("results.json");
        var run = RealPwsh.RunFile(Repo.File("tests", "Invoke-PesterFiles.ps1"), new[] { "-PesterManifest", PesterManifest, "-Path", dir.Path, "-ResultPath", results });
        Assert.True(run.Code == 2, run.ToString());
        var records = JsonSerializer.Deserialize<List<PesterRecord>>(File.ReadAllText(results))!.ToDictionary(r => r.Name);
        Assert.Equal("Failed", records["Guard.Tests.ps1 > guard.fails on a wrong value"].Result);
        Assert.Contains("Expected 2, but got 1.", records["Guard.Tests.ps1 > guard.fails on a wrong value"].Message);
        Assert.Equal("Failed", records["Guard.Tests.ps1 > guard.fails on a partial error id"].Result);
        Assert.Equal("Passed", records["Guard.Tests.ps1 > guard.passes"].Result);
    }

    private static IReadOnlyList<PesterRecord> RunPester()
    {
        if (!File.Exists(PesterManifest))
            return new[] { new PesterRecord("(Pester)", "Failed", $"Pester is not at {PesterManifest}; `dotnet restore` brings it (PackageDownload).") };
        var resultPath = Path.Combine(Path.GetTempPath(), "mlpester-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var run = RealPwsh.RunFile(Repo.File("tests", "Invoke-PesterFiles.ps1"), new[] { "-PesterManifest", PesterManifest, "-ResultPath", resultPath });
            if (!File.Exists(resultPath))
                return new[] { new PesterRecord("(Pester)", "Failed", "Invoke-PesterFiles.ps1 wrote no results.\n" + run) };
            var records = JsonSerializer.Deserialize<List<PesterRecord>>(File.ReadAllText(resultPath)) ?? new();
            if (records.Count == 0) return new[] { new PesterRecord("(Pester)", "Failed", "Pester ran no test.\n" + run) };
            var failed = records.Count(r => r.Result == "Failed");
            if (run.Code != failed)
                records.Add(new PesterRecord("(Pester exit code)", "Failed", $"Invoke-PesterFiles.ps1 exited {run.Code} for {failed} failed tests.\n{run}"));
            return records;
        }
        finally
        {
            File.Delete(resultPath);
        }
    }
}
