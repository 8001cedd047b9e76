<#
.SYNOPSIS
    Ledger review: which services are not rollback-ready on paper? (the runbook's "keep a small, reviewed ledger")
.DESCRIPTION
    Lists every ledger row, then the rows that miss a rollback ID, an emergency alternative or a rollback owner.
    Exits 1 when a service has no rollback ID. Uses only core cmdlets, so it runs in pwsh and Windows PowerShell 5.1 alike.
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/ledger-review.ps1
.EXAMPLE
    pwsh ./examples/ledger-review.ps1 -LedgerPath ./ledger.csv
#>
param(
    [string]$LedgerPath = "$PSScriptRoot/data/ledger.json"
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"

$entries = Get-ModelLedger -Path $LedgerPath -ErrorAction Stop
$entries | Out-Default

$noRollback = @($entries | Where-Object RollbackModelId -eq $null)
$noEmergency = @($entries | Where-Object EmergencyAlternative -eq $null)
$noRollbackOwner = @($entries | Where-Object RollbackOwner -eq $null)

$Host.UI.WriteLine("Services without a rollback model ID:     $(@($noRollback.Service) -join ', ')")
$Host.UI.WriteLine("Services without an emergency alternative: $(@($noEmergency.Service) -join ', ')")
$Host.UI.WriteLine("Services without a rollback owner:        $(@($noRollbackOwner.Service) -join ', ')")

if ($noRollback.Count -gt 0) { exit 1 }
exit 0
