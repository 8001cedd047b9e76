<#
.SYNOPSIS
    Day one: build a ledger from where a repository already sends model IDs.
.DESCRIPTION
    Scans the repository (default: the example tree in examples/data/repo) with Find-ModelReference for every ID the
    models snapshot lists, keeps the references that are config values (they have a ConfigRef), and adds one ledger
    entry per service with Add-ModelLedgerEntry: the service is the folder under deploy/, its current ID the value
    of the key named like "model", and its config refs every ref that holds that ID (shared files such as a LiteLLM
    config included). Other IDs found in the service's configs are listed in the entry's notes for the owner to
    classify (rollback or emergency), and references outside configs are printed for review. Offline: it reads the
    snapshot file only.

    The bootstrapped ledger is a draft: rollback IDs and owners are still to be filled in, and the gate says so.
    Exit codes: 0 the ledger was written; 1 no config reference was found; 2 the scan or the write failed.
.EXAMPLE
    pwsh ./examples/bootstrap-ledger.ps1 -OutputPath ./ledger.draft.json
.EXAMPLE
    pwsh ./examples/bootstrap-ledger.ps1 -RepoPath ~/src/platform -SnapshotPath ./models.json -OutputPath ./ledger.draft.csv -Owner platform-ai
#>
param(
    [string]$RepoPath = "$PSScriptRoot/data/repo",
    [string]$SnapshotPath = "$PSScriptRoot/data/models-snapshot.json",
    [string]$OutputPath = ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-bootstrap', 'ledger.json')),
    [string]$Owner = 'to be assigned'
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"
$ErrorActionPreference = 'Stop'

try {
    if (Test-Path -LiteralPath $OutputPath) { Remove-Item -LiteralPath $OutputPath }
    $references = @(Find-ModelReference -Path $RepoPath -SnapshotPath $SnapshotPath)
}
catch {
    $Host.UI.WriteErrorLine("The scan failed [$($_.FullyQualifiedErrorId)]: $($_.Exception.Message)")
    exit 2
}

$inConfig = @($references | Where-Object ConfigRef)
$Host.UI.WriteLine("Found $($references.Count) references to listed model IDs; $($inConfig.Count) are config values.")
if ($inConfig.Count -eq 0) { exit 1 }

# deploy/<service>/... names the service; anything else (a shared gateway config) is attached by the ID it holds.
function Get-ServiceName([string]$ConfigRef) {
    $parts = ($ConfigRef -split '#')[0] -split '/'
    if ($parts.Count -ge 3 -and $parts[0] -eq 'deploy') { return $parts[1] }
}
$shared = @('litellm')
$byService = $inConfig | Where-Object { (Get-ServiceName $_.ConfigRef) -and (Get-ServiceName $_.ConfigRef) -notin $shared } |
    Group-Object { Get-ServiceName $_.ConfigRef }

$added = 0
foreach ($group in $byService) {
    $current = $group.Group | Where-Object { (($_.ConfigRef -split '#')[1] -split '\.')[-1] -match 'model$' } | Select-Object -First 1
    if (-not $current) { $current = $group.Group[0] }
    $refs = @($inConfig | Where-Object ModelId -ceq $current.ModelId | ForEach-Object ConfigRef |
        Where-Object { (Get-ServiceName $_) -in (@($group.Name) + $shared) })
    $others = @($group.Group | Where-Object ModelId -cne $current.ModelId | ForEach-Object { "$($_.ModelId) at $($_.ConfigRef)" })
    $entry = @{
        Path             = $OutputPath
        Service          = $group.Name
        CurrentModelId   = $current.ModelId
        ConfigRefs       = $refs
        Owner            = $Owner
        ValidationMethod = 'bootstrap: Find-ModelReference against the models snapshot'
        SnapshotPath     = $SnapshotPath
    }
    if ($others) { $entry.Notes = "Also in this service's configs (rollback or emergency?): $($others -join '; ')" }
    try {
        Add-ModelLedgerEntry @entry
        $added++
    }
    catch {
        $Host.UI.WriteErrorLine("Could not add $($group.Name) [$($_.FullyQualifiedErrorId)]: $($_.Exception.Message)")
        exit 2
    }
}

$Host.UI.WriteLine("Wrote $added entries to $OutputPath")
foreach ($e in Get-ModelLedger $OutputPath) {
    $Host.UI.WriteLine(("  {0}: current {1}; refs: {2}" -f $e.Service, $e.CurrentModelId, ($e.ConfigRefs -join ', ')))
}
$review = @($references | Where-Object { -not $_.ConfigRef })
if ($review) {
    $Host.UI.WriteLine("Review (not config values):")
    foreach ($r in $review) { $Host.UI.WriteLine(("  {0}:{1} {2}" -f ($r.Path.Substring((Resolve-Path $RepoPath).Path.Length + 1) -replace '\\', '/'), $r.Line, $r.ModelId)) }
}
$Host.UI.WriteLine("Next: record each entry's rollbackModelId and owner, then gate it: Test-ModelLedger $OutputPath -SnapshotPath $SnapshotPath")
exit 0
