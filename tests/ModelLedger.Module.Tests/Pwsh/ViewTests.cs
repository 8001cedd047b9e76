using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests.Pwsh
{
    /// <summary>
    /// Every default view rendered by real pwsh with its output redirected (80 columns, as a CI log shows it), once per
    /// view in one process: no line is wider than the log, no model ID is broken, a Warn or Fail message is whole, and
    /// hostile values stay data.
    /// </summary>
    public class ViewTests : IClassFixture<ViewTests.Rendered>
    {
        private const string LongId = "vendor/fine-tuned-support-router-intent-classifier-2026-11-20-v2";
        private const string Hostile = "evil\n##vso[task.setvariable variable=GATE_OK]true";
        private const string BidiId = "gpt-4o\u202Eevil";

        private readonly Rendered _r;

        public ViewTests(Rendered rendered) => _r = rendered;

        /// <summary>One pwsh run that prints each view between markers, plus the objects as JSON for the assertions.</summary>
        public sealed class Rendered : IDisposable
        {
            private readonly TempDir _dir = new();

            public Rendered()
            {
                var ledger = GateFiles.Ledger(_dir,
                    GateFiles.Entry("support-router", "gpt-5.4-mini-2026-03-17", "gpt-4o-2024-08-06", "claude-haiku-4-5-20251001"),
                    GateFiles.Entry("long-ids", LongId, LongId + "-rb"),
                    GateFiles.Entry(Hostile, BidiId, "gpt-4o-2024-05-13"));
                var snapshot = GateFiles.Snapshot(_dir, new[] { "gpt-5.4-mini-2026-03-17", "gpt-4o-2024-08-06", LongId, "gpt-4o-2024-05-13", "x\n##vso[task.complete result=Succeeded]" });
                var previous = GateFiles.Snapshot(_dir, new[] { "gpt-5.4-mini-2026-03-17", "gpt-4o-2024-08-06", "claude-haiku-4-5-20251001", LongId + "-rb" });
                var script = _dir.Write("views.ps1", @"param($Ledger, $Snapshot, $Previous, $Evidence, $Json)
Import-Module ./ModelLedger.psd1
$findings = Test-ModelLedger $Ledger -SnapshotPath $Snapshot
$dry = [ModelLedger.DryRunResult]@{ Service = 'support-router'; ForwardModelId = 'gpt-5.4-mini-2026-03-17'; RollbackModelId = 'gpt-4o-2024-08-06'
    ObservedModelId = 'gpt-5.4-mini-2026-03-17'; Status = 'Failed'; Restored = $true; SwitchedAt = [datetimeoffset]'2026-11-24T09:00:00Z'; RestoredAt = [datetimeoffset]'2026-11-24T09:00:05Z'
    Message = 'The application still sent the forward ID gpt-5.4-mini-2026-03-17 after the switch, so the component that reads the config did not reload it. Restart that component in the probe and rehearse again.' }
$bundle = Export-RollbackEvidence -Path $Evidence -LedgerPath $Ledger -SnapshotPath $Snapshot -Finding $findings -ApprovedBy ops -WarningAction SilentlyContinue
Add-Content -LiteralPath (Join-Path $Evidence 'summary.md') -Value 'tampered'
@{ Findings = @($findings | Select-Object Service, Check, Status, ModelId, Message); Dry = $dry.Message } | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $Json
'=== ledger'; Get-ModelLedger $Ledger | Out-Default
'=== findings'; $findings | Out-Default
'=== models'; Get-CometModel -SnapshotPath $Snapshot | Out-Default
'=== differences'; Compare-CometModelSnapshot $Previous $Snapshot -LedgerPath $Ledger | Out-Default
'=== dryrun'; $dry | Out-Default
'=== bundle'; $bundle | Out-Default
'=== check'; Test-RollbackEvidence $Evidence | Out-Default
'=== references'; Find-ModelReference -Path $Ledger -SnapshotPath $Snapshot -LedgerPath $Ledger -WarningAction SilentlyContinue | Out-Default
'=== findings120'; $findings | Out-String -Width 120
'=== end'
");
                var json = _dir.File("objects.json");
                Run = RealPwsh.RunFile(script, new[] { "-Ledger", ledger, "-Snapshot", snapshot, "-Previous", previous, "-Evidence", _dir.File("evidence"), "-Json", json });
                Assert.True(Run.Code == 0, Run.ToString());
                Objects = JsonDocument.Parse(File.ReadAllText(json));
                var section = "";
                foreach (var line in Run.PlainOut.Replace("\r", "").Split('\n'))
                {
                    if (line.StartsWith("=== ", StringComparison.Ordinal)) { section = line.Substring(4); Sections[section] = new List<string>(); continue; }
                    if (section.Length > 0) Sections[section].Add(line);
                }
            }

            public PwshRun Run { get; }

            public JsonDocument Objects { get; }

            public Dictionary<string, List<string>> Sections { get; } = new();

            public void Dispose() => _dir.Dispose();
        }

        public static TheoryData<string> Views => new() { "ledger", "findings", "models", "differences", "dryrun", "bundle", "check", "references" };

        [Theory]
        [MemberData(nameof(Views))]
        public void EveryLineFitsEightyColumnsAndTheViewIsNotEmpty(string view)
        {
            var lines = _r.Sections[view];
            Assert.Contains(lines, l => l.Trim().Length > 0);
            var wide = lines.Where(l => l.Length > 80).ToList();
            Assert.True(wide.Count == 0, $"{view}: lines wider than 80 columns:\n{string.Join("\n", wide)}");
        }

        [Theory]
        [InlineData("ledger", LongId)]
        [InlineData("ledger", "claude-haiku-4-5-20251001")]
        [InlineData("findings", LongId)]
        [InlineData("findings", "gpt-5.4-mini-2026-03-17")]
        [InlineData("models", LongId)]
        [InlineData("differences", "claude-haiku-4-5-20251001")]
        [InlineData("dryrun", "gpt-4o-2024-08-06")]
        [InlineData("references", LongId)]
        public void AModelIdIsNeverBrokenAcrossLines(string view, string id)
        {
            var lines = _r.Sections[view];
            Assert.Contains(lines, l => Regex.IsMatch(l, $@"(^|\s){Regex.Escape(id)}(\s|$)"));
        }

        [Fact]
        public void EveryWarnAndFailMessageIsShownWholeInWholeWords()
        {
            var text = Normalize(string.Join("\n", _r.Sections["findings"]));
            var notPassed = _r.Objects.RootElement.GetProperty("Findings").EnumerateArray().Where(f => f.GetProperty("Status").GetInt32() != 0).ToList();
            Assert.NotEmpty(notPassed);
            foreach (var f in notPassed)
            {
                var message = f.GetProperty("Message").GetString()!;
                if (message.Contains('\n') || message.Contains('\u202E') || message.Contains("##")) continue;   // escaped: asserted below
                Assert.Contains(Normalize(message), text);
            }
        }

        [Fact]
        public void FindingsAreGroupedByServiceWithStatusCheckAndId()
        {
            var lines = _r.Sections["findings"];
            Assert.Contains("Service: support-router", lines);
            Assert.Contains(lines, l => Regex.IsMatch(l, @"^Pass  CurrentModelAvailable +gpt-5\.4-mini-2026-03-17$"));
            Assert.Contains(lines, l => Regex.IsMatch(l, @"^Fail  RollbackModelAvailable +" + Regex.Escape(LongId + "-rb") + "$")
                || l == "Fail  RollbackModelAvailable");
        }

        [Fact]
        public void TheDryRunViewShowsStatusObservedIdRestoredAndTheWholeMessage()
        {
            var lines = _r.Sections["dryrun"];
            Assert.Contains("Failed  support-router  restored: True", lines);
            Assert.Contains(lines, l => Regex.IsMatch(l, @"^  observed +gpt-5\.4-mini-2026-03-17$"));
            Assert.Contains(Normalize(_r.Objects.RootElement.GetProperty("Dry").GetString()!), Normalize(string.Join("\n", lines)));
        }

        [Fact]
        public void TheEvidenceViewsShowWhereWhatAndWhichFileFailed()
        {
            Assert.Contains(_r.Sections["bundle"], l => l.StartsWith("Evidence  ", StringComparison.Ordinal));
            Assert.Contains(_r.Sections["bundle"], l => l.StartsWith("Missing   ", StringComparison.Ordinal));
            Assert.Contains(_r.Sections["bundle"], l => System.Text.RegularExpressions.Regex.IsMatch(l, "^SHA-256   [0-9a-f]{64}$"));
            Assert.Contains(_r.Sections["check"], l => l == "Fail  summary.md");
            Assert.Contains(_r.Sections["check"], l => l.StartsWith("      ", StringComparison.Ordinal) && l.Trim().Length > 0);
        }

        [Fact]
        public void HostileValuesStayDataInEveryView()
        {
            var all = string.Join("\n", _r.Sections.Values.SelectMany(l => l));
            Assert.DoesNotContain("##vso[", all);
            Assert.DoesNotContain(_r.Run.Out.Split('\n'), l => l.TrimStart().StartsWith("##vso", StringComparison.Ordinal));
            var raw = _r.Run.Out.Split('\n').Where(l => l.Contains('\u202E')).ToList();
            Assert.True(raw.Count == 0, "raw bidi override in:\n" + string.Join("\n", raw.Select(l => l.Replace("\u202E", "<U+202E>"))));
            Assert.Contains("gpt-4o\\u202Eevil", all);
            Assert.Contains("evil\\n#\\u0023vso[task.setvariable", all);
        }

        [Fact]
        public void At120ColumnsNothingIsCutEither()
        {
            var lines = _r.Sections["findings120"];
            Assert.All(lines, l => Assert.True(l.Length <= 120, l));
            Assert.Contains(lines, l => l.Contains(LongId));
        }

        private static string Normalize(string s) => Regex.Replace(s, @"\s+", " ").Trim();
    }
}
