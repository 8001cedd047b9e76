using System.Diagnostics;
using System.IO;

namespace ModelLedger.Module.Tests
{
    /// <summary>The console runner as a process, the way the README's main-job command and CI use it.</summary>
    public class RunnerTests
    {
        public static (int Code, string Out, string Err) RunRunner(params string[] args) =>
            CrashTests.RunChild(new System.Collections.Generic.Dictionary<string, string>(), args);

        [Fact]
        public void PassesTheScriptsExitCodeAndArgumentsThrough()
        {
            using var dir = new TempDir();
            var script = dir.Write("s.ps1", "param([string]$Name, [switch]$Loud, $Rest) $Host.UI.WriteLine(\"hello $Name $Loud $Rest\"); exit 7");
            var (code, output, _) = RunRunner(script, "-Name", "ops", "-Loud", "-Rest:x");
            Assert.Equal(7, code);
            Assert.Contains("hello ops True x", output);
        }

        [Fact]
        public void RendersFormatViewsAsPlainTextWhenRedirected()
        {
            using var dir = new TempDir();
            var script = dir.Write("s.ps1", "Get-ModelLedger $PSScriptRoot/l.json");
            File.Copy(Repo.File("examples", "data", "ledger.json"), dir.File("l.json"));
            var (code, output, _) = RunRunner(script);
            Assert.Equal(0, code);
            Assert.Contains("Service", output);
            Assert.Contains("CurrentModelId", output);
            Assert.Contains("gpt-5.4-mini-2026-03-17", output);
            Assert.DoesNotContain("\u001b[", output);
        }

        [Fact]
        public void TerminatingErrorExitsOneWithMessageAndErrorId()
        {
            using var dir = new TempDir();
            var script = dir.Write("s.ps1", "Get-ModelLedger ./missing-ledger.json -ErrorAction Stop; exit 0");
            var (code, _, error) = RunRunner(script);
            Assert.Equal(1, code);
            Assert.Contains("missing-ledger.json' was not found", error);
            Assert.Contains("FullyQualifiedErrorId: LedgerNotFound,ModelLedger.Commands.GetModelLedgerCommand", error);
        }

        [Fact]
        public void NonTerminatingErrorsArePrintedAndDoNotChangeTheExitCode()
        {
            using var dir = new TempDir();
            var script = dir.Write("s.ps1", "Get-ModelLedger ./missing-ledger.json; 'after'");
            var (code, output, error) = RunRunner(script);
            Assert.Equal(0, code);
            Assert.Contains("after", output);
            Assert.Contains("missing-ledger.json", error + output);
        }

        [Fact]
        public void MissingScriptIsAUsageError()
        {
            var (code, _, error) = RunRunner("no-such-script.ps1");
            Assert.Equal(2, code);
            Assert.Contains("was not found", error);
        }
    }
}
