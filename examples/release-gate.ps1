<#
.SYNOPSIS
    The runbook's deploy gate (steps 2-4): ledger + models snapshot -> findings table -> JUnit file -> exit code.
.DESCRIPTION
    Checks every ledger entry against a models snapshot with exact string matching and prints one finding per
    service and check. Exit codes, for Azure DevOps and scheduled tasks:
        0  no check failed (warnings allowed)
        1  at least one check failed: do not release. pwsh itself also exits 1, before the script runs, when it
           cannot bind a parameter (a misspelled name, a value of the wrong type): the error names it.
        2  the gate could not run (missing or malformed ledger/snapshot, endpoint error, or inputs that do not
           make a gate: -LedgerPath without -SnapshotPath or -Live): treat as a failure
    With no parameters at all it gates the embedded example data (examples/data) as of the example's release time,
    so the output is the same every day (one service passes, one fails, one warns): exit 1 by design. Once you give
    any input (-LedgerPath, -SnapshotPath, -Live, -ConfigRoot, ...) it never falls back to the example: -LedgerPath
    and one of -SnapshotPath or -Live are required, and the gate is judged as of now.
.PARAMETER ConfigRoot
    The release checkout the ledger's configRefs are relative to: every ref must hold the ledger's current ID.
.PARAMETER BaselineConfigRoot
    The previous release's checkout: a model change shipped with other changes in the same file needs a rollback owner.
.PARAMETER Service
    Gate only these services (a name equal to a ledger service selects exactly it; otherwise a wildcard). A gate that
    judges no entry, or a name that selects none, exits 2.
.PARAMETER Live
    Capture a fresh snapshot from the models endpoint first (needs COMETAPI_API_KEY), saved to -SnapshotOut.
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/release-gate.ps1
.EXAMPLE
    pwsh ./examples/release-gate.ps1 -LedgerPath ./ledger.json -Live -CredentialLabel production -JUnitPath ./out/gate.xml
#>
[CmdletBinding()]
param(
    [string]$LedgerPath,
    [string]$SnapshotPath,
    [switch]$Live,
    [string]$SnapshotOut,
    [string]$CredentialLabel,
    [hashtable]$Deployed,
    [string[]]$Service,
    [string]$ConfigRoot,
    [string]$BaselineConfigRoot,
    [timespan]$MaxSnapshotAge = [timespan]::FromHours(24),
    [string]$JUnitPath = ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-gate.xml'))
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"
$ErrorActionPreference = 'Stop'

function Stop-Gate([string]$Reason) {
    $Host.UI.WriteErrorLine("The gate could not run: $Reason")
    exit 2
}

$gate = @{ MaxSnapshotAge = $MaxSnapshotAge }
# Output options do not count as input: only these parameters say whose release is gated.
$inputs = @('LedgerPath', 'SnapshotPath', 'Live', 'SnapshotOut', 'CredentialLabel', 'Deployed', 'ConfigRoot', 'BaselineConfigRoot')
$given = @($inputs | Where-Object { $PSBoundParameters.ContainsKey($_) })
if ($given.Count -eq 0) {
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    $SnapshotPath = "$PSScriptRoot/data/models-snapshot.json"
    $ConfigRoot = "$PSScriptRoot/data/release"
    $BaselineConfigRoot = "$PSScriptRoot/data/release-baseline"
    # The example is judged as of its own release time, so its freshness check does not drift with the calendar.
    $gate.AsOf = [datetimeoffset]'2026-11-24T09:00:00Z'
    $Host.UI.WriteLine('No input given: gating the embedded example data (examples/data)')
    $Host.UI.WriteLine("as of its release time, $($gate.AsOf.ToString('u')).")
}
else {
    if (-not $LedgerPath) { Stop-Gate "-$($given[0]) was given without -LedgerPath. Name the ledger to gate." }
    if ($Live -and $SnapshotPath) { Stop-Gate '-Live and -SnapshotPath both name the models list. Pass one.' }
    if (-not $Live -and -not $SnapshotPath) {
        Stop-Gate '-LedgerPath needs -SnapshotPath (a saved snapshot) or -Live (capture one now).'
    }
    if ($BaselineConfigRoot -and -not $ConfigRoot) { Stop-Gate '-BaselineConfigRoot needs -ConfigRoot (the release checkout).' }
}
if ($Live) {
    if (-not $SnapshotOut) { $SnapshotOut = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "models-snapshot-$([datetime]::UtcNow.ToString('yyyyMMddTHHmmssZ')).json") }
    $captureArgs = @{ OutSnapshot = $SnapshotOut }
    if ($CredentialLabel) { $captureArgs.CredentialLabel = $CredentialLabel }
    try { $null = Get-CometModel @captureArgs }
    catch { Stop-Gate "the snapshot capture failed [$($_.FullyQualifiedErrorId)]: $($_.Exception.Message)" }
    $SnapshotPath = $SnapshotOut
}
if ($CredentialLabel) { $gate.CredentialLabel = $CredentialLabel }
if ($Deployed) { $gate.Deployed = $Deployed }
if ($Service) { $gate.Service = $Service }
if ($ConfigRoot) { $gate.ConfigRoot = $ConfigRoot }
if ($BaselineConfigRoot) { $gate.BaselineConfigRoot = $BaselineConfigRoot }

try {
    $findings = @(Test-ModelLedger -Path $LedgerPath -SnapshotPath $SnapshotPath -OutputFormat JUnit -OutputPath $JUnitPath @gate)
}
catch {
    Stop-Gate "[$($_.FullyQualifiedErrorId)] $($_.Exception.Message)"
}

$findings | Out-Default
$failed = @($findings | Where-Object Status -eq 'Fail')
$warned = @($findings | Where-Object Status -eq 'Warn')
$passed = $findings.Count - $failed.Count - $warned.Count
$Host.UI.WriteLine("Gate: $($failed.Count) failed, $($warned.Count) warnings, $passed passed. JUnit report:")
$Host.UI.WriteLine("  $JUnitPath")
if ($failed.Count -gt 0) {
    $Host.UI.WriteLine('RELEASE BLOCKED by these checks (service, check, model ID):')
    # One service per line, the check below it: a long service name or ID is never broken inside.
    foreach ($f in $failed) {
        $Host.UI.WriteLine("  $($f.DisplayService())")
        $Host.UI.WriteLine("    $($f.Check)")
        if ($f.ModelId) { $Host.UI.WriteLine("      $($f.DisplayModelId())") }
    }
    exit 1
}
$Host.UI.WriteLine('Release may proceed.')
exit 0
