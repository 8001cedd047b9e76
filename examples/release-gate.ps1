<#
.SYNOPSIS
    The runbook's deploy gate (steps 2-4): ledger + models snapshot -> findings table -> JUnit file -> exit code.
.DESCRIPTION
    Checks every ledger entry against a models snapshot with exact string matching and prints one finding per
    service and check. Exit codes, for Azure DevOps and scheduled tasks:
        0  no check failed (warnings allowed)
        1  at least one check failed: do not release
        2  the gate could not run (missing or malformed ledger/snapshot, endpoint error): treat as a failure
    With no -SnapshotPath and no -Live, it gates the embedded example data as of the example's release time, so the
    output is the same every day (one service passes, one fails, one warns). With no -LedgerPath it also reads the
    embedded release tree (data/release: a LiteLLM config.yaml, Helm values, an appsettings.json and a compose .env)
    against its previous release (data/release-baseline), so DeployedMatchesLedger is judged from the files.
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

$gate = @{ MaxSnapshotAge = $MaxSnapshotAge }
if (-not $LedgerPath) {
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    if (-not $ConfigRoot) { $ConfigRoot = "$PSScriptRoot/data/release"; $BaselineConfigRoot = "$PSScriptRoot/data/release-baseline" }
}
if ($Live) {
    if (-not $SnapshotOut) { $SnapshotOut = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "models-snapshot-$([datetime]::UtcNow.ToString('yyyyMMddTHHmmssZ')).json") }
    $captureArgs = @{ OutSnapshot = $SnapshotOut }
    if ($CredentialLabel) { $captureArgs.CredentialLabel = $CredentialLabel }
    try { $null = Get-CometModel @captureArgs } catch { $Host.UI.WriteErrorLine("Snapshot capture failed ($($_.FullyQualifiedErrorId)): $($_.Exception.Message)"); exit 2 }
    $SnapshotPath = $SnapshotOut
}
elseif (-not $SnapshotPath) {
    $SnapshotPath = "$PSScriptRoot/data/models-snapshot.json"
    # The embedded example is judged as of its own release time, so its freshness check does not drift with the calendar.
    $gate.AsOf = [datetimeoffset]'2026-11-24T09:00:00Z'
    $Host.UI.WriteLine("Gating the embedded example data as of its release time, $($gate.AsOf.ToString('u')).")
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
    $Host.UI.WriteErrorLine("The gate could not run ($($_.FullyQualifiedErrorId)): $($_.Exception.Message)")
    exit 2
}

$findings | Out-Default
$failed = @($findings | Where-Object Status -eq 'Fail')
$warned = @($findings | Where-Object Status -eq 'Warn')
$Host.UI.WriteLine("Gate: $($failed.Count) failed, $($warned.Count) warnings, $($findings.Count - $failed.Count - $warned.Count) passed. JUnit: $JUnitPath")
if ($failed.Count -gt 0) {
    $Host.UI.WriteLine("RELEASE BLOCKED: $(@($failed | ForEach-Object { "$($_.Service)/$($_.Check)" }) -join ', ')")
    exit 1
}
$Host.UI.WriteLine('Release may proceed.')
exit 0
