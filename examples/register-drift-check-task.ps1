<#
.SYNOPSIS
    Registers the daily drift check as a Windows scheduled task on a jump host.
.DESCRIPTION
    The task runs examples/drift-check.ps1 in snapshot-folder mode with Windows PowerShell 5.1 (or pwsh): it captures
    today's models snapshot with the production key and pages (exit code 3) only when an ID the ledger approves
    disappeared. Run this once, elevated, on the jump host. The key is read by the task from COMETAPI_API_KEY in the
    environment of the account it runs as (a machine-level variable readable only by that account, or set it from
    your secret store in a wrapper); the registration never sees or stores the key. With -CredentialLabel naming
    several credentials the task snapshots each one, and its account needs one variable per label instead:
    COMETAPI_API_KEY_ and the label upper-cased, characters other than A-Z and 0-9 replaced by _
    (production-eu: COMETAPI_API_KEY_PRODUCTION_EU).

    -WhatIf shows the command line without registering. Where the ScheduledTasks module is not available (not
    Windows), the script prints the registration it would perform and exits 0.
.EXAMPLE
    ./examples/register-drift-check-task.ps1 -LedgerPath C:\ModelLedger\ledger.json -SnapshotFolder C:\ModelLedger\snapshots -User 'CORP\svc-modelledger'
.EXAMPLE
    ./examples/register-drift-check-task.ps1 -CredentialLabel production-eu, production-us -User 'CORP\svc-modelledger'
.EXAMPLE
    ./examples/register-drift-check-task.ps1 -At 05:30 -PowerShellPath 'C:\Program Files\PowerShell\7\pwsh.exe' -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string]$TaskName = 'ModelLedger drift check',
    [string]$LedgerPath = 'C:\ModelLedger\ledger.json',
    [string]$SnapshotFolder = 'C:\ModelLedger\snapshots',
    [string]$At = '06:00',
    [string]$User = 'NT AUTHORITY\NETWORK SERVICE',
    [string]$PowerShellPath = 'powershell.exe',
    [string[]]$CredentialLabel
)

$script = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, 'drift-check.ps1'))
$arguments = "-NoProfile -NonInteractive -ExecutionPolicy Bypass -File `"$script`" -SnapshotFolder `"$SnapshotFolder`" -LedgerPath `"$LedgerPath`""
if ($CredentialLabel) {
    # -File passes each argument as one string, so the task hands the labels over comma-separated (drift-check.ps1 splits them).
    $arguments += " -CredentialLabel `"$((@($CredentialLabel | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })) -join ',')`""
}
$description = 'ModelLedger: capture the CometAPI models snapshot and page (exit 3) only when an approved model ID is at risk.'
$Host.UI.WriteLine("Task '$TaskName', daily at $At as $User")
$Host.UI.WriteLine("  $PowerShellPath $arguments")

if (-not (Get-Command Register-ScheduledTask -ErrorAction SilentlyContinue)) {
    $Host.UI.WriteLine('The ScheduledTasks module is not available here (it ships with Windows): nothing was registered. On the jump host run:')
    $Host.UI.WriteLine("  Register-ScheduledTask -TaskName '$TaskName' -Action (New-ScheduledTaskAction -Execute '$PowerShellPath' -Argument '$($arguments.Replace("'", "''"))') -Trigger (New-ScheduledTaskTrigger -Daily -At '$At') -User '$User'")
    exit 0
}

if ($PSCmdlet.ShouldProcess($TaskName, "Register a daily scheduled task at $At running drift-check.ps1")) {
    $action = New-ScheduledTaskAction -Execute $PowerShellPath -Argument $arguments -WorkingDirectory ([System.IO.Path]::GetDirectoryName($script))
    $trigger = New-ScheduledTaskTrigger -Daily -At $At
    # A scheduled run must finish or fail, never hang: the drift check is bounded by Get-CometModel's -TimeoutSec.
    $settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Minutes 15)
    $principal = New-ScheduledTaskPrincipal -UserId $User -LogonType ServiceAccount
    $null = Register-ScheduledTask -TaskName $TaskName -Description $description -Action $action -Trigger $trigger -Settings $settings -Principal $principal -Force
    $Host.UI.WriteLine("Registered. The task's last result is drift-check.ps1's exit code: 0 nothing at risk, 3 page the owner, 2 the check could not run.")
}
exit 0
