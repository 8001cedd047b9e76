using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests.Pwsh;

/// <summary>
/// What an operator reads when something goes wrong or when asking what happened, under real pwsh: the fix is in
/// $Error[0].ErrorDetails.RecommendedAction and printed once; -Verbose says which file was read and how much it held.
/// </summary>
public class OperatorMessageTests
{
    [Fact]
    public void AnErrorCarriesItsFixInErrorDetailsAndPrintsItOnce()
    {
        var run = RealPwsh.RunCommand(@"Get-ModelLedger ./no-such-ledger.json -ErrorAction SilentlyContinue
'id=' + $Error[0].FullyQualifiedErrorId
'details=' + $Error[0].ErrorDetails.RecommendedAction
'exception=' + $Error[0].Exception.RecommendedAction
Get-ModelLedger ./no-such-ledger.json 2>&1 | Out-String -Width 300");
        var lines = run.PlainOut.Replace("\r", "").Split('\n');
        Assert.Contains(lines, l => l.StartsWith("id=LedgerNotFound,", System.StringComparison.Ordinal));
        var details = lines.Single(l => l.StartsWith("details=", System.StringComparison.Ordinal)).Substring("details=".Length);
        var exception = lines.Single(l => l.StartsWith("exception=", System.StringComparison.Ordinal)).Substring("exception=".Length);
        Assert.False(string.IsNullOrWhiteSpace(details), run.ToString());
        Assert.Equal(exception, details);
        // The printed error says the fix once (pwsh 7 prints ErrorDetails.RecommendedAction as "Recommendation:").
        var printed = run.PlainOut.Substring(run.PlainOut.IndexOf("Get-ModelLedger:", System.StringComparison.Ordinal));
        Assert.Single(Regex.Matches(Regex.Replace(printed, @"\s+", " "), Regex.Escape(Regex.Replace(details, @"\s+", " "))));
    }

    [Fact]
    public void VerboseSaysWhichFilesWereReadAndHowManyEntriesAndModels()
    {
        var run = RealPwsh.RunCommand(@"$v = Test-ModelLedger ./examples/data/ledger.json -SnapshotPath ./examples/data/models-snapshot.json -Quiet -Verbose 4>&1
$v | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { 'V: ' + $_.Message }
Get-ModelLedger ./examples/data/ledger.json -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { 'V: ' + $_.Message }");
        Assert.True(run.Code == 0, run.ToString());
        var text = Regex.Replace(run.PlainOut, @"\s+", " ");
        Assert.Matches(@"V: Read ledger '[^']*examples/data/ledger\.json': 3 entries\.", text);
        Assert.Matches(@"V: Read snapshot '[^']*examples/data/models-snapshot\.json': \d+ models, captured \d{4}-", text);
    }

    [Fact]
    public void VerboseSaysWhichLedgerAnEditorOpenedAndWhatTheEvidenceWasMadeFrom()
    {
        using var dir = new TempDir();
        var ledger = dir.File("ledger.json");
        File.Copy(Repo.File("examples", "data", "ledger.json"), ledger);
        var run = RealPwsh.RunCommand($@"$l = '{ledger}'
Add-ModelLedgerEntry -Path $l -Service extra -CurrentModelId m-1 -Owner team -Verbose 4>&1 | ForEach-Object {{ 'V: ' + $_.Message }}
Set-ModelLedgerEntry -Path $l -Service extra -Owner other -Verbose 4>&1 | ForEach-Object {{ 'V: ' + $_.Message }}
Remove-ModelLedgerEntry -Path $l -Service extra -Confirm:$false -Verbose 4>&1 | ForEach-Object {{ 'V: ' + $_.Message }}
$f = Test-ModelLedger $l -SnapshotPath ./examples/data/models-snapshot.json -AsOf 2026-11-24T09:00:00Z -WarningAction SilentlyContinue
Export-RollbackEvidence -Path '{dir.File("evidence")}' -LedgerPath $l -SnapshotPath ./examples/data/models-snapshot.json -Finding $f -ChangeRef CHG-1 -WarningAction SilentlyContinue -Verbose 4>&1 |
    Where-Object {{ $_ -is [System.Management.Automation.VerboseRecord] }} | ForEach-Object {{ 'V: ' + $_.Message }}");
        Assert.True(run.Code == 0, run.ToString());
        var text = Regex.Replace(run.PlainOut, @"\s+", " ");
        Assert.Matches(@"V: Editing ledger '[^']*ledger\.json' under its lock: 3 entries\.", text);
        Assert.Equal(2, Regex.Matches(text, @"V: Editing ledger '[^']*ledger\.json' under its lock: 4 entries\.").Count);
        Assert.Matches(@"V: Evidence from the ledger '[^']*ledger\.json', 1 snapshot\(s\) \('[^']*models-snapshot\.json'\), \d+ findings and 0 dry-run results\.", text);
    }
}
