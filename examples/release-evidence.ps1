<#
.SYNOPSIS
    Runbook step 6: end the release by exporting the rollback evidence for the change record, and verify it.
.DESCRIPTION
    Gates the changed services against the models snapshot, rehearses a rollback on staging (or takes dry-run
    results saved by an earlier step with Export-Clixml), exports the evidence folder (ledger rows before and after,
    snapshot, gate result, dry-run results, owner approval, summary.md answering the operator checklist,
    manifest.json) and re-hashes it with Test-RollbackEvidence. Every service whose ledger row changed needs its own
    passed dry run: the checklist answers Missing for a service never rehearsed.

    With no parameters at all it runs the embedded example change CHG-1042 (support-router moves from
    gpt-4o-2024-08-06 to gpt-5.4-mini-2026-03-17) on a working copy of the example staging config, judged as of the
    example's release time. Once you give any input it never falls back to the example: -LedgerPath,
    -PreviousLedgerPath and -SnapshotPath are required, the gate is judged as of -AsOf (default: now), and a dry run
    needs -ConfigPath with -ProbeScript (your service's own probe) or -DryRunPath. The evidence folder is then
    -OutputPath, or with only -ChangeRef <temp>/modelledger-evidence/<ChangeRef>; with neither it exits 2 (never
    the example's folder). Uses only core cmdlets and .NET,
    so it runs in pwsh and Windows PowerShell 5.1.

    Exit codes: 0 the evidence verifies and no checklist answer is Failed or Missing (Partly answers are the
    operator's own steps: the output lists them); 1 a checklist answer is Failed or Missing, or the folder does not
    verify (pwsh also exits 1 when it cannot bind a parameter, before the script runs); 2 the evidence could not be
    written (missing input, unreadable ledger or snapshot, a dry run that could not run).
.PARAMETER OutputPath
    The evidence folder to write (a new or empty folder unless -Force). Default: with -ChangeRef,
    <temp>/modelledger-evidence/<ChangeRef> (characters other than letters, digits, '.', '-' and '_' become _);
    on the example, <temp>/modelledger-evidence/CHG-1042; on your data without -ChangeRef it is required.
.PARAMETER ChangeRef
    The change record the evidence is for (default: the changed ledger rows' changeRef); it also names the default
    -OutputPath.
.PARAMETER ConfigRoot
    The release's checkout: the gate reads each entry's configRefs there, so the checklist can prove the release's
    own files hold exactly the ledger's IDs (without it that line is at best Partly).
.PARAMETER Force
    Replace an earlier evidence bundle in -OutputPath (its recorded manifest hash will no longer verify).
.PARAMETER ProbeScript
    Reloads the service's config and outputs the model ID it now sends (see Invoke-RollbackDryRun -ProbeScript): a
    script block, or the path of a .ps1 file taking param($ctx) (under pwsh -File, where a script block cannot be
    passed). Any other string exits 2: it is never run as code.
.PARAMETER DryRunPath
    Dry-run results an earlier step saved with Invoke-RollbackDryRun ... | Export-Clixml <path>.
.PARAMETER ContractReviewed
    You read the CometAPI models endpoint reference and confirmed the contract (checklist line 1).
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/release-evidence.ps1
.EXAMPLE
    pwsh ./examples/release-evidence.ps1 -LedgerPath ./ledger.json -PreviousLedgerPath ./ledger.before.json
        -SnapshotPath ./models.json -ConfigRoot . -DryRunPath ./dryrun-support-router.xml -ApprovedBy 'j.doe'
        -OutputPath ./evidence/CHG-1042
.EXAMPLE
    pwsh ./examples/release-evidence.ps1 -LedgerPath ./ledger.json -PreviousLedgerPath ./ledger.before.json
        -SnapshotPath ./models.json -ConfigRoot . -DryRunPath ./dryrun.xml -ChangeRef CHG-2002
    (writes <temp>/modelledger-evidence/CHG-2002)
.EXAMPLE
    # Under -File (a pipeline task), the probe is a .ps1 file: param($ctx) (Invoke-RestMethod $url).model
    pwsh -NoProfile -File ./examples/release-evidence.ps1 -LedgerPath ./ledger.json
        -PreviousLedgerPath ./ledger.before.json -SnapshotPath ./models.json -Service support-router
        -ConfigPath /srv/staging/support-router.json -ProbeScript ./probe.ps1 -ChangeRef CHG-2002
#>
[CmdletBinding()]
param(
    [string]$LedgerPath,
    [string]$PreviousLedgerPath,
    [string]$SnapshotPath,
    [string]$ConfigRoot,
    [string[]]$Service,
    [string]$ConfigPath,
    [string]$ConfigKey,
    [object]$ProbeScript,
    [string[]]$DryRunPath,
    [string]$ApprovedBy,
    [switch]$ContractReviewed,
    [string]$CredentialLabel,
    [string]$ChangeRef,
    [string]$OutputPath,
    [switch]$Force,
    [datetimeoffset]$AsOf = [datetimeoffset]::UtcNow
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"
$ErrorActionPreference = 'Stop'

# Prose wraps at spaces within 80 columns; an ID or a path longer than a line stays whole on its own line.
function Say([string]$Text, [string]$Indent = '') {
    foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap($Text, 79 - $Indent.Length)) { $Host.UI.WriteLine($Indent + $line) }
}
. "$PSScriptRoot/common/ConvertTo-ScriptBlockParameter.ps1"
function Stop-Evidence([string]$Reason) {
    foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap("Evidence could not be written: $Reason", 79)) { $Host.UI.WriteErrorLine($line) }
    exit 2
}

$inputs = @('LedgerPath', 'PreviousLedgerPath', 'SnapshotPath', 'ConfigRoot', 'Service', 'ConfigPath', 'ConfigKey', 'ProbeScript', 'DryRunPath', 'ApprovedBy', 'ContractReviewed', 'CredentialLabel', 'ChangeRef', 'AsOf')
$work = $null
if (-not @($inputs | Where-Object { $PSBoundParameters.ContainsKey($_) }).Count) {
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    $PreviousLedgerPath = "$PSScriptRoot/data/ledger-previous.json"
    $SnapshotPath = "$PSScriptRoot/data/models-snapshot.json"
    $ConfigRoot = "$PSScriptRoot/data/release"
    $Service = @('support-router')
    # The example's own bundle in the temp folder: a second run replaces it.
    $Force = [switch]$true
    $ConfigKey = 'llm.chat.model'
    $ApprovedBy = 'j.doe (platform-ai owner)'
    $CredentialLabel = 'production'
    $AsOf = [datetimeoffset]'2026-11-24T09:00:00Z'
    if (-not $OutputPath) { $OutputPath = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-evidence', 'CHG-1042') }
    $work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "modelledger-staging-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = [System.IO.Directory]::CreateDirectory($work)
    $ConfigPath = [System.IO.Path]::Combine($work, 'support-router.config.json')
    [System.IO.File]::Copy("$PSScriptRoot/data/staging/support-router.config.json", $ConfigPath)
    # The example's staging "service" is its config file: the probe reads the key the service reads.
    $ProbeScript = {
        param($ctx)
        $options = [System.Text.Json.JsonDocumentOptions]@{ CommentHandling = 'Skip'; AllowTrailingCommas = $true }
        $doc = [System.Text.Json.JsonDocument]::Parse([System.IO.File]::ReadAllText($ctx.ConfigPath), $options)
        try { $node = $doc.RootElement; foreach ($s in $ctx.ConfigKey.Split('.')) { $node = $node.GetProperty($s) }; $node.GetString() }
        finally { $doc.Dispose() }
    }
    Say "No input given: the embedded example change CHG-1042, judged as of $($AsOf.ToString('u'))."
}
else {
    $lacking = @('LedgerPath', 'PreviousLedgerPath', 'SnapshotPath' | Where-Object { -not $PSBoundParameters[$_] })
    if ($lacking.Count) { Stop-Evidence "-$($lacking -join ', -') missing: the evidence needs the ledger after and before the change and the snapshot the gate used." }
    if ($ConfigPath -and -not $ProbeScript) { Stop-Evidence '-ConfigPath needs -ProbeScript: only your service can say which model ID it sends.' }
    if ($ProbeScript) {
        try { $ProbeScript = ConvertTo-ScriptBlockParameter 'ProbeScript' $ProbeScript } catch { Stop-Evidence $_.Exception.Message }
    }
    if ($ConfigPath -and @($Service | Where-Object { $_ }).Count -ne 1) { Stop-Evidence '-ConfigPath rehearses one service: name it with -Service.' }
    if (-not $OutputPath) {
        if (-not $ChangeRef) { Stop-Evidence '-OutputPath missing: name the evidence folder, or pass -ChangeRef (the folder is then <temp>/modelledger-evidence/<ChangeRef>).' }
        # The change's own folder, never the example's: a name only, so a change ref cannot point elsewhere.
        $name = [regex]::Replace($ChangeRef, '[^A-Za-z0-9._-]', '_')
        if ($name -match '^\.+$') { $name = $name.Replace('.', '_') }
        $OutputPath = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'modelledger-evidence', $name)
    }
}

try {
    # Step 4 for the changed services (all of them when -Service is not given).
    $gate = @{ Path = $LedgerPath; SnapshotPath = $SnapshotPath; AsOf = $AsOf }
    if ($Service) { $gate.Service = $Service }
    if ($CredentialLabel) { $gate.CredentialLabel = $CredentialLabel }
    # What the release ships: without -ConfigRoot the checklist cannot prove the release's own files hold the IDs.
    if ($ConfigRoot) { $gate.ConfigRoot = $ConfigRoot }
    $findings = @(Test-ModelLedger @gate)

    # Step 5: a rehearsal now, and the results of earlier ones handed over as CLIXML.
    $dryRuns = @()
    foreach ($p in $DryRunPath) { $dryRuns += @(Import-Clixml -LiteralPath $p) }
    if ($ConfigPath) {
        $rehearsal = @{ Service = $Service[0]; LedgerPath = $LedgerPath; ConfigPath = $ConfigPath; ProbeScript = $ProbeScript }
        if ($ConfigKey) { $rehearsal.ConfigKey = $ConfigKey }
        $dryRuns += @(Invoke-RollbackDryRun @rehearsal)
    }

    # Step 6: the evidence folder for the change record.
    $export = @{ Path = $OutputPath; LedgerPath = $LedgerPath; PreviousLedgerPath = $PreviousLedgerPath; SnapshotPath = $SnapshotPath; Finding = $findings }
    if ($dryRuns.Count) { $export.DryRun = $dryRuns }
    if ($ApprovedBy) { $export.ApprovedBy = $ApprovedBy }   # no approval yet: the bundle is still written and says so
    if ($ContractReviewed) { $export.ContractReviewed = $true }
    if ($ChangeRef) { $export.ChangeRef = $ChangeRef }
    # Never over an earlier bundle unless asked: its manifest hash may already be in the change ticket.
    $bundle = Export-RollbackEvidence @export -Force:$Force -WarningAction SilentlyContinue
}
catch {
    Stop-Evidence "[$($_.FullyQualifiedErrorId -replace ',.*')] $($_.Exception.Message)"
}
finally {
    if ($work) { [System.IO.Directory]::Delete($work, $true) }
}

$Host.UI.WriteLine('Evidence folder:')
$Host.UI.WriteLine("  $($bundle.Path)")
# The manifest's own hash anchors the bundle: with it in the change ticket, a manifest recomputed after an edit fails.
$Host.UI.WriteLine('Manifest SHA-256 (record it in the change ticket):')
$Host.UI.WriteLine("  $($bundle.ManifestSha256)")
$Host.UI.WriteLine('Checklist:')
foreach ($answer in $bundle.Checklist) {
    $lines = [ModelLedger.Rendering.ConsoleView]::Wrap([ModelLedger.Rendering.UntrustedText]::ForDisplay($answer.Item), 68)
    for ($i = 0; $i -lt $lines.Count; $i++) { $Host.UI.WriteLine($(if ($i) { ' ' * 11 } else { '  ' + $answer.Status.PadRight(9) }) + $lines[$i]) }
}
$tally = $bundle.Tally()
Say "Checklist: $tally"

$code = 0
$failed = @(Test-RollbackEvidence -Path $bundle.Path -ManifestSha256 $bundle.ManifestSha256 | Where-Object { [string]$_.Status -eq 'Fail' })
if ($failed.Count -gt 0) {
    $Host.UI.WriteLine('NOT VERIFIED:')
    foreach ($f in $failed) { $Host.UI.WriteLine("  $($f.File)"); Say $f.Message '    ' }
    $code = 1
}
else { Say "Evidence verified: $($bundle.Files.Count) files match manifest.json." }

$unproved = @($bundle.Checklist | Where-Object { $_.Status -in 'Failed', 'Missing' })
$partly = @($bundle.Checklist | Where-Object { $_.Status -eq 'Partly' })
if ($unproved.Count -gt 0) {
    $Host.UI.WriteLine('EVIDENCE INCOMPLETE:')
    foreach ($a in $unproved) { Say ([ModelLedger.Rendering.UntrustedText]::ForDisplay("$a")) '  '; Say ([ModelLedger.Rendering.UntrustedText]::ForDisplay($a.Evidence)) '    ' }
    $code = 1
}
if ($partly.Count -gt 0) {
    $Host.UI.WriteLine('To confirm by hand (Partly):')
    foreach ($a in $partly) { Say ([ModelLedger.Rendering.UntrustedText]::ForDisplay($a.Evidence)) '  ' }
}
exit $code
