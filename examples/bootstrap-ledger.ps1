<#
.SYNOPSIS
    Day one: draft a ledger from where a repository already sends model IDs (New-ModelLedger, with exit codes).
.DESCRIPTION
    Runs New-ModelLedger on the repository (default: the example platform tree in examples/data/platform, which has
    a LiteLLM config, a Helm chart, an ASP.NET service and a compose project) and prints the drafted entries. The
    cmdlet names each service as the repository does (LiteLLM model_name, compose service or env_file, Helm chart
    folder, services/, apps/ or src/<name>/), writes its current model ID and config refs, and warns about every
    config value it did not use (-Verbose lists each with the reason). Offline: it reads the snapshot file only.

    The ledger is a draft: owners (unless -Owner), rollback IDs and use cases are left empty, and the gate says so
    until they are recorded. An existing ledger is never replaced unless -Force is given.

    Exit codes:
      0  the draft ledger was written
      1  no service could be drafted: nothing was written
      2  the draft could not be written (an existing ledger without -Force, a missing repository or snapshot,
         a write or lock failure); the error says why and what to do
.EXAMPLE
    pwsh ./examples/bootstrap-ledger.ps1 -OutputPath ./ledger.draft.json
.EXAMPLE
    pwsh ./examples/bootstrap-ledger.ps1 -RepoPath ~/src/platform -SnapshotPath ./models.json -OutputPath ./ledger.draft.csv -Owner platform-ai -Verbose
#>
[CmdletBinding()]
param(
    # The repository's root folder; the written config refs are relative to it.
    [Alias('RepositoryPath')]
    [string]$RepoPath = (Join-Path $PSScriptRoot 'data/platform'),

    # A models snapshot (Get-CometModel -OutSnapshot): the IDs to look for.
    [string]$SnapshotPath = (Join-Path $PSScriptRoot 'data/models-snapshot.json'),

    # The ledger to write (.json, or .csv).
    [string]$OutputPath = ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-bootstrap', 'ledger.json')),

    # The owner every drafted entry gets; without it the owner is left for review.
    [string]$Owner,

    # Replace an existing ledger file with the draft.
    [switch]$Force
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../ModelLedger.psd1')

$draft = @{ Path = $OutputPath; RepositoryPath = $RepoPath; SnapshotPath = $SnapshotPath; PassThru = $true; Force = $Force }
if ($Owner) { $draft.Owner = $Owner }
try {
    $entries = @(New-ModelLedger @draft)
}
catch {
    $Host.UI.WriteErrorLine("The draft could not be written [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)")
    exit 2
}
if ($entries.Count -eq 0) { exit 1 }

# Service names, IDs and refs come from the repository's files: shown escaped, so a value cannot forge a log line.
function Show([string]$Text) { [ModelLedger.Rendering.UntrustedText]::ForDisplay($Text) }
$Host.UI.WriteLine("Wrote $($entries.Count) draft entries to $OutputPath")
foreach ($e in $entries) {
    $Host.UI.WriteLine(("  {0}: current {1}; refs: {2}" -f (Show $e.Service), (Show $e.CurrentModelId), (Show ($e.ConfigRefs -join ', '))))
}
$Host.UI.WriteLine("Next: record each entry's rollbackModelId, owner and useCase (Set-ModelLedgerEntry), then gate it: Test-ModelLedger $OutputPath -SnapshotPath $SnapshotPath -ConfigRoot $RepoPath")
exit 0
