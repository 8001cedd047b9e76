<#
.SYNOPSIS
    Builds ModelLedger, runs its tests, and lays out a publishable module folder.
.DESCRIPTION
    For pwsh users. On a machine with only the .NET SDK the same steps are:
        dotnet build CometModelOps.sln -c Release      # builds; leaves ./ModelLedger.psd1 importable
        dotnet test CometModelOps.sln                   # every test (xunit, hosted-engine, Pester files via the shim)
.PARAMETER Test
    Also run `dotnet test`, then the Pester files in tests/ with real Pester when it is installed.
.PARAMETER Package
    Lay out out/ModelLedger/<version>/ (the folder Publish-PSResource and Install-Module expect) and build the
    gallery package out/ModelLedger.<version>.nupkg. Without pwsh the package alone is:
        dotnet pack src/ModelLedger.Package -c Release -o out
.EXAMPLE
    ./build.ps1 -Test -Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release',
    [switch]$Test,
    [switch]$Package,
    [string]$OutputPath = (Join-Path $PSScriptRoot 'out')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Invoke-Step([string]$Name, [scriptblock]$Action) {
    Write-Host "==> $Name" -ForegroundColor Cyan
    & $Action
    if ($LASTEXITCODE) { throw "$Name failed with exit code $LASTEXITCODE." }
}

Push-Location $PSScriptRoot
try {
    Invoke-Step 'dotnet build' { dotnet build CometModelOps.sln -c $Configuration }

    if ($Test) {
        Invoke-Step 'dotnet test' { dotnet test CometModelOps.sln -c $Configuration }
        if (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0') {
            Invoke-Step 'Pester' {
                $result = Invoke-Pester -Path (Join-Path $PSScriptRoot 'tests') -Output Detailed -PassThru
                $global:LASTEXITCODE = $result.FailedCount
            }
        }
        else {
            Write-Warning 'Pester 5 is not installed; the Pester files already ran through tests/PesterShim.ps1 in dotnet test.'
        }
    }

    if ($Package) {
        $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'ModelLedger.psd1')
        $target = Join-Path $OutputPath "ModelLedger/$($manifest.ModuleVersion)"
        if (Test-Path $target) { Remove-Item $target -Recurse -Force }
        New-Item -ItemType Directory -Path $target | Out-Null
        Copy-Item (Join-Path $PSScriptRoot 'ModelLedger.psd1') $target
        Copy-Item (Join-Path $PSScriptRoot 'module') $target -Recurse
        # Get-Help reads <ModuleBase>/en-US/ (cmdlet MAML built from docs/help, about_ topics): beside the manifest.
        Copy-Item (Join-Path $PSScriptRoot 'en-US') $target -Recurse
        Get-ChildItem $target -Recurse -Filter *.pdb | Remove-Item
        Test-ModuleManifest (Join-Path $target 'ModelLedger.psd1') | Out-Null
        Write-Host "Module folder: $target"
        Invoke-Step 'dotnet pack' { dotnet pack src/ModelLedger.Package -c $Configuration --no-build -o $OutputPath }
        Write-Host "Gallery package: $(Join-Path $OutputPath "ModelLedger.$($manifest.ModuleVersion).nupkg")"
    }
}
finally {
    Pop-Location
}
