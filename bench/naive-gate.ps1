<#
The baseline for the benchmark: the same gate rules written the way a runbook author would write them by hand,
with foreach and -contains over the snapshot's ID array. It reads the same files as Test-ModelLedger. Returns the
number of failed checks (compare with Test-ModelLedger's count).
#>
param([string]$LedgerPath, [string]$SnapshotPath)

$entries = Get-ModelLedger -Path $LedgerPath
$doc = [System.Text.Json.JsonDocument]::Parse([System.IO.File]::ReadAllText($SnapshotPath))
$ids = @(foreach ($m in $doc.RootElement.GetProperty('models').EnumerateArray()) { $m.GetProperty('id').GetString() })

$failed = 0
foreach ($e in $entries) {
    if (-not $e.Service -or -not $e.CurrentModelId -or -not $e.Owner) { $failed++ }
    if (-not ($ids -ccontains $e.CurrentModelId)) { $failed++ }
    if (-not $e.RollbackModelId) { $failed++ }
    $emergencyOk = $e.EmergencyAlternative -and ($ids -ccontains $e.EmergencyAlternative)
    if (-not ($e.RollbackModelId -and ($ids -ccontains $e.RollbackModelId)) -and -not $emergencyOk) { $failed++ }
}
$failed
