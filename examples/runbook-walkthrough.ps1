<#
.SYNOPSIS
    The whole runbook in one interactive walkthrough: ledger query, snapshot, gate, dry run, evidence.
.DESCRIPTION
    The steps an operator types during a release window, in order, on the embedded example data (no key, no network):
      1. query the ledger (which services lack an emergency alternative?)
      2. read the models snapshot (Get-CometModel -SnapshotPath; with -Live, capture one with the production key)
      3. gate the changed service on exact IDs
      4. rehearse its rollback in staging (a working copy of the example config)
      5. export and verify the evidence for the change record
    Each step prints what pwsh would show. It always runs on the embedded example data (for your own ledger, use the
    step scripts: release-gate.ps1, rollback-dry-run.ps1, release-evidence.ps1). Runs in pwsh and Windows
    PowerShell 5.1.
    Exit codes: 0 every step passed; 1 the gate, the dry run or the evidence failed (a checklist answer Failed or
    Missing), or pwsh could not bind a parameter (before the script runs; the error names it); 2 a step could not
    run.
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/runbook-walkthrough.ps1
.EXAMPLE
    pwsh ./examples/runbook-walkthrough.ps1 -Live    # step 2 calls GET /v1/models with $env:COMETAPI_API_KEY
#>
[CmdletBinding()]
param(
    [ValidateSet('support-router', 'report-writer', 'search-summarizer')] [string]$Service = 'support-router',
    [switch]$Live,
    [string]$EvidencePath = ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-walkthrough', 'CHG-1042'))
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"
$ErrorActionPreference = 'Stop'
$data = "$PSScriptRoot/data"
function Step([string]$Text) { $Host.UI.WriteLine(''); $Host.UI.WriteLine("== $Text") }

$work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-walkthrough-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$null = [System.IO.Directory]::CreateDirectory($work)
try {
    Step '1. The ledger: services without an emergency alternative'
    Get-ModelLedger "$data/ledger.json" | Where-Object EmergencyAlternative -eq $null | Out-Default

    Step '2. The models snapshot'
    $snapshot = "$data/models-snapshot.json"
    $asOf = [datetimeoffset]'2026-11-24T09:00:00Z'
    if ($Live) {
        $snapshot = [System.IO.Path]::Combine($work, 'models-snapshot.json')
        Get-CometModel -OutSnapshot $snapshot -CredentialLabel production
        $asOf = [datetimeoffset]::UtcNow
    }
    Get-CometModel -SnapshotPath $snapshot -Id (Get-ModelLedger "$data/ledger.json" -Service $Service).CurrentModelId | Out-Default

    Step "3. The gate for $Service"
    $findings = @(Get-ModelLedger "$data/ledger.json" -Service $Service | Test-ModelLedger -SnapshotPath $snapshot -ConfigRoot "$data/release" -AsOf $asOf)
    $findings | Out-Default

    Step "4. The rollback rehearsal for $Service"
    $config = [System.IO.Path]::Combine($work, 'staging.json')
    [System.IO.File]::Copy("$data/staging/support-router.config.json", $config)
    # The example's staging "service" is its config file: the probe reads the key the service reads.
    $probe = {
        param($ctx)
        $options = [System.Text.Json.JsonDocumentOptions]@{ CommentHandling = 'Skip'; AllowTrailingCommas = $true }
        $doc = [System.Text.Json.JsonDocument]::Parse([System.IO.File]::ReadAllText($ctx.ConfigPath), $options)
        try { $node = $doc.RootElement; foreach ($s in $ctx.ConfigKey.Split('.')) { $node = $node.GetProperty($s) }; $node.GetString() }
        finally { $doc.Dispose() }
    }
    $dryRun = Invoke-RollbackDryRun -Service $Service -LedgerPath "$data/ledger.json" -ConfigPath $config -ConfigKey llm.chat.model -ProbeScript $probe
    $dryRun | Out-Default

    Step '5. The evidence'
    $bundle = $findings | Export-RollbackEvidence -Path $EvidencePath -LedgerPath "$data/ledger.json" -PreviousLedgerPath "$data/ledger-previous.json" `
        -SnapshotPath $snapshot -DryRun $dryRun -ApprovedBy 'walkthrough operator' -Force -WarningAction SilentlyContinue
    $verified = Test-RollbackEvidence -Path $bundle.Path -Quiet
    $unproved = @($bundle.Checklist | Where-Object { $_.Status -in 'Failed', 'Missing' })
    $Host.UI.WriteLine("Evidence ($($bundle.Files.Count) files, verified: $verified):")
    $Host.UI.WriteLine("  $($bundle.Path)")
    $Host.UI.WriteLine("Checklist: $($bundle.Tally())")
    foreach ($a in $unproved) {
        foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap([ModelLedger.Rendering.UntrustedText]::ForDisplay("$a"), 77)) { $Host.UI.WriteLine("  $line") }
    }
}
catch {
    $Host.UI.WriteErrorLine("Walkthrough stopped [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)")
    exit 2
}
finally {
    [System.IO.Directory]::Delete($work, $true)
}

$failed = @($findings | Where-Object { [string]$_.Status -eq 'Fail' })
if ($failed.Count -gt 0 -or [string]$dryRun.Status -ne 'Passed' -or -not $verified -or $unproved.Count -gt 0) {
    $Host.UI.WriteLine('NOT READY: see the failed gate checks, the dry-run message or the')
    $Host.UI.WriteLine('checklist answers above.')
    exit 1
}
$Host.UI.WriteLine("READY: $Service can roll back, rehearsed, with verified evidence, to")
$Host.UI.WriteLine("  $([ModelLedger.Rendering.UntrustedText]::ForDisplay($dryRun.RollbackModelId))")
exit 0
