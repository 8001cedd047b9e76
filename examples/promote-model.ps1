<#
.SYNOPSIS
    A model change end to end: promote with a snapshot, gate with the baseline ledger, keep the evidence.
.DESCRIPTION
    Works on a copy of the example ledger (examples/data/ledger.json) in -WorkPath:
      1. keeps the ledger as it is before the change (ledger.before.json, the baseline);
      2. shows the promotion with -WhatIf, field by field, then promotes -NewModelId for -Service with
         Set-ModelLedgerEntry -Promote, checking every written ID against the models snapshot and opening a
         rollback window of -WindowDays for the ID it replaces;
      3. shows that a second promotion inside that window is refused (RollbackWindowOpen);
      4. gates the changed service with Test-ModelLedger -BaselineLedgerPath (RollbackWindowOpen included);
      5. exports the evidence with the ledger before and after, and verifies it.
    Offline: the snapshot file stands in for GET /v1/models; times are the example's release time (-AsOf).
    Exit codes: 0 promoted, gated without failures and evidence verified; 1 the gate failed or the evidence does
    not verify; 2 the promotion was refused or a step could not run.
.EXAMPLE
    pwsh ./examples/promote-model.ps1
.EXAMPLE
    pwsh ./examples/promote-model.ps1 -Service report-writer -NewModelId gpt-5.4-mini-2026-03-17 -ChangeRef CHG-2002
#>
param(
    [string]$LedgerPath = "$PSScriptRoot/data/ledger.json",
    [string]$SnapshotPath = "$PSScriptRoot/data/models-snapshot.json",
    [string]$Service = 'support-router',
    [string]$NewModelId = 'claude-sonnet-4-5-20250929',
    [string]$ChangeRef = 'CHG-2001',
    [int]$WindowDays = 14,
    [string]$WorkPath = ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-promotion')),
    [datetimeoffset]$AsOf = '2026-11-24T09:00:00Z'
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"
$ErrorActionPreference = 'Stop'

$null = New-Item -ItemType Directory -Force -Path $WorkPath
$before = Join-Path $WorkPath 'ledger.before.json'
$ledger = Join-Path $WorkPath 'ledger.json'
Copy-Item -LiteralPath $LedgerPath -Destination $before -Force
Copy-Item -LiteralPath $LedgerPath -Destination $ledger -Force

$Host.UI.WriteLine("== 1. Baseline: $before")
$Host.UI.WriteLine("== 2. Promote $NewModelId for $Service")
$promotion = @{
    Path             = $ledger
    Service          = $Service
    Promote          = $NewModelId
    SnapshotPath     = $SnapshotPath
    LastValidated    = $AsOf
    ValidationMethod = 'models snapshot + staging dry run'
    ChangeRef        = $ChangeRef
    RollbackUntil    = $AsOf.AddDays($WindowDays)
    AsOf             = $AsOf
}
Set-ModelLedgerEntry @promotion -WhatIf
try {
    $entry = Set-ModelLedgerEntry @promotion -PassThru
}
catch {
    $Host.UI.WriteErrorLine("Promotion refused [$($_.FullyQualifiedErrorId)]: $($_.Exception.Message)")
    exit 2
}
$Host.UI.WriteLine("Promoted: current $($entry.CurrentModelId), rollback $($entry.RollbackModelId) until $($entry.RollbackUntilText)")

$Host.UI.WriteLine("== 3. A second change inside the window is refused")
try {
    Set-ModelLedgerEntry -Path $ledger -Service $Service -Promote $entry.RollbackModelId -AsOf $AsOf.AddDays(1)
    $Host.UI.WriteLine("UNEXPECTED: the second promotion was accepted")
    exit 2
}
catch {
    $Host.UI.WriteLine("Refused as expected [$($_.FullyQualifiedErrorId)]")
}

$Host.UI.WriteLine("== 4. Gate $Service against the snapshot and the baseline ledger")
$findings = @(Get-ModelLedger $ledger -Service $Service |
    Test-ModelLedger -SnapshotPath $SnapshotPath -BaselineLedgerPath $before -Deployed @{ $Service = $NewModelId } -AsOf $AsOf)
foreach ($f in $findings) { $Host.UI.WriteLine(("  {0,-4} {1,-22} {2}" -f $f.Status, $f.Check, $f.ModelId)) }
$failed = @($findings | Where-Object { [string]$_.Status -eq 'Fail' })

$Host.UI.WriteLine("== 5. Evidence with the ledger before and after")
$evidence = Join-Path $WorkPath $ChangeRef
$bundle = $findings | Export-RollbackEvidence -Path $evidence -LedgerPath $ledger -PreviousLedgerPath $before -SnapshotPath $SnapshotPath `
    -ApprovedBy 'j.doe (platform-ai owner)' -ChangeRef $ChangeRef -Force -WarningAction SilentlyContinue
$verified = Test-RollbackEvidence -Path $bundle.Path -Quiet
$Host.UI.WriteLine("Evidence: $($bundle.Path) ($($bundle.Files.Count) files), verified: $verified")

if ($failed.Count -gt 0 -or -not $verified) {
    $Host.UI.WriteLine("NOT READY: $($failed.Count) gate check(s) failed")
    exit 1
}
$Host.UI.WriteLine("READY: $Service promoted to '$NewModelId', rollback '$($entry.RollbackModelId)' kept until $($entry.RollbackUntilText)")
exit 0
