using System.IO;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The round trips PowerShell users do, under real pwsh: Get-ModelLedger | Export-Csv (with and without the #TYPE
/// line Windows PowerShell 5.1 writes by default, in a day-first culture) and | ConvertTo-Json (array, single
/// object, and the ledger document shape) read back with Get-ModelLedger to the same entries.
/// </summary>
public class LedgerRoundTripTests
{
    // Values are untrusted text: a newline, a logging command, backticks, quotes, commas and ';' inside a ref.
    internal const string Ledger = @"{ ""schemaVersion"": 1,
  ""entries"": [
    { ""service"": ""support-router"", ""useCase"": ""Intent, classification"", ""currentModelId"": ""gpt-4o-2024-08-06"",
      ""rollbackModelId"": ""gpt-4o-2024-05-13"", ""emergencyAlternative"": null, ""owner"": ""platform-ai"", ""rollbackOwner"": ""sre-oncall"",
      ""lastValidated"": ""2026-05-10T09:30:00Z"", ""validationMethod"": ""models snapshot + staging dry run"", ""changeRef"": ""CHG-1042"",
      ""notes"": ""line one\nline two ##vso[task.complete result=Succeeded] `$(x)` \""quoted\"""",
      ""configRefs"": [""deploy/support-router/appsettings.json#Llm.Model"", ""deploy/litellm/config.yaml#model_list[model_name=support-router].litellm_params.model#openai/{id}""],
      ""rollbackUntil"": ""2026-06-01T00:00:00Z"" },
    { ""service"": ""report-writer"", ""currentModelId"": ""gpt-5.4-mini-2026-03-17"", ""owner"": ""data-products"", ""lastValidated"": ""2026-01-02"" }
  ] }";

    [Fact]
    public void ExportCsvAndConvertToJsonReadBackToTheSameEntries()
    {
        using var dir = new TempDir();
        var ledger = dir.Write("ledger.json", Ledger);
        var (code, output, err) = RealPwsh.Run(dir, "param($Ledger, $Dir)", @"# A day-first culture: Export-Csv writes LastValidated as 10/05/2026, which must never read back as October.
[cultureinfo]::CurrentCulture = 'en-GB'
$entries = Get-ModelLedger $Ledger
$entries | Export-Csv (Join-Path $Dir 'pwsh7.csv')
$entries | Export-Csv (Join-Path $Dir 'ps51.csv') -IncludeTypeInformation
$entries | ConvertTo-Json | Set-Content (Join-Path $Dir 'array.json')
$entries[0] | ConvertTo-Json | Set-Content (Join-Path $Dir 'single.json')
@{ schemaVersion = 1; entries = @($entries) } | ConvertTo-Json -Depth 4 | Set-Content (Join-Path $Dir 'document.json')
# Every field's one text form (ISO dates, ';'-joined lists), entry by entry, as the evidence diff compares them.
# LedgerDiff is internal to the core: called by reflection on the module's own copy.
$LedgerDiff = [ModelLedger.LedgerEntry].Assembly.GetType('ModelLedger.Evidence.LedgerDiff', $true)
function Signature($list) { ($list | ForEach-Object { $LedgerDiff.GetMethod('Fields').Invoke($null, @($_.psobject.BaseObject)) | ForEach-Object { '{0}={1}' -f $_.Item1, $_.Item2 } }) -join '|' }
$expected = Signature $entries
foreach ($f in 'pwsh7.csv', 'ps51.csv', 'array.json', 'single.json', 'document.json') {
    $back = @(Get-ModelLedger (Join-Path $Dir $f))
    $want = if ($f -eq 'single.json') { Signature $entries[0] } else { $expected }
    $same = (Signature $back) -ceq $want -and @($LedgerDiff.GetMethod('Compare').Invoke($null, @([ModelLedger.LedgerEntry[]]@($entries | Select-Object -First $back.Count), [ModelLedger.LedgerEntry[]]$back))).Count -eq 0
    '{0} {1} {2} same={3}' -f $f, $back.Count, $back[0].LastValidated.UtcDateTime.ToString('yyyy-MM-dd'), $same
}
", "-Ledger", ledger, "-Dir", dir.Path);
        Assert.True(code == 0, output + err);
        foreach (var line in new[] { "pwsh7.csv 2 2026-05-10 same=True", "ps51.csv 2 2026-05-10 same=True", "array.json 2 2026-05-10 same=True",
                                     "single.json 1 2026-05-10 same=True", "document.json 2 2026-05-10 same=True" })
            Assert.Contains(line, output);
        Assert.StartsWith("#TYPE ModelLedger.LedgerEntry", File.ReadAllText(dir.File("ps51.csv")));
        // The culture-formatted column is there (day first) and is not what was read.
        Assert.Contains("10/05/2026", File.ReadAllText(dir.File("pwsh7.csv")));
    }
}
