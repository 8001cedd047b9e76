<#
.SYNOPSIS
    Ledger review: which services are not rollback-ready on paper? (the runbook's "keep a small, reviewed ledger")
.DESCRIPTION
    Lists every ledger row, then the rows that miss a rollback ID, an emergency alternative or a rollback owner.
    Exit codes: 0 every service has a rollback ID; 1 a service has none (or pwsh could not bind a parameter, before
    the script runs: the error names it); 2 the ledger could not be read. With no -LedgerPath it reviews the
    embedded example ledger (examples/data/ledger.json). Uses only core cmdlets, so it runs in pwsh and Windows
    PowerShell 5.1 alike.
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/ledger-review.ps1
.EXAMPLE
    pwsh ./examples/ledger-review.ps1 -LedgerPath ./ledger.csv
#>
[CmdletBinding()]
param(
    [string]$LedgerPath
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"

if (-not $PSBoundParameters.ContainsKey('LedgerPath')) {
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    $Host.UI.WriteLine('No -LedgerPath given: reviewing the embedded example ledger.')
}
try { $entries = @(Get-ModelLedger -Path $LedgerPath -ErrorAction Stop) }
catch {
    $Host.UI.WriteErrorLine("The ledger could not be read [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)")
    exit 2
}
$entries | Out-Default

# One service per line under each heading: a long service name is never broken inside.
function Write-Services([string]$Heading, [object[]]$Entries) {
    $Host.UI.WriteLine("${Heading}: $(if ($Entries.Count) { $Entries.Count } else { 'none' })")
    foreach ($e in $Entries) { $Host.UI.WriteLine("  $([ModelLedger.Rendering.UntrustedText]::ForDisplay($e.Service))") }
}
$noRollback = @($entries | Where-Object RollbackModelId -eq $null)
Write-Services 'Services without a rollback model ID' $noRollback
Write-Services 'Services without an emergency alternative' @($entries | Where-Object EmergencyAlternative -eq $null)
Write-Services 'Services without a rollback owner' @($entries | Where-Object RollbackOwner -eq $null)

if ($noRollback.Count -gt 0) { exit 1 }
exit 0
