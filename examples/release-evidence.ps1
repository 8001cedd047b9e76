<#
.SYNOPSIS
    Runbook step 6: end the release by exporting the rollback evidence for the change record, and verify it.
.DESCRIPTION
    For the embedded example change CHG-1042 (support-router moves from gpt-4o-2024-08-06 to gpt-5.4-mini-2026-03-17,
    with gpt-4o-2024-08-06 as its rollback): gates the changed service against the models snapshot, rehearses its
    rollback on a working copy of the staging config, exports the evidence folder (ledger rows before and after,
    snapshot, gate result, dry-run result, owner approval, summary.md answering the operator checklist, manifest.json)
    and re-hashes it with Test-RollbackEvidence. Uses only core cmdlets and .NET, so it runs in pwsh, Windows
    PowerShell 5.1.

    Exit codes: 0 the evidence was written and verifies against its manifest; 1 the evidence is incomplete (the
    output says what is missing) or does not verify; 2 the evidence could not be written.
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/release-evidence.ps1
.EXAMPLE
    pwsh ./examples/release-evidence.ps1 -LedgerPath ./ledger.json -PreviousLedgerPath ./ledger.before.json -SnapshotPath ./models.json -ApprovedBy 'j.doe' -OutputPath ./evidence/CHG-1042
#>
param(
    [string]$LedgerPath = "$PSScriptRoot/data/ledger.json",
    [string]$PreviousLedgerPath = "$PSScriptRoot/data/ledger-previous.json",
    [string]$SnapshotPath = "$PSScriptRoot/data/models-snapshot.json",
    [string]$Service = 'support-router',
    [string]$ConfigPath,
    [string]$ConfigKey = 'llm.chat.model',
    [string]$ApprovedBy = 'j.doe (platform-ai owner)',
    [string]$OutputPath = ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-evidence', 'CHG-1042')),
    [datetimeoffset]$AsOf = '2026-11-24T09:00:00Z'
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"
$ErrorActionPreference = 'Stop'

$work = $null
if (-not $ConfigPath) {
    $work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "modelledger-staging-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = [System.IO.Directory]::CreateDirectory($work)
    $ConfigPath = [System.IO.Path]::Combine($work, 'support-router.config.json')
    [System.IO.File]::Copy("$PSScriptRoot/data/staging/support-router.config.json", $ConfigPath)
}
$probe = { param($ctx) [regex]::Match([System.IO.File]::ReadAllText($ctx.ConfigPath), '"model":\s*"([^"]*)"').Groups[1].Value }

try {
    # Step 4 for the changed service, judged at the example's release time; step 5 on staging.
    $findings = @(Get-ModelLedger $LedgerPath -Service $Service | Test-ModelLedger -SnapshotPath $SnapshotPath -AsOf $AsOf -CredentialLabel production)
    $dryRun = Invoke-RollbackDryRun -Service $Service -LedgerPath $LedgerPath -ConfigPath $ConfigPath -ConfigKey $ConfigKey -ProbeScript $probe

    # Step 6: the evidence folder for the change record.
    $export = @{ Path = $OutputPath; LedgerPath = $LedgerPath; PreviousLedgerPath = $PreviousLedgerPath; SnapshotPath = $SnapshotPath; DryRun = $dryRun }
    if ($ApprovedBy) { $export.ApprovedBy = $ApprovedBy }   # no approval yet: the bundle is still written and says so
    $bundle = $findings | Export-RollbackEvidence @export -Force -WarningAction SilentlyContinue
}
catch {
    $Host.UI.WriteErrorLine("Evidence could not be written [$($_.FullyQualifiedErrorId)]: $($_.Exception.Message)")
    exit 2
}
finally {
    if ($work) { [System.IO.Directory]::Delete($work, $true) }
}

$Host.UI.WriteLine("Evidence folder: $($bundle.Path)")
# The manifest's own hash anchors the bundle: with it in the change ticket, a manifest recomputed after an edit fails.
$Host.UI.WriteLine("Manifest SHA-256 (record it in the change ticket): $($bundle.ManifestSha256)")
foreach ($answer in $bundle.Checklist) { $Host.UI.WriteLine(("  {0,-8} {1}" -f $answer.Status, $answer.Item)) }
$failed = @(Test-RollbackEvidence -Path $bundle.Path -ManifestSha256 $bundle.ManifestSha256 | Where-Object { [string]$_.Status -eq 'Fail' })
if ($failed.Count -gt 0) {
    foreach ($f in $failed) { $Host.UI.WriteLine("NOT VERIFIED: $($f.File): $($f.Message)") }
    exit 1
}
$Host.UI.WriteLine("Evidence verified: $($bundle.Files.Count) files match manifest.json.")
if ($bundle.Missing.Count -gt 0) {
    $Host.UI.WriteLine("EVIDENCE INCOMPLETE, missing: $($bundle.Missing -join '; ')")
    exit 1
}
exit 0
