<#
.SYNOPSIS
    Runbook step 5: rehearse a service's rollback in staging, without user traffic, and always put the config back.
.DESCRIPTION
    Switches the staging config's model ID to the ledger's rollback ID, asks the application which model ID it now
    sends (the probe reloads the config the way the service does), runs a small request set (the workload), restores
    the config byte for byte and prints the result. If the process dies mid-run, the next run (or
    Invoke-RollbackDryRun -Recover) restores the config from the journal left beside it.

    With no parameters at all it rehearses support-router from the example ledger on a working copy of
    examples/data/staging/support-router.config.json, so the example never edits the repository. Once you give any
    input it never falls back to the example: -LedgerPath, -Service and -ConfigPath are required. Uses only core
    cmdlets and .NET, so it runs in pwsh and Windows PowerShell 5.1.

    Exit codes: 0 the rollback rehearsal passed; 1 it failed (the printed message says what the application sent),
    or pwsh could not bind a parameter (before the script runs; the error names it); 2 the rehearsal could not run
    (missing input, ledger, config or key problem; the error says what to do).
.PARAMETER ProbeScript
    Reloads your service's config and outputs the model ID it now sends (default: reads -ConfigKey from the JSON
    config file, which proves the file, not the service: pass your service's own probe). A script block, or the
    path of a .ps1 file taking param($ctx) (under pwsh -File, where a script block cannot be passed). Any other
    string exits 2: it is never run as code.
.PARAMETER WorkloadScript
    The small request set; fails by throwing (default: builds three requests from the probe's answer). A script
    block or the path of a .ps1 file, as for -ProbeScript.
.EXAMPLE
    dotnet pwsh -NoProfile -File examples/rollback-dry-run.ps1
.EXAMPLE
    pwsh ./examples/rollback-dry-run.ps1 -LedgerPath ./ledger.json -Service support-router
        -ConfigPath /srv/staging/support-router.json -ConfigKey llm.chat.model
.EXAMPLE
    # Under -File (a scheduled task), the probe is a .ps1 file: param($ctx) (Invoke-RestMethod $url).model
    pwsh -NoProfile -File ./examples/rollback-dry-run.ps1 -LedgerPath ./ledger.json -Service support-router
        -ConfigPath /srv/staging/support-router.json -ConfigKey llm.chat.model -ProbeScript ./probe.ps1
#>
[CmdletBinding()]
param(
    [string]$LedgerPath,
    [string]$Service,
    [string]$ConfigPath,
    [string]$ConfigKey,
    [object]$ProbeScript,
    [object]$WorkloadScript,
    [ValidateRange(1, 86400)] [int]$TimeoutSec = 120
)
Import-Module "$PSScriptRoot/../ModelLedger.psd1"

. "$PSScriptRoot/common/ConvertTo-ScriptBlockParameter.ps1"

$inputs = @('LedgerPath', 'Service', 'ConfigPath', 'ConfigKey', 'ProbeScript', 'WorkloadScript')
$work = $null
if (-not @($inputs | Where-Object { $PSBoundParameters.ContainsKey($_) }).Count) {
    $LedgerPath = "$PSScriptRoot/data/ledger.json"
    $Service = 'support-router'
    $ConfigKey = 'llm.chat.model'
    $work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "modelledger-staging-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = [System.IO.Directory]::CreateDirectory($work)
    $ConfigPath = [System.IO.Path]::Combine($work, 'support-router.config.json')
    [System.IO.File]::Copy("$PSScriptRoot/data/staging/support-router.config.json", $ConfigPath)
    $Host.UI.WriteLine('No input given: rehearsing support-router from the example ledger on a working')
    $Host.UI.WriteLine('copy of the example staging config:')
    $Host.UI.WriteLine("  $ConfigPath")
}
else {
    $lacking = @('LedgerPath', 'Service', 'ConfigPath' | Where-Object { -not $PSBoundParameters[$_] })
    if ($lacking.Count) {
        $Host.UI.WriteErrorLine("Dry run could not run: -$($lacking -join ', -') missing. Name the ledger, the service and its staging config.")
        exit 2
    }
    try {
        if ($ProbeScript) { $ProbeScript = ConvertTo-ScriptBlockParameter 'ProbeScript' $ProbeScript }
        if ($WorkloadScript) { $WorkloadScript = ConvertTo-ScriptBlockParameter 'WorkloadScript' $WorkloadScript }
    }
    catch {
        foreach ($line in [ModelLedger.Rendering.ConsoleView]::Wrap("Dry run could not run: $($_.Exception.Message)", 79)) { $Host.UI.WriteErrorLine($line) }
        exit 2
    }
}

# The probe: what the service does on reload - read its config file and take the chat model from it.
# Replace the body with your service's own reload + "which model do you send" call (a health endpoint, a log line).
$probe = if ($ProbeScript) { $ProbeScript } else { {
    param($ctx)
    $options = [System.Text.Json.JsonDocumentOptions]@{ CommentHandling = 'Skip'; AllowTrailingCommas = $true }
    $doc = [System.Text.Json.JsonDocument]::Parse([System.IO.File]::ReadAllText($ctx.ConfigPath), $options)
    try {
        $node = $doc.RootElement
        foreach ($segment in $ctx.ConfigKey.Split('.')) { $node = $node.GetProperty($segment) }
        $node.GetString()
    }
    finally { $doc.Dispose() }
} }

# The workload: the small request set. Offline, it builds the requests the service would send and checks each one
# names the switched model; against a real staging endpoint, send them and throw on any non-2xx answer.
$workload = if ($WorkloadScript) { $WorkloadScript } else { {
    param($ctx)
    foreach ($intent in 'billing', 'outage', 'account') {
        $request = @{ model = (& $probe $ctx); messages = @(@{ role = 'user'; content = "classify: $intent" }) }
        if ($request.model -cne $ctx.ExpectedModelId) { throw "request '$intent' would send '$($request.model)', not '$($ctx.ExpectedModelId)'" }
    }
} }

$code = 0
$rehearsal = @{ Service = $Service; LedgerPath = $LedgerPath; ConfigPath = $ConfigPath; ProbeScript = $probe; WorkloadScript = $workload; TimeoutSec = $TimeoutSec }
if ($ConfigKey) { $rehearsal.ConfigKey = $ConfigKey }
try {
    $result = Invoke-RollbackDryRun @rehearsal -ErrorAction Stop
    if ($null -ne $result) {   # $null under -WhatIf, or when -Confirm was answered No
        $result | Out-Default
        $Host.UI.WriteLine("Switched at $($result.SwitchedAt.ToString('u')), restored at $($result.RestoredAt.ToString('u')).")
        $Host.UI.WriteLine("Config restored byte for byte: $($result.Restored).")
        $shown = [ModelLedger.Rendering.UntrustedText]::ForDisplay($result.RollbackModelId)
        if ($result.Status -eq 'Passed') {
            $Host.UI.WriteLine("ROLLBACK REHEARSED: $([ModelLedger.Rendering.UntrustedText]::ForDisplay($Service)) sends, when switched:")
            $Host.UI.WriteLine("  $shown")
        }
        else {
            $Host.UI.WriteLine('ROLLBACK NOT READY:')
            $Host.UI.WriteLine("  $($result.DisplayMessage())")
            $code = 1
        }
    }
}
catch {
    $Host.UI.WriteErrorLine("Dry run could not run [$($_.FullyQualifiedErrorId -replace ',.*')]: $($_.Exception.Message)")
    $code = 2
}
finally {
    if ($work) { [System.IO.Directory]::Delete($work, $true) }
}
exit $code
