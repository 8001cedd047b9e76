<#
.SYNOPSIS
    Runbook step 2: snapshot the model identifiers CometAPI lists for a production-equivalent key.
.DESCRIPTION
    Calls GET {BaseUri}/v1/models once (Authorization: Bearer, Accept: application/json), writes the snapshot
    artifact atomically (capturedAt, source, credentialLabel, responseSha256, models) and prints the sorted,
    unique model IDs - what the runbook's curl | jq -r '.data[]?.id' | sort -u does, but with classified errors,
    retries, and a file a release gate (Test-ModelLedger -SnapshotPath) and the evidence bundle can use offline.

    The key comes from -ApiKey or $env:COMETAPI_API_KEY and never reaches the screen or the file.
    Exit codes: 0 snapshot written; 2 the snapshot could not be captured (the endpoint could not be read, no key,
    or the snapshot not written; the error says why and what to do), as "could not run" in the other example
    scripts; 1 only when pwsh cannot bind a parameter (before the script runs; the error names it). It has no
    example mode: it always calls the endpoint. Uses only core cmdlets, so it runs in pwsh and Windows PowerShell 5.1.
.EXAMPLE
    $env:COMETAPI_API_KEY = '<production-equivalent key>'
    dotnet pwsh -NoProfile -File examples/snapshot-models.ps1 -OutSnapshot ./artifacts/models-snapshot.json -CredentialLabel production
.EXAMPLE
    pwsh ./examples/snapshot-models.ps1 -BaseUri https://api.cometapi.com -OutSnapshot ./models.json -CredentialLabel personal
#>
[CmdletBinding()]
param(
    [string]$BaseUri,
    [securestring]$ApiKey,
    [string]$OutSnapshot = "./models-snapshot.json",
    [string]$CredentialLabel = "production"
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"

$params = @{ OutSnapshot = $OutSnapshot; CredentialLabel = $CredentialLabel; PassThru = $true; ErrorAction = 'Stop' }
if ($BaseUri) { $params.BaseUri = $BaseUri }
if ($ApiKey) { $params.ApiKey = $ApiKey }

try {
    $models = @(Get-CometModel @params)
}
catch {
    foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap("Snapshot failed [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)", 79)) { $Host.UI.WriteErrorLine($line) }
    exit 2
}

$ids = [string[]]@($models | ForEach-Object Id)
[System.Array]::Sort($ids, [System.StringComparer]::Ordinal)
foreach ($id in $ids) { $Host.UI.WriteLine([ModelLedger.Rendering.UntrustedText]::ForDisplay($id)) }

# Read the artifact back (no network call) to prove the gate will be able to use it.
$path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutSnapshot)
$check = @(Get-CometModel -SnapshotPath $path -ErrorAction Stop)
$Host.UI.WriteLine("Snapshot of $($check.Count) models captured with the '$CredentialLabel' credential:")
$Host.UI.WriteLine("  $path")
exit 0
