<#
.SYNOPSIS
    A model change end to end: promote with a snapshot, gate with the baseline ledger, keep the evidence.
.DESCRIPTION
    Works on a copy of the ledger in -WorkPath (review it, then commit it in place of yours):
      1. keeps the ledger as it is before the change (ledger.before.json, the baseline);
      2. promotes -NewModelId for -Service with Set-ModelLedgerEntry -Promote, checking every written ID
         against the models snapshot and opening a rollback window of -WindowDays for the ID it replaces;
      3. shows that a second promotion inside that window is refused (RollbackWindowOpen);
      4. gates the changed service with Test-ModelLedger -BaselineLedgerPath (RollbackWindowOpen included);
      5. exports the evidence with the ledger before and after, verifies it, and lists what the evidence still
         lacks (the rollback dry run comes next: examples/rollback-dry-run.ps1).
    With no parameters (other than -WorkPath) it promotes support-router in the example ledger, offline, as of
    the example's release time. Once you give any input it never falls back to the example: -LedgerPath,
    -SnapshotPath, -Service and -NewModelId are required, and -AsOf defaults to now.
    Exit codes: 0 promoted, gated without failures and evidence verified; 1 the gate failed or the evidence does
    not verify (pwsh also exits 1 when it cannot bind a parameter, before the script runs); 2 the promotion was
    refused or a step could not run (missing input, unreadable ledger or snapshot).
.EXAMPLE
    pwsh ./examples/promote-model.ps1
.EXAMPLE
    pwsh ./examples/promote-model.ps1 -LedgerPath ./ledger.json -SnapshotPath ./models.json
        -Service report-writer -NewModelId gpt-5.4-mini-2026-03-17 -ChangeRef CHG-2002
#>
[CmdletBinding()]
param(
    [string]$LedgerPath,
    [string]$SnapshotPath,
    [string]$Service,
    [string]$NewModelId,
    [string]$ChangeRef,
    [ValidateRange(1, 365)] [int]$WindowDays = 14,
    [string]$ApprovedBy,
    [string]$WorkPath = ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-promotion')),
    [datetimeoffset]$AsOf = [datetimeoffset]::UtcNow
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"
$ErrorActionPreference = 'Stop'

# Prose wraps at spaces within 80 columns; an ID or a path longer than a line stays whole on its own line.
function Say([string]$Text, [string]$Indent = '') {
    foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap($Text, 79 - $Indent.Length)) { $Host.UI.WriteLine($Indent + $line) }
}
function Stop-Promotion([string]$Reason) {
    foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap($Reason, 79)) { $Host.UI.WriteErrorLine($line) }
    exit 2
}
function Shown([string]$Value) { [ModelLedger.Rendering.UntrustedText]::ForDisplay($Value) }

$inputs = @('LedgerPath', 'SnapshotPath', 'Service', 'NewModelId', 'ChangeRef', 'WindowDays', 'ApprovedBy', 'AsOf')
if (-not @($inputs | Where-Object { $PSBoundParameters.ContainsKey($_) }).Count) {
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    $SnapshotPath = "$PSScriptRoot/data/models-snapshot.json"
    $Service = 'support-router'
    $NewModelId = 'claude-sonnet-4-5-20250929'
    $ChangeRef = 'CHG-2001'
    $ApprovedBy = 'j.doe (platform-ai owner)'
    $AsOf = [datetimeoffset]'2026-11-24T09:00:00Z'
    Say "No input given: promoting in the example ledger, as of $($AsOf.ToString('u'))."
}
else {
    $lacking = @('LedgerPath', 'SnapshotPath', 'Service', 'NewModelId' | Where-Object { -not $PSBoundParameters[$_] })
    if ($lacking.Count) { Stop-Promotion "Promotion could not run: -$($lacking -join ', -') missing." }
}

try {
    $null = New-Item -ItemType Directory -Force -Path $WorkPath
    $before = Join-Path $WorkPath 'ledger.before.json'
    $ledger = Join-Path $WorkPath 'ledger.json'
    Copy-Item -LiteralPath $LedgerPath -Destination $before -Force
    Copy-Item -LiteralPath $LedgerPath -Destination $ledger -Force
    $old = Get-ModelLedger $ledger -Service $Service
}
catch { Stop-Promotion "Promotion could not run [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)" }

$Host.UI.WriteLine('== 1. Baseline:')
$Host.UI.WriteLine("  $before")
$Host.UI.WriteLine("== 2. Promote for $(Shown $Service):")
# Each ID on its own line: a long ID is never broken inside.
$Host.UI.WriteLine('  currentModelId')
$Host.UI.WriteLine("    $(Shown $old.CurrentModelId)")
$Host.UI.WriteLine('  becomes')
$Host.UI.WriteLine("    $(Shown $NewModelId)")
$Host.UI.WriteLine('  rollbackModelId')
$Host.UI.WriteLine("    $(Shown $old.RollbackModelId)")
$Host.UI.WriteLine('  becomes')
$Host.UI.WriteLine("    $(Shown $old.CurrentModelId)")
$promotion = @{
    Path             = $ledger
    Service          = $Service
    Promote          = $NewModelId
    SnapshotPath     = $SnapshotPath
    LastValidated    = $AsOf
    ValidationMethod = 'models snapshot + staging dry run'
    RollbackUntil    = $AsOf.AddDays($WindowDays)
    AsOf             = $AsOf
}
if ($ChangeRef) { $promotion.ChangeRef = $ChangeRef }
try {
    $entry = Set-ModelLedgerEntry @promotion -PassThru
}
catch { Stop-Promotion "Promotion refused [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)" }
if ($entry.CurrentModelId -cne $NewModelId) {
    Stop-Promotion "Nothing was promoted: $(Shown $NewModelId) is already the current model ID of $(Shown $Service)."
}
$Host.UI.WriteLine("Promoted; rollback kept until $($entry.RollbackUntilText).")

$Host.UI.WriteLine('== 3. A second change inside the window is refused')
try {
    Set-ModelLedgerEntry -Path $ledger -Service $Service -Promote $entry.RollbackModelId -AsOf $AsOf.AddDays(1)
    $Host.UI.WriteLine('UNEXPECTED: the second promotion was accepted')
    exit 2
}
catch {
    $Host.UI.WriteLine('Refused as expected:')
    $Host.UI.WriteLine("  $($_.FullyQualifiedErrorId -replace ',.*')")
}

$Host.UI.WriteLine("== 4. Gate $(Shown $Service) against the snapshot and the baseline ledger")
try {
    $findings = @(Get-ModelLedger $ledger -Service $Service |
        Test-ModelLedger -SnapshotPath $SnapshotPath -BaselineLedgerPath $before -Deployed @{ $Service = $NewModelId } -AsOf $AsOf)
}
catch { Stop-Promotion "The gate could not run [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)" }
# Status and check on one line, the ID below: a long ID is never broken inside.
foreach ($f in $findings) {
    $Host.UI.WriteLine(("  {0,-4} {1}" -f $f.Status, $f.Check))
    if ($f.ModelId) { $Host.UI.WriteLine("       $($f.DisplayModelId())") }
}
$failed = @($findings | Where-Object { [string]$_.Status -eq 'Fail' })

$Host.UI.WriteLine('== 5. Evidence with the ledger before and after')
$evidence = Join-Path $WorkPath $(if ($ChangeRef) { $ChangeRef } else { 'evidence' })
$export = @{ Path = $evidence; LedgerPath = $ledger; PreviousLedgerPath = $before; SnapshotPath = $SnapshotPath; Force = $true }
if ($ApprovedBy) { $export.ApprovedBy = $ApprovedBy }
if ($ChangeRef) { $export.ChangeRef = $ChangeRef }
try {
    $bundle = $findings | Export-RollbackEvidence @export -WarningAction SilentlyContinue
    $verified = Test-RollbackEvidence -Path $bundle.Path -Quiet
}
catch { Stop-Promotion "The evidence could not be written [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)" }
$Host.UI.WriteLine("Evidence ($($bundle.Files.Count) files, verified: $verified):")
$Host.UI.WriteLine("  $($bundle.Path)")
Say "Checklist: $($bundle.Tally())"
foreach ($m in $bundle.Missing) { Say (Shown $m) '  ' }

if ($failed.Count -gt 0 -or -not $verified) {
    $Host.UI.WriteLine("NOT READY: $($failed.Count) gate check(s) failed")
    exit 1
}
$Host.UI.WriteLine("PROMOTED: $(Shown $Service) now sends")
$Host.UI.WriteLine("  $(Shown $entry.CurrentModelId)")
$Host.UI.WriteLine("with rollback, kept until $($entry.RollbackUntilText),")
$Host.UI.WriteLine("  $(Shown $entry.RollbackModelId)")
Say 'Next: rehearse the rollback (examples/rollback-dry-run.ps1) and export the evidence with it (examples/release-evidence.ps1).'
exit 0
