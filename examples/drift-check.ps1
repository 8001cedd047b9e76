<#
.SYNOPSIS
    Scheduled drift check: page only when an approved model ID is at risk (the runbook's "what not to automate").
.DESCRIPTION
    Compares yesterday's snapshot with today's and marks removals of IDs the ledger approves (current, rollback or
    emergency). New or removed unapproved models are listed for information and never page. Exit codes:
        0  nothing approved is at risk
        3  an approved ID disappeared (or is missing): page the owner
        1  the check could not run (missing or malformed snapshot or ledger)
.PARAMETER SnapshotFolder
    Scheduled-task mode: capture today's snapshot into this folder (models-<yyyyMMdd-HHmmss>.json, with the key in
    $env:COMETAPI_API_KEY) and compare it with the newest earlier snapshot there. The first run only captures.
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/drift-check.ps1
.EXAMPLE
    powershell.exe -NoProfile -NonInteractive -File C:\ModelLedger\examples\drift-check.ps1 -SnapshotFolder C:\ModelLedger\snapshots -LedgerPath C:\ModelLedger\ledger.json
.EXAMPLE
    pwsh -NoProfile -File ./examples/drift-check.ps1 -ReferencePath D:\snapshots\yesterday.json -DifferencePath D:\snapshots\today.json -LedgerPath D:\ledger.json
#>
param(
    [string]$ReferencePath = "$PSScriptRoot/data/models-snapshot-previous.json",
    [string]$DifferencePath = "$PSScriptRoot/data/models-snapshot.json",
    [string]$LedgerPath = "$PSScriptRoot/data/ledger.json",
    [string]$SnapshotFolder,
    [string]$CredentialLabel = 'production'
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"

if ($SnapshotFolder) {
    $folder = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($SnapshotFolder)
    $null = [System.IO.Directory]::CreateDirectory($folder)
    $earlier = @([System.IO.Directory]::GetFiles($folder, 'models-*.json') | ForEach-Object { [string]$_ })
    [System.Array]::Sort($earlier, [System.StringComparer]::Ordinal)
    $DifferencePath = [System.IO.Path]::Combine($folder, "models-$([datetime]::UtcNow.ToString('yyyyMMdd-HHmmss')).json")
    try { Get-CometModel -OutSnapshot $DifferencePath -CredentialLabel $CredentialLabel -ErrorAction Stop }
    catch {
        $Host.UI.WriteErrorLine("Drift check could not capture a snapshot ($($_.FullyQualifiedErrorId)): $($_.Exception.Message)")
        exit 1
    }
    if ($earlier.Count -eq 0) {
        $Host.UI.WriteLine("First snapshot captured: $DifferencePath. Nothing to compare yet.")
        exit 0
    }
    $ReferencePath = $earlier[$earlier.Count - 1]
    $Host.UI.WriteLine("Comparing $ReferencePath with $DifferencePath")
}

try {
    $changes = @(Compare-CometModelSnapshot -ReferencePath $ReferencePath -DifferencePath $DifferencePath -LedgerPath $LedgerPath -ErrorAction Stop)
}
catch {
    $Host.UI.WriteErrorLine("Drift check could not run ($($_.FullyQualifiedErrorId)): $($_.Exception.Message)")
    exit 1
}

$changes | Out-Default
$atRisk = @($changes | Where-Object AtRisk)
if ($atRisk.Count -gt 0) {
    $Host.UI.WriteLine("APPROVED IDS AT RISK: $(@($atRisk | ForEach-Object { "$($_.Id) ($($_.ApprovedAs))" }) -join '; ')")
    exit 3
}
$Host.UI.WriteLine("No approved model ID is at risk ($($changes.Count) unapproved changes).")
exit 0
