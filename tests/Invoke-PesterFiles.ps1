<#
.SYNOPSIS
    Runs tests/*.Tests.ps1 with real Pester and writes one record per test (and per file that failed to load) as JSON.
.DESCRIPTION
    `dotnet test` calls this under real pwsh (tests/ModelLedger.Module.Tests/Pwsh/PesterTests.cs) and reports each
    Pester test as its own test case, so Pester's counts and messages are part of the test run's results.
    By hand: dotnet pwsh -NoProfile -File tests/Invoke-PesterFiles.ps1 -PesterManifest <path to Pester.psd1>
#>
param(
    [Parameter(Mandatory)][string]$PesterManifest,
    [string]$Path = $PSScriptRoot,
    [string]$ResultPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = if ($ResultPath) { 'None' } else { 'Detailed' }
$run = Invoke-Pester -Configuration $config

$records = @(
    foreach ($container in $run.Containers | Where-Object { $_.Result -eq 'Failed' -and $_.ErrorRecord.Count -gt 0 }) {
        $file = [System.IO.Path]::GetFileName([string]$container.Item)
        [pscustomobject]@{ Name = "$file (file did not run)"; Result = 'Failed'; Message = ($container.ErrorRecord | ForEach-Object { $_.ToString() }) -join "`n" }
    }
    foreach ($test in $run.Tests) {
        [pscustomobject]@{
            Name    = "$([System.IO.Path]::GetFileName($test.ScriptBlock.File)) > $($test.ExpandedPath)"
            Result  = [string]$test.Result
            Message = ($test.ErrorRecord | ForEach-Object { $_.ToString() }) -join "`n"
        }
    }
)
if ($ResultPath) {
    ConvertTo-Json -InputObject $records -Depth 3 | Set-Content -LiteralPath $ResultPath -Encoding utf8
}
exit $run.FailedCount
