<#
.SYNOPSIS
    Scheduled drift check: page only when an approved model ID is at risk (the runbook's "what not to automate").
.DESCRIPTION
    Compares yesterday's snapshot with today's and marks removals of IDs the ledger approves (current, rollback or
    emergency). New or removed unapproved models are listed for information and never page. Exit codes:
        0  nothing approved is at risk
        3  an approved ID disappeared (or is missing): page the owner
        2  the check could not run (missing or malformed snapshot or ledger, no key, an endpoint error, inputs that
           do not make a check): the error says why, as in the other example scripts
        1  only pwsh itself, when it cannot bind a parameter (a misspelled name, before the script runs: the
           error names it); the script never exits 1
    With no parameters at all it compares the embedded example snapshots (examples/data). Once you give any input
    it never falls back to the example: -LedgerPath is required, with -SnapshotFolder or with both -ReferencePath
    and -DifferencePath.
.PARAMETER BaseUri
    The models endpoint's base URI in -SnapshotFolder mode (default: $env:COMETAPI_BASE_URL, else CometAPI).
.PARAMETER SnapshotFolder
    Scheduled-task mode: capture today's snapshot for each -CredentialLabel into this folder
    (models-<label>-<yyyyMMdd-HHmmss>.json) and compare it with the newest earlier snapshot of the same label there
    (a label's first run only captures; an older unlabelled models-<yyyyMMdd-HHmmss>.json counts as the earlier
    snapshot of the label recorded inside it). With several labels one credential failing to capture does not hide
    another's at-risk IDs: exit 3 wins over 2.
.PARAMETER CredentialLabel
    The credentials to snapshot in -SnapshotFolder mode (default: production). One label reads its key from
    $env:COMETAPI_API_KEY. Several labels read one variable each: COMETAPI_API_KEY_ and the label upper-cased, every
    character other than A-Z and 0-9 replaced by _ (production-eu reads COMETAPI_API_KEY_PRODUCTION_EU); a missing
    one stops the check (exit 2) naming the variable, before any request. Under -File (a scheduled task) pass them
    as one comma-separated value: -CredentialLabel production-eu,production-us. In a file name, characters other
    than letters, digits, '.', '-' and '_' become _.
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/drift-check.ps1
.EXAMPLE
    powershell.exe -NoProfile -NonInteractive -File C:\ModelLedger\examples\drift-check.ps1 -SnapshotFolder C:\ModelLedger\snapshots -LedgerPath C:\ModelLedger\ledger.json
.EXAMPLE
    powershell.exe -NoProfile -NonInteractive -File C:\ModelLedger\examples\drift-check.ps1 -SnapshotFolder C:\ModelLedger\snapshots -LedgerPath C:\ModelLedger\ledger.json -CredentialLabel production-eu,production-us
.EXAMPLE
    pwsh -NoProfile -File ./examples/drift-check.ps1 -ReferencePath D:\snapshots\yesterday.json -DifferencePath D:\snapshots\today.json -LedgerPath D:\ledger.json
#>
[CmdletBinding()]
param(
    [string]$ReferencePath,
    [string]$DifferencePath,
    [string]$LedgerPath,
    [string]$SnapshotFolder,
    [string]$BaseUri,
    [string[]]$CredentialLabel = 'production'
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"

# Wrapped within 80 columns, each line of the reason keeping its indent; an ID or path longer than a line stays whole.
function Write-Reason([string]$Text) {
    foreach ($part in $Text -split "`n") {
        $indent = $part.Length - $part.TrimStart().Length
        foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap($part.TrimStart(), 79 - $indent)) { $Host.UI.WriteErrorLine((' ' * $indent) + $line) }
    }
}
function Stop-Check([string]$Reason) {
    Write-Reason "Drift check could not run: $Reason"
    exit 2
}

# With several credentials each has its own key; the variable name is derived so a task can set one per credential.
function Get-KeyVariableName([string]$Label) {
    'COMETAPI_API_KEY_' + ([regex]::Replace($Label, '[^A-Za-z0-9]', '_')).ToUpperInvariant()
}

# pwsh -File hands "a,b" over as one string: a label never holds a comma, so split it into the labels meant.
$labels = @($CredentialLabel | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })

if ($PSBoundParameters.Count -eq 0) {
    $ReferencePath = "$PSScriptRoot/data/models-snapshot-previous.json"
    $DifferencePath = "$PSScriptRoot/data/models-snapshot.json"
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    $Host.UI.WriteLine('No input given: comparing the embedded example snapshots (examples/data).')
}
elseif (-not $LedgerPath) { Stop-Check '-LedgerPath is required: it says which model IDs are approved.' }
elseif ($SnapshotFolder -and ($ReferencePath -or $DifferencePath)) {
    Stop-Check 'pass -SnapshotFolder (capture and compare) or -ReferencePath and -DifferencePath, not both.'
}
elseif (-not $SnapshotFolder -and -not ($ReferencePath -and $DifferencePath)) {
    Stop-Check 'pass -SnapshotFolder, or both -ReferencePath and -DifferencePath.'
}
elseif ($BaseUri -and -not $SnapshotFolder) { Stop-Check '-BaseUri is used only with -SnapshotFolder (a capture).' }
elseif ($PSBoundParameters.ContainsKey('CredentialLabel') -and -not $SnapshotFolder) {
    Stop-Check '-CredentialLabel is used only with -SnapshotFolder (a capture).'
}
elseif ($SnapshotFolder -and $labels.Count -eq 0) { Stop-Check '-CredentialLabel names no credential.' }

# One comparison per credential: its label (none for -ReferencePath/-DifferencePath) and its two snapshots.
$comparisons = @()
$failures = 0
$several = $labels.Count -gt 1
if ($SnapshotFolder) {
    $byVariable = @{}
    foreach ($label in $labels) {
        $variable = Get-KeyVariableName $label
        if ($byVariable.ContainsKey($variable)) {
            Stop-Check "-CredentialLabel names '$($byVariable[$variable])' and '$label', which share`n  $variable`nName each credential once."
        }
        $byVariable[$variable] = $label
    }
    if ($several) {
        # Checked before any request, so every credential is captured or none is. Names only, never values.
        $missing = @($byVariable.Keys | Where-Object { -not [System.Environment]::GetEnvironmentVariable($_) } | Sort-Object)
        if ($missing.Count -gt 0) { Stop-Check "a credential has no key. Set these variables:`n  $($missing -join "`n  ")" }
    }
    $folder = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($SnapshotFolder)
    $null = [System.IO.Directory]::CreateDirectory($folder)
    $existing = @([System.IO.Directory]::GetFiles($folder, 'models-*.json') | ForEach-Object { [string]$_ })
    [System.Array]::Sort($existing, [System.StringComparer]::Ordinal)
    $stamp = [datetime]::UtcNow.ToString('yyyyMMdd-HHmmss', [System.Globalization.CultureInfo]::InvariantCulture)
    foreach ($label in $labels) {
        $name = [regex]::Replace($label, '[^A-Za-z0-9._-]', '_')
        # Exactly this label's files: models-prod-*.json would also match production-eu's models-prod-eu-....json.
        $own = '^models-' + [regex]::Escape($name) + '-\d{8}-\d{6}\.json$'
        $earlier = @($existing | Where-Object { [regex]::IsMatch([System.IO.Path]::GetFileName($_), $own) })
        if ($earlier.Count -eq 0) {
            # Folders from before labelled names: the label is recorded inside each snapshot.
            $earlier = @($existing | Where-Object { [regex]::IsMatch([System.IO.Path]::GetFileName($_), '^models-\d{8}-\d{6}\.json$') } | Where-Object {
                    try { (Get-Content -LiteralPath $_ -Raw | ConvertFrom-Json).credentialLabel -eq $label } catch { $false }
                })
        }
        $today = [System.IO.Path]::Combine($folder, "models-$name-$stamp.json")
        $capture = @{ OutSnapshot = $today; CredentialLabel = $label; ErrorAction = 'Stop' }
        if ($BaseUri) { $capture.BaseUri = $BaseUri }
        if ($several) {
            # Straight from the environment into a SecureString: the key never sits in a variable that could be printed.
            $capture.ApiKey = [System.Net.NetworkCredential]::new('', [System.Environment]::GetEnvironmentVariable((Get-KeyVariableName $label))).SecurePassword
        }
        try { Get-CometModel @capture }
        catch {
            $id = $_.FullyQualifiedErrorId -replace ',.*'
            $reason = "no snapshot was captured [$id]: $($_.Exception.Message)"
            if ($id -eq 'CometApiKeyMissing') {
                # The cmdlet's advice names its own -ApiKey and -SnapshotPath; this script reads keys from the environment.
                $reason = "no snapshot was captured [$id]: no CometAPI key was given. Set COMETAPI_API_KEY (one -CredentialLabel) or COMETAPI_API_KEY_<LABEL> (several: production-eu reads COMETAPI_API_KEY_PRODUCTION_EU), or compare two saved snapshots with -ReferencePath and -DifferencePath."
            }
            if (-not $several) { Stop-Check $reason }
            # Keep going: another credential may still show an approved ID at risk, and that must page.
            $Host.UI.WriteErrorLine("Drift check could not run for '$label': $reason")
            $failures++
            continue
        }
        if ($earlier.Count -eq 0) {
            $Host.UI.WriteLine('First snapshot captured; nothing to compare yet:')
            $Host.UI.WriteLine("  $today")
            continue
        }
        $comparisons += @{ Label = $label; ReferencePath = $earlier[$earlier.Count - 1]; DifferencePath = $today }
    }
}
else {
    $comparisons += @{ Label = $null; ReferencePath = $ReferencePath; DifferencePath = $DifferencePath }
}

$atRisk = @()
$unapproved = 0
foreach ($comparison in $comparisons) {
    if ($SnapshotFolder) {
        $heading = if ($several) { "Credential '$($comparison.Label)': comparing the earlier snapshot" } else { 'Comparing the earlier snapshot' }
        $Host.UI.WriteLine($heading)
        $Host.UI.WriteLine("  $($comparison.ReferencePath)")
        $Host.UI.WriteLine('with today''s')
        $Host.UI.WriteLine("  $($comparison.DifferencePath)")
    }
    try {
        $changes = @(Compare-CometModelSnapshot -ReferencePath $comparison.ReferencePath -DifferencePath $comparison.DifferencePath -LedgerPath $LedgerPath -ErrorAction Stop)
    }
    catch {
        $reason = "[$($_.FullyQualifiedErrorId -replace ',.*')] $($_.Exception.Message)"
        if (-not $several) { Stop-Check $reason }
        $Host.UI.WriteErrorLine("Drift check could not run for '$($comparison.Label)': $reason")
        $failures++
        continue
    }
    $changes | Out-Default
    $unapproved += @($changes | Where-Object { -not $_.AtRisk }).Count
    $atRisk += @($changes | Where-Object AtRisk | ForEach-Object { @{ Change = $_; Label = $comparison.Label } })
}

if ($atRisk.Count -gt 0) {
    # One ID per line, what the ledger approves it as below it: a long ID is never broken inside.
    $Host.UI.WriteLine('APPROVED IDS AT RISK (page the owner):')
    foreach ($risk in $atRisk) {
        $Host.UI.WriteLine("  $([ModelLedger.Rendering.UntrustedText]::ForDisplay($risk.Change.Id))")
        $Host.UI.WriteLine("    $([ModelLedger.Rendering.UntrustedText]::ForDisplay($risk.Change.ApprovedAs))")
        if ($several) { $Host.UI.WriteLine("    missing for credential '$($risk.Label)'") }
    }
    exit 3
}
if ($failures -gt 0) { exit 2 }
if ($comparisons.Count -eq 0) { exit 0 }   # every credential's first run: nothing to compare yet
$Host.UI.WriteLine("No approved model ID is at risk ($unapproved unapproved changes).")
exit 0
