<#
.SYNOPSIS
    The runbook's deploy gate (steps 2-4): ledger + models snapshot -> findings table -> JUnit file -> exit code.
.DESCRIPTION
    Checks every ledger entry against a models snapshot with exact string matching and prints one finding per
    service and check. Exit codes, for Azure DevOps and scheduled tasks:
        0  no check failed (warnings allowed)
        1  at least one check failed: do not release. pwsh itself also exits 1, before the script runs, when it
           cannot bind a parameter (a misspelled name, a value of the wrong type): the error names it.
        2  the gate could not run (missing or malformed ledger/snapshot, endpoint error, or inputs that do not
           make a gate: -LedgerPath without -SnapshotPath or -Live): treat as a failure
    With no parameters at all it gates the embedded example data (examples/data) as of the example's release time,
    so the output is the same every day (one service passes, one fails, one warns): exit 1 by design. Once you give
    any input (-LedgerPath, -SnapshotPath, -Live, -ConfigRoot, ...) it never falls back to the example: -LedgerPath
    and one of -SnapshotPath or -Live are required, and the gate is judged as of now.
.PARAMETER ConfigRoot
    The release checkout the ledger's configRefs are relative to: every ref must hold the ledger's current ID.
.PARAMETER BaselineConfigRoot
    The previous release's checkout: a model change shipped with other changes in the same file needs a rollback owner.
.PARAMETER Service
    Gate only these services (a name equal to a ledger service selects exactly it; otherwise a wildcard). A gate that
    judges no entry, or a name that selects none, exits 2.
.PARAMETER SnapshotPath
    Saved snapshots (Get-CometModel -OutSnapshot), one per credential label: every approved ID must be listed by
    every one of them, and a finding names the credential that lacks it. The same label twice exits 2. (pwsh -File
    passes a comma-separated value as one path: pass several from a script or the Azure DevOps PowerShell task.)
.PARAMETER Live
    Capture a fresh snapshot from the models endpoint first, one per -CredentialLabel, saved to -SnapshotOut.
    Get-CometModel's warnings (no -CredentialLabel, for one) are printed wrapped to 80 columns.
.PARAMETER BaseUri
    With -Live: the models endpoint's base URI (default: $env:COMETAPI_BASE_URL, else CometAPI). Plain http is
    refused except to a loopback address, so a key never crosses the network unencrypted.
.PARAMETER CredentialLabel
    The credential classes to gate on (production, or production-eu, production-us). Test-ModelLedger fails a
    snapshot captured with any other label, and a label no snapshot carries. With -Live, where each key comes from:
        no label or one label   COMETAPI_API_KEY, as Get-CometModel reads it
        several labels          one variable per label: COMETAPI_API_KEY_ and the label upper-cased, every
                                character other than A-Z and 0-9 replaced by _ (production-eu reads
                                COMETAPI_API_KEY_PRODUCTION_EU)
    A variable that is missing or empty stops the gate (exit 2) naming the variable, before any request is sent.
    The key is handed to Get-CometModel as a SecureString and never printed. Under pwsh -File (a scheduled task)
    pass several labels as one comma-separated value: -CredentialLabel production-eu,production-us.
.PARAMETER SnapshotOut
    With -Live: the snapshot file to write (default: a new file in the temp folder). With several labels it is a
    folder (created when missing) that receives one models-snapshot-<label>.json per label, the label's
    characters other than letters, digits, '.', '-' and '_' replaced by _.
.PARAMETER BaselineLedgerPath
    The ledger of the previous release: the gate fails when this release drops a rollback ID whose rollbackUntil
    has not passed yet (RollbackWindowOpen).
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/release-gate.ps1
.EXAMPLE
    pwsh ./examples/release-gate.ps1 -LedgerPath ./ledger.json -Live -CredentialLabel production -JUnitPath ./out/gate.xml
.EXAMPLE
    pwsh ./examples/release-gate.ps1 -LedgerPath ./ledger.json -Live -BaseUri https://gateway.example.internal -CredentialLabel production
.EXAMPLE
    # Two production credentials: keys in COMETAPI_API_KEY_PRODUCTION_EU and COMETAPI_API_KEY_PRODUCTION_US.
    ./examples/release-gate.ps1 -LedgerPath ./ledger.json -Live -CredentialLabel production-eu, production-us -SnapshotOut ./out/snapshots
.EXAMPLE
    ./examples/release-gate.ps1 -LedgerPath ./ledger.json -SnapshotPath ./snapshots/eu.json, ./snapshots/us.json -CredentialLabel production-eu, production-us
#>
[CmdletBinding()]
param(
    [string]$LedgerPath,
    [string[]]$SnapshotPath,
    [switch]$Live,
    [string]$BaseUri,
    [string]$SnapshotOut,
    [string[]]$CredentialLabel,
    [hashtable]$Deployed,
    [string[]]$Service,
    [string]$ConfigRoot,
    [string]$BaselineConfigRoot,
    [string]$BaselineLedgerPath,
    [timespan]$MaxSnapshotAge = [timespan]::FromHours(24),
    [string]$JUnitPath = ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-gate.xml'))
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"
$ErrorActionPreference = 'Stop'

# Wrapped within 80 columns, each line of the reason keeping its indent; an ID or path longer than a line stays whole.
function Write-Reason([string]$Text) {
    foreach ($part in $Text -split "`n") {
        $indent = $part.Length - $part.TrimStart().Length
        foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap($part.TrimStart(), 79 - $indent)) { $Host.UI.WriteErrorLine((' ' * $indent) + $line) }
    }
}
function Stop-Gate([string]$Reason) {
    Write-Reason "The gate could not run: $Reason"
    exit 2
}

$gate = @{ MaxSnapshotAge = $MaxSnapshotAge }
# Output options do not count as input: only these parameters say whose release is gated.
$inputs = @('LedgerPath', 'SnapshotPath', 'Live', 'BaseUri', 'SnapshotOut', 'CredentialLabel', 'Deployed', 'ConfigRoot', 'BaselineConfigRoot', 'BaselineLedgerPath')
$given = @($inputs | Where-Object { $PSBoundParameters.ContainsKey($_) })
if ($given.Count -eq 0) {
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    $SnapshotPath = "$PSScriptRoot/data/models-snapshot.json"
    $ConfigRoot = "$PSScriptRoot/data/release"
    $BaselineConfigRoot = "$PSScriptRoot/data/release-baseline"
    # The example is judged as of its own release time, so its freshness check does not drift with the calendar.
    $gate.AsOf = [datetimeoffset]'2026-11-24T09:00:00Z'
    $Host.UI.WriteLine('No input given: gating the embedded example data (examples/data)')
    $Host.UI.WriteLine("as of its release time, $($gate.AsOf.ToString('u')).")
}
else {
    if (-not $LedgerPath) { Stop-Gate "-$($given[0]) was given without -LedgerPath. Name the ledger to gate." }
    if ($Live -and $SnapshotPath) { Stop-Gate '-Live and -SnapshotPath both name the models list. Pass one.' }
    if (-not $Live -and -not $SnapshotPath) {
        Stop-Gate '-LedgerPath needs -SnapshotPath (a saved snapshot) or -Live (capture one now).'
    }
    if ($BaseUri -and -not $Live) { Stop-Gate '-BaseUri is used only with -Live (a capture).' }
    if ($BaselineConfigRoot -and -not $ConfigRoot) { Stop-Gate '-BaselineConfigRoot needs -ConfigRoot (the release checkout).' }
}
# pwsh -File hands "a,b" over as one string: a label never holds a comma, so split it into the labels meant.
$labels = @($CredentialLabel | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })

# With several credentials each has its own key; the variable name is derived so a pipeline can map one secret each.
function Get-KeyVariableName([string]$Label) {
    'COMETAPI_API_KEY_' + ([regex]::Replace($Label, '[^A-Za-z0-9]', '_')).ToUpperInvariant()
}

if ($Live) {
    $stamp = [datetime]::UtcNow.ToString('yyyyMMddTHHmmssZ', [System.Globalization.CultureInfo]::InvariantCulture)
    $captures = @()
    if ($labels.Count -le 1) {
        if (-not $SnapshotOut) { $SnapshotOut = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "models-snapshot-$stamp.json") }
        # No -ApiKey: Get-CometModel reads COMETAPI_API_KEY itself and names it when it is missing.
        $captures += @{ OutSnapshot = $SnapshotOut; Label = @($labels)[0]; Variable = $null }
    }
    else {
        $byVariable = @{}
        foreach ($label in $labels) {
            $variable = Get-KeyVariableName $label
            if ($byVariable.ContainsKey($variable)) {
                Stop-Gate "-CredentialLabel names '$($byVariable[$variable])' and '$label', which share`n  $variable`nName each credential once."
            }
            $byVariable[$variable] = $label
        }
        # Checked before any request, so no credential is captured while another cannot be. Names only, never values.
        $missing = @($byVariable.Keys | Where-Object { -not [System.Environment]::GetEnvironmentVariable($_) } | Sort-Object)
        if ($missing.Count -gt 0) {
            Stop-Gate "a credential has no key. Set these variables:`n  $($missing -join "`n  ")"
        }
        if (-not $SnapshotOut) { $SnapshotOut = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "models-snapshots-$stamp") }
        $folder = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($SnapshotOut)
        if ([System.IO.File]::Exists($folder)) { Stop-Gate '-SnapshotOut is a file. With several labels it names a folder: one snapshot per label.' }
        $null = [System.IO.Directory]::CreateDirectory($folder)
        foreach ($label in $labels) {
            $captures += @{
                OutSnapshot = [System.IO.Path]::Combine($folder, "models-snapshot-$([regex]::Replace($label, '[^A-Za-z0-9._-]', '_')).json")
                Label = $label
                Variable = Get-KeyVariableName $label
            }
        }
    }
    foreach ($capture in $captures) {
        $captureArgs = @{ OutSnapshot = $capture.OutSnapshot }
        if ($capture.Label) { $captureArgs.CredentialLabel = $capture.Label }
        if ($BaseUri) { $captureArgs.BaseUri = $BaseUri }
        if ($capture.Variable) {
            # Straight from the environment into a SecureString: the key never sits in a variable that could be printed.
            $captureArgs.ApiKey = [System.Net.NetworkCredential]::new('', [System.Environment]::GetEnvironmentVariable($capture.Variable)).SecurePassword
        }
        # Its warnings are written below, wrapped to the log's 80 columns, not as pwsh's own unwrapped WARNING lines.
        try { $null = Get-CometModel @captureArgs -WarningVariable captureWarnings -WarningAction SilentlyContinue }
        catch {
            $who = if ($capture.Label) { " for '$($capture.Label)'" } else { '' }
            $id = $_.FullyQualifiedErrorId -replace ',.*'
            $message = $_.Exception.Message
            if ($id -eq 'CometApiKeyMissing') {
                # The cmdlet's advice names its own -ApiKey; this script reads keys from the environment.
                $message = 'no CometAPI key was given. Set COMETAPI_API_KEY (one -CredentialLabel) or COMETAPI_API_KEY_<LABEL> (several), or gate a saved snapshot with -SnapshotPath instead of -Live.'
            }
            Stop-Gate "the snapshot capture$who failed [$id]: $message"
        }
        foreach ($warning in $captureWarnings) {
            foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap("WARNING: $($warning.Message)", 79)) { $Host.UI.WriteLine($line) }
        }
        if ($captures.Count -gt 1) {
            $Host.UI.WriteLine("Snapshot captured with the '$($capture.Label)' credential:")
            $Host.UI.WriteLine("  $($capture.OutSnapshot)")
        }
    }
    $SnapshotPath = @($captures | ForEach-Object { $_.OutSnapshot })
}
if ($labels.Count -gt 0) { $gate.CredentialLabel = $labels }
if ($Deployed) { $gate.Deployed = $Deployed }
if ($Service) { $gate.Service = $Service }
if ($ConfigRoot) { $gate.ConfigRoot = $ConfigRoot }
if ($BaselineConfigRoot) { $gate.BaselineConfigRoot = $BaselineConfigRoot }
if ($BaselineLedgerPath) { $gate.BaselineLedgerPath = $BaselineLedgerPath }

try {
    # Warnings are written below, wrapped to the log's 80 columns, with the verdict they qualify.
    $findings = @(Test-ModelLedger -Path $LedgerPath -SnapshotPath $SnapshotPath -OutputFormat JUnit -OutputPath $JUnitPath @gate -WarningVariable gateWarnings -WarningAction SilentlyContinue)
}
catch {
    Stop-Gate "[$($_.FullyQualifiedErrorId -replace ',.*')] $($_.Exception.Message)"
}

$findings | Out-Default
$failed = @($findings | Where-Object Status -eq 'Fail')
$warned = @($findings | Where-Object Status -eq 'Warn')
$passed = $findings.Count - $failed.Count - $warned.Count
$Host.UI.WriteLine("Gate: $($failed.Count) failed, $($warned.Count) warnings, $passed passed. JUnit report:")
$Host.UI.WriteLine("  $JUnitPath")
# Before any verdict: what the gate could not judge (without -ConfigRoot it read no release file), and its other warnings.
foreach ($warning in $gateWarnings) {
    foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap("WARNING: $($warning.Message)", 79)) { $Host.UI.WriteLine($line) }
}
if ($failed.Count -gt 0) {
    $Host.UI.WriteLine('RELEASE BLOCKED by these checks (service, check, model ID):')
    # One service per line, the check below it: a long service name or ID is never broken inside.
    foreach ($f in $failed) {
        $Host.UI.WriteLine("  $($f.DisplayService())")
        $Host.UI.WriteLine("    $($f.Check)")
        if ($f.ModelId) { $Host.UI.WriteLine("      $($f.DisplayModelId())") }
    }
    exit 1
}
$Host.UI.WriteLine('Release may proceed.')
exit 0
