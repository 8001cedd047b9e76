<#
.SYNOPSIS
    Scheduled drift check: page only when an approved model ID is at risk (the runbook's "what not to automate").
.DESCRIPTION
    Compares yesterday's snapshot with today's and marks removals of IDs the ledger approves (current, rollback or
    emergency). New or removed unapproved models are listed for information and never page. Exit codes:
        0  nothing approved is at risk
        3  an approved ID disappeared (or is missing): page the owner
        1  the check could not run (missing or malformed snapshot or ledger, inputs that do not make a check, or a
           parameter pwsh cannot bind: the error names it)
    With no parameters at all it compares the embedded example snapshots (examples/data). Once you give any input
    it never falls back to the example: -LedgerPath is required, with -SnapshotFolder or with both -ReferencePath
    and -DifferencePath.
.PARAMETER BaseUri
    The models endpoint's base URI in -SnapshotFolder mode (default: $env:COMETAPI_BASE_URL, else CometAPI).
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
[CmdletBinding()]
param(
    [string]$ReferencePath,
    [string]$DifferencePath,
    [string]$LedgerPath,
    [string]$SnapshotFolder,
    [string]$BaseUri,
    [string]$CredentialLabel = 'production'
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"

function Stop-Check([string]$Reason) {
    $Host.UI.WriteErrorLine("Drift check could not run: $Reason")
    exit 1
}

if ($PSBoundParameters.Count -eq 0) {
    $ReferencePath = "$PSScriptRoot/data/models-snapshot-previous.json"
    $DifferencePath = "$PSScriptRoot/data/models-snapshot.json"
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    $Host.UI.WriteLine('No input given: comparing the embedded example snapshots (examples/data).')
}
elseif (-not $LedgerPath) { Stop-Check '-LedgerPath is required: it says which model IDs are approved.' }
elseif ($SnapshotFolder -and ($ReferencePath -or $DifferencePath)) {
    Stop-Check 'pass -SnapshotFolder (capture and compare) or -ReferencePath and -DifferencePath, not both.'
}
elseif (-not $SnapshotFolder -and -not ($ReferencePath -and $DifferencePath)) {
    Stop-Check 'pass -SnapshotFolder, or both -ReferencePath and -DifferencePath.'
}
elseif ($BaseUri -and -not $SnapshotFolder) { Stop-Check '-BaseUri is used only with -SnapshotFolder (a capture).' }

if ($SnapshotFolder) {
    $folder = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($SnapshotFolder)
    $null = [System.IO.Directory]::CreateDirectory($folder)
    $earlier = @([System.IO.Directory]::GetFiles($folder, 'models-*.json') | ForEach-Object { [string]$_ })
    [System.Array]::Sort($earlier, [System.StringComparer]::Ordinal)
    $DifferencePath = [System.IO.Path]::Combine($folder, "models-$([datetime]::UtcNow.ToString('yyyyMMdd-HHmmss')).json")
    $capture = @{ OutSnapshot = $DifferencePath; CredentialLabel = $CredentialLabel; ErrorAction = 'Stop' }
    if ($BaseUri) { $capture.BaseUri = $BaseUri }
    try { Get-CometModel @capture }
    catch { Stop-Check "no snapshot was captured [$($_.FullyQualifiedErrorId)]: $($_.Exception.Message)" }
    if ($earlier.Count -eq 0) {
        $Host.UI.WriteLine('First snapshot captured; nothing to compare yet:')
        $Host.UI.WriteLine("  $DifferencePath")
        exit 0
    }
    $ReferencePath = $earlier[$earlier.Count - 1]
    $Host.UI.WriteLine('Comparing the earlier snapshot')
    $Host.UI.WriteLine("  $ReferencePath")
    $Host.UI.WriteLine('with today''s')
    $Host.UI.WriteLine("  $DifferencePath")
}

try {
    $changes = @(Compare-CometModelSnapshot -ReferencePath $ReferencePath -DifferencePath $DifferencePath -LedgerPath $LedgerPath -ErrorAction Stop)
}
catch {
    Stop-Check "[$($_.FullyQualifiedErrorId)] $($_.Exception.Message)"
}

$changes | Out-Default
$atRisk = @($changes | Where-Object AtRisk)
if ($atRisk.Count -gt 0) {
    # One ID per line, what the ledger approves it as below it: a long ID is never broken inside.
    $Host.UI.WriteLine('APPROVED IDS AT RISK (page the owner):')
    foreach ($c in $atRisk) {
        $Host.UI.WriteLine("  $([ModelLedger.Rendering.UntrustedText]::ForDisplay($c.Id))")
        $Host.UI.WriteLine("    $([ModelLedger.Rendering.UntrustedText]::ForDisplay($c.ApprovedAs))")
    }
    exit 3
}
$Host.UI.WriteLine("No approved model ID is at risk ($($changes.Count) unapproved changes).")
exit 0
