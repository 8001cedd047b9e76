using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ModelLedger.Module.Tests
{
    /// <summary>
    /// Runs every tests/*.Tests.ps1 file through tests/PesterShim.ps1 in the hosted engine, so the Pester files
    /// that pwsh users run with real Pester are exercised here too and never rot.
    /// </summary>
    public class PesterFileTests
    {
        public static IEnumerable<object[]> Files() =>
            Directory.GetFiles(Repo.File("tests"), "*.Tests.ps1").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

        [Theory]
        [MemberData(nameof(Files))]
        public void PesterFilePasses(string fileName)
        {
            using var ps = new PowerShellHarness(importModule: false);
            var run = ps.Run(". $shim; . $file; Invoke-PesterShim", new Dictionary<string, object?>
            {
                ["shim"] = Repo.File("tests", "PesterShim.ps1"),
                ["file"] = Repo.File("tests", fileName),
            });
            Assert.True(run.Terminating == null, $"{fileName} did not load: {run.Terminating}");
            var results = run.Output.Select(o => (Name: (string)o.Properties["Name"].Value, Result: (string)o.Properties["Result"].Value, Message: o.Properties["Message"].Value as string)).ToList();
            Assert.True(results.Count > 0, $"{fileName} declared no It blocks");
            var failed = results.Where(r => r.Result == "Failed").Select(r => $"{r.Name}: {r.Message}").ToList();
            Assert.True(failed.Count == 0, $"{failed.Count} of {results.Count} failed in {fileName}:\n" + string.Join("\n", failed));
            Assert.Contains(results, r => r.Result == "Passed");
        }

        [Fact]
        public void ShimReportsAFailingAssertionAsFailed()
        {
            // Guards the guard: a shim that passed everything would make every Pester file meaningless.
            using var ps = new PowerShellHarness(importModule: false);
            var run = ps.Run(@". $shim
Describe 'shim' {
    It 'fails on a wrong value' { 1 | Should -Be 2 }
    It 'fails when nothing is thrown' { { 1 } | Should -Throw }
    It 'fails on the wrong error id' { { throw [System.Management.Automation.ErrorRecord]::new([Exception]::new('x'), 'Other', 'NotSpecified', $null) } | Should -Throw -ErrorId 'LedgerNotFound' }
    It 'passes a right value' { 'a' | Should -BeExactly 'a' }
    It 'passes -Not' { 'a' | Should -Not -BeExactly 'A' }
}
Invoke-PesterShim", new Dictionary<string, object?> { ["shim"] = Repo.File("tests", "PesterShim.ps1") });
            var byName = run.Output.ToDictionary(o => (string)o.Properties["Name"].Value, o => (string)o.Properties["Result"].Value);
            Assert.Equal("Failed", byName["shim > fails on a wrong value"]);
            Assert.Equal("Failed", byName["shim > fails when nothing is thrown"]);
            Assert.Equal("Failed", byName["shim > fails on the wrong error id"]);
            Assert.Equal("Passed", byName["shim > passes a right value"]);
            Assert.Equal("Passed", byName["shim > passes -Not"]);
        }
    }
}
