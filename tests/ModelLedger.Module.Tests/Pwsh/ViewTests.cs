using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests.Pwsh;

/// <summary>
/// Every default view rendered by real pwsh with its output redirected (80 columns, as a CI log shows it), once per
/// view in one process: no line is wider than the log, no model ID is broken, a Warn or Fail message is whole, and
/// hostile values stay data.
/// </summary>
public class ViewTests : IClassFixture<ViewTests.Rendered>
{
    // 90 characters: longer than an 80-column line, so it must stand alone on its lines.
    private const string LongId = "vendor/fine-tuned-support-router-intent-classifier-2026-11-20-v2-eu-west-dedicated-capacity";
    // A config ref whose key holds spaces (legal: only . [ ] # " need quotes), longer than the line.
    private const string SpacedKey = "Model Routing Settings.Default Chat Model For The Support Router";
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
            var config = _dir.Write("routing-settings.json", "{ \"Model Routing Settings\": { \"Default Chat Model For The Support Router\": \"gpt-4o-2024-08-06\" } }");
            var script = _dir.Write("views.ps1", @"param($Ledger, $Snapshot, $Previous, $Evidence, $Json, $Config)
Import-Module ./ModelLedger.psd1
$findings = Test-ModelLedger $Ledger -SnapshotPath $Snapshot
$dry = [ModelLedger.DryRunResult]@{ Service = 'support-router'; ForwardModelId = 'gpt-5.4-mini-2026-03-17'; RollbackModelId = 'gpt-4o-2024-08-06'
    ObservedModelId = 'gpt-5.4-mini-2026-03-17'; Status = 'Failed'; Restored = $true; SwitchedAt = [datetimeoffset]'2026-11-24T09:00:00Z'; RestoredAt = [datetimeoffset]'2026-11-24T09:00:05Z'
    Message = 'The application still sent the forward ID gpt-5.4-mini-2026-03-17 after the switch, so the component that reads the config did not reload it. Restart that component in the probe and rehearse again.' }
$bundle = Export-RollbackEvidence -Path $Evidence -LedgerPath $Ledger -SnapshotPath $Snapshot -Finding $findings -ApprovedBy ops -WarningAction SilentlyContinue
Add-Content -LiteralPath (Join-Path $Evidence 'summary.md') -Value 'tampered'
$refs = @(Find-ModelReference -Path $Config -SnapshotPath $Snapshot -LedgerPath $Ledger)
@{ Findings = @($findings | Select-Object Service, Check, Status, ModelId, Message); Dry = $dry.Message; Refs = @($refs | ForEach-Object ConfigRef) } | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $Json
'=== ledger'; Get-ModelLedger $Ledger | Out-Default
'=== findings'; $findings | Out-Default
'=== models'; Get-CometModel -SnapshotPath $Snapshot | Out-Default
'=== differences'; Compare-CometModelSnapshot $Previous $Snapshot -LedgerPath $Ledger | Out-Default
'=== dryrun'; $dry | Out-Default
'=== bundle'; $bundle | Out-Default
'=== check'; Test-RollbackEvidence $Evidence | Out-Default
'=== references'; Find-ModelReference -Path $Ledger -SnapshotPath $Snapshot -LedgerPath $Ledger -WarningAction SilentlyContinue | Out-Default
'=== configref'; $refs | Out-Default
'=== ledgertable'; Get-ModelLedger $Ledger | Format-Table | Out-Default
'=== findings120'; $findings | Out-String -Width 120
'=== end'
");
            var json = _dir.File("objects.json");
            Run = RealPwsh.RunFile(script, new[] { "-Ledger", ledger, "-Snapshot", snapshot, "-Previous", previous, "-Evidence", _dir.File("evidence"), "-Json", json, "-Config", config });
            Assert.True(Run.Code == 0, Run.ToString());
            Objects = JsonDocument.Parse(File.ReadAllText(json));
            var section = "";
            foreach (var line in Run.Out.Replace("\r", "").Split('\n'))
            {
                if (line.StartsWith("=== ", StringComparison.Ordinal)) { section = line.Substring(4); Sections[section] = new List<string>(); RawSections[section] = new List<string>(); continue; }
                if (section.Length == 0) continue;
                RawSections[section].Add(line);
                Sections[section].Add(new PwshRun(0, line, "").PlainOut);
            }
        }

        public PwshRun Run { get; }

        public JsonDocument Objects { get; }

        public Dictionary<string, List<string>> Sections { get; } = new();

        /// <summary>The sections as pwsh wrote them, escape sequences included.</summary>
        public Dictionary<string, List<string>> RawSections { get; } = new();

        public void Dispose() => _dir.Dispose();
    }

    public static TheoryData<string> Views => new() { "ledger", "findings", "models", "differences", "dryrun", "bundle", "check", "references", "configref", "ledgertable" };

    // The module's own views: pwsh colours the header of a Format-Table itself ($PSStyle.Formatting.TableHeader).
    public static TheoryData<string> OwnViews => new() { "ledger", "findings", "models", "differences", "dryrun", "bundle", "check", "references", "configref" };

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
    [InlineData("ledger", LongId + "-rb")]
    [InlineData("dryrun", "gpt-5.4-mini-2026-03-17")]
    public void AModelIdIsNeverBrokenAmongOtherText(string view, string id)
    {
        Assert.True(StandsWhole(_r.Sections[view], id), $"{view}: '{id}' is broken among other text:\n{string.Join("\n", _r.Sections[view])}");
    }

    [Fact]
    public void ALongIdStandsAloneOnItsLinesAndItsPiecesAreNotMixedWithText()
    {
        foreach (var view in new[] { "ledger", "findings", "models" })
        {
            var lines = _r.Sections[view];
            var first = lines.FindIndex(l => l.Length > 0 && LongId.StartsWith(l, StringComparison.Ordinal) && l.Length >= 40);
            Assert.True(first >= 0, $"{view}: the {LongId.Length}-character ID does not start a line of its own:\n{string.Join("\n", lines)}");
            Assert.Equal(LongId, lines[first] + lines[first + 1].Substring(0, LongId.Length - lines[first].Length));
        }
    }

    [Fact]
    public void AConfigRefIsNeverWrappedAtItsSpaces()
    {
        var reference = _r.Objects.RootElement.GetProperty("Refs").EnumerateArray().Select(e => e.GetString()!).Single();
        Assert.Contains(SpacedKey, reference);
        Assert.True(reference.Length > 80, reference);
        Assert.True(StandsWhole(_r.Sections["configref"], reference), "ref broken:\n" + string.Join("\n", _r.Sections["configref"]));
    }

    [Fact]
    public void TheModelListingHasColumnHeaders()
    {
        var lines = _r.Sections["models"];
        Assert.Contains(lines, l => Regex.IsMatch(l, "^Id +OwnedBy +Created$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^-- +------- +-------$"));
    }

    [Fact]
    public void TheLedgerTableLeadsWithServiceAndTheIdsAndTruncatesNone()
    {
        var lines = _r.Sections["ledgertable"].Where(l => l.Trim().Length > 0).ToList();
        var header = lines[0];
        Assert.Matches("^Service +CurrentModelId +RollbackModelId$", header);
        Assert.DoesNotContain("UseCase", string.Join("\n", lines));
        Assert.DoesNotContain(lines, l => l.Contains('\u2026') || l.Contains("..."));
        // Each column read top to bottom holds the whole IDs, in order.
        var current = header.IndexOf("CurrentModelId", StringComparison.Ordinal);
        var rollback = header.IndexOf("RollbackModelId", StringComparison.Ordinal);
        var column = string.Concat(lines.Skip(2).Select(l => l.Length <= current ? "" : l.Substring(current, Math.Min(l.Length, rollback) - current).Trim()));
        Assert.Contains(LongId, column);
        Assert.Contains("gpt-5.4-mini-2026-03-17", column);
        // IDs of ordinary length are whole on one line, so a reader can copy them from the table.
        foreach (var id in new[] { "gpt-5.4-mini-2026-03-17", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13" })
            Assert.Contains(lines, l => l.Contains(id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OwnViews))]
    public void ARedirectedViewWritesNoEscapeCodes(string view)
    {
        var escaped = _r.RawSections[view].Where(l => l.Contains('\u001b')).ToList();
        Assert.True(escaped.Count == 0, $"{view}: escape codes in a redirected log:\n{string.Join("\n", escaped.Select(l => l.Replace("\u001b", "<ESC>")))}");
    }

    [Theory]
    [InlineData("True", null, true)]
    [InlineData("True", "1", false)]
    [InlineData(null, null, false)]
    public void ColourInARedirectedLogOnlyInAzureDevOpsAndNeverWithNoColor(string? tfBuild, string? noColor, bool coloured)
    {
        var env = new Dictionary<string, string>();
        if (tfBuild != null) env["TF_BUILD"] = tfBuild;
        if (noColor != null) env["NO_COLOR"] = noColor;
        var run = RealPwsh.RunCommand("[ModelLedger.LedgerFinding]@{ Service = 's'; Check = 'CurrentModelAvailable'; Status = 'Fail'; ModelId = 'x'; Message = 'm' } | Out-Default", env);
        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("Fail  CurrentModelAvailable", run.PlainOut);
        Assert.Equal(coloured, run.Out.Contains("\u001b[91mFail"));
    }

    // The token on one line between blanks or line ends, or (longer than a line) as the whole of consecutive lines.
    private static bool StandsWhole(List<string> lines, string token)
    {
        if (lines.Any(l => Regex.IsMatch(l, $@"(^|\s){Regex.Escape(token)}(\s|$)"))) return true;
        for (var i = 0; i < lines.Count; i++)
        {
            var joined = "";
            for (var j = i; j < lines.Count && token.StartsWith(joined + lines[j], StringComparison.Ordinal) && lines[j].Length > 0; j++)
            {
                joined += lines[j];
                if (joined == token) return true;
            }
        }
        return false;
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
            // A word longer than the line (a quoted 90-character ID) stands alone in line-long pieces.
            if (message.Split(' ').Any(w => w.Length > 70)) Assert.Contains(Regex.Replace(message, @"\s+", ""), Regex.Replace(text, @"\s+", ""));
            else Assert.Contains(Normalize(message), text);
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
        Assert.True(StandsWhole(lines, LongId), string.Join("\n", lines));
    }

    private static string Normalize(string s) => Regex.Replace(s, @"\s+", " ").Trim();
}
