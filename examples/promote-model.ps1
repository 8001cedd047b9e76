<#
.SYNOPSIS
    A model change end to end: promote with a snapshot, gate with the baseline ledger, keep the evidence.
.DESCRIPTION
    Never edits your ledger: it works on a copy, -WorkPath/ledger.json, and its last lines name that file and the
    command that takes it (review it, then copy it over yours and commit it):
      1. keeps the ledger as it is before the change (ledger.before.json, the baseline);
      2. promotes -NewModelId for -Service with Set-ModelLedgerEntry -Promote, checking every written ID
         against the models snapshot and opening a rollback window of -WindowDays for the ID it replaces;
      3. shows that a second promotion inside that window is refused (RollbackWindowOpen);
      4. gates the changed service with Test-ModelLedger -BaselineLedgerPath (RollbackWindowOpen included) and,
         with -ConfigRoot, the release's own config files (DeployedMatchesLedger);
      5. exports the evidence with the ledger before and after, verifies it, and lists what the evidence still
         lacks (the rollback dry run comes next: examples/rollback-dry-run.ps1).
    With no parameters (other than -WorkPath) it promotes support-router in the example ledger, offline, as of
    the example's release time, and gates a copy of the example release (-WorkPath/release) whose config refs
    were changed to the new ID. Once you give any input it never falls back to the example: -LedgerPath,
    -SnapshotPath, -Service and -NewModelId are required, and -AsOf defaults to now.
    Exit codes: 0 promoted, gated without failures and evidence verified; 1 the gate failed or the evidence does
    not verify (pwsh also exits 1 when it cannot bind a parameter, before the script runs); 2 the promotion was
    refused or a step could not run (missing input, -ConfigRoot missing for an entry with configRefs, unreadable
    ledger or snapshot). An incomplete evidence checklist does not change the exit code: the rollback dry run
    comes after the promotion, so the checklist cannot be complete yet; the output lists what is still to do,
    and examples/release-evidence.ps1 exits 1 until it is complete.
.PARAMETER ConfigRoot
    The release checkout (the files that will ship with the new ID): the gate reads the entry's configRefs there
    and DeployedMatchesLedger fails unless every one holds exactly -NewModelId. Required when the service's ledger
    entry has configRefs (exit 2 otherwise, before anything is promoted). For an entry without configRefs and no
    -ConfigRoot, the output says DeployedMatchesLedger was not checked; it is never reported as passed.
.PARAMETER WorkPath
    The folder the script writes: ledger.before.json (your ledger as it was), ledger.json (the promoted copy to
    review and commit in place of yours) and the evidence folder.
.EXAMPLE
    pwsh ./examples/promote-model.ps1
.EXAMPLE
    pwsh ./examples/promote-model.ps1 -LedgerPath ./ledger.json -SnapshotPath ./models.json
        -Service report-writer -NewModelId gpt-5.4-mini-2026-03-17 -ChangeRef CHG-2002 -ConfigRoot ./release
#>
[CmdletBinding()]
param(
    [string]$LedgerPath,
    [string]$SnapshotPath,
    [string]$Service,
    [string]$NewModelId,
    [string]$ConfigRoot,
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

$inputs = @('LedgerPath', 'SnapshotPath', 'Service', 'NewModelId', 'ConfigRoot', 'ChangeRef', 'WindowDays', 'ApprovedBy', 'AsOf')
$example = $false
if (-not @($inputs | Where-Object { $PSBoundParameters.ContainsKey($_) }).Count) {
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    $SnapshotPath = "$PSScriptRoot/data/models-snapshot.json"
    $Service = 'support-router'
    $NewModelId = 'claude-sonnet-4-5-20250929'
    $ChangeRef = 'CHG-2001'
    $ApprovedBy = 'j.doe (platform-ai owner)'
    $AsOf = [datetimeoffset]'2026-11-24T09:00:00Z'
    $example = $true
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
    if ($example) {
        # The example's release, as it would ship this promotion: a copy whose config refs hold the new ID.
        $ConfigRoot = Join-Path $WorkPath 'release'
        if (Test-Path -LiteralPath $ConfigRoot) { Remove-Item -LiteralPath $ConfigRoot -Recurse -Force }
        Copy-Item -LiteralPath "$PSScriptRoot/data/release" -Destination $ConfigRoot -Recurse
        foreach ($ref in $old.ConfigRefs) {
            $file = Join-Path $ConfigRoot ($ref -split '#')[0]
            [System.IO.File]::WriteAllText($file, [System.IO.File]::ReadAllText($file).Replace($old.CurrentModelId, $NewModelId))
        }
    }
}
catch { Stop-Promotion "Promotion could not run [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)" }
# The entry says where the release holds its ID: a gate that read no release there must not pass, so ask for it
# before anything is promoted (gating the new ID against itself would prove nothing).
if (-not $ConfigRoot -and $old.ConfigRefs) {
    Stop-Promotion "Promotion could not run: the ledger entry of $(Shown $Service) has configRefs, so the gate must read the release that ships the new ID. Pass -ConfigRoot <the release checkout>."
}

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
if ($ConfigRoot) {
    $Host.UI.WriteLine($(if ($example) { 'and the example release, its config refs changed to the new ID:' } else { 'and the release checkout (-ConfigRoot):' }))
    $Host.UI.WriteLine("  $ConfigRoot")
}
try {
    # What ships is read from the release's own files, never assumed: without -ConfigRoot it is not checked.
    $release = @{}
    if ($ConfigRoot) { $release.ConfigRoot = $ConfigRoot }
    $findings = @(Get-ModelLedger $ledger -Service $Service |
        Test-ModelLedger -SnapshotPath $SnapshotPath -BaselineLedgerPath $before -AsOf $AsOf @release -WarningAction SilentlyContinue)
}
catch { Stop-Promotion "The gate could not run [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)" }
# Status and check on one line, the ID below: a long ID is never broken inside.
foreach ($f in $findings) {
    $Host.UI.WriteLine(("  {0,-4} {1}" -f $f.Status, $f.Check))
    if ($f.ModelId) { $Host.UI.WriteLine("       $($f.DisplayModelId())") }
    if ([string]$f.Status -eq 'Fail') { Say (Shown $f.Message) '       ' }
}
if (-not $ConfigRoot) {
    Say "Not checked: DeployedMatchesLedger (no -ConfigRoot: no release file was read)." "  "
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
if (@($bundle.Missing).Count -gt 0) {
    # Expected here: the rollback dry run comes after the promotion. It does not change the exit code.
    Say 'Still to do before the release (release-evidence.ps1 exits 1 until done):'
    foreach ($m in $bundle.Missing) { Say (Shown $m) '  ' }
}

if ($failed.Count -gt 0 -or -not $verified) {
    $Host.UI.WriteLine("NOT READY: $($failed.Count) gate check(s) failed")
    $Host.UI.WriteLine('The promoted ledger (not ready to commit) is the copy:')
    $Host.UI.WriteLine("  $ledger")
    exit 1
}
$Host.UI.WriteLine("PROMOTED in the copy of your ledger: $(Shown $Service) now sends")
$Host.UI.WriteLine("  $(Shown $entry.CurrentModelId)")
$Host.UI.WriteLine("with rollback, kept until $($entry.RollbackUntilText),")
$Host.UI.WriteLine("  $(Shown $entry.RollbackModelId)")
$Host.UI.WriteLine('Your ledger is unchanged:')
$Host.UI.WriteLine("  $LedgerPath")
$Host.UI.WriteLine('The promoted ledger was written to:')
$Host.UI.WriteLine("  $ledger")
Say 'To take it: review it, copy it over yours (Copy-Item <promoted> <yours>), commit it.'
Say 'Next: rehearse the rollback (examples/rollback-dry-run.ps1) and export the evidence with it (examples/release-evidence.ps1).'
exit 0
