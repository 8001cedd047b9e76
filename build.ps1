<#
.SYNOPSIS
    Builds ModelLedger, runs its tests, and lays out a publishable module folder.
.DESCRIPTION
    The same steps on a machine with only the .NET SDK:
        dotnet build CometModelOps.sln -c Release      # builds; leaves ./ModelLedger.psd1 importable
        dotnet test CometModelOps.sln                   # every test: xunit, hosted-engine, real pwsh, real Pester
.PARAMETER Test
    First run `dotnet test CometModelOps.sln` (the README's test command): the xunit tests, the tests under real pwsh
    7.6.9, and tests/*.Tests.ps1 with real Pester 5.7.1 (restored from NuGet), each Pester test reported as a test
    case. The tests run on the Debug build, the one with the test hooks (crash points, the retry-wait seam); the build
    of -Configuration follows, so module/ and the package hold that build, not the test build.
.PARAMETER Package
    Build the gallery package out/ModelLedger.<version>.nupkg, and lay out out/ModelLedger/<version>/ (the folder
    Publish-PSResource and Install-PSResource use) from that same package, so both hold the same files.
.PARAMETER NoBuild
    Package what is already built (used by the packaging test, which runs after the build).
.EXAMPLE
    ./build.ps1 -Test -Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release',
    [switch]$Test,
    [switch]$Package,
    [switch]$NoBuild,
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
    if ($Test) {
        Invoke-Step 'dotnet test' { dotnet test CometModelOps.sln }
    }

    if (-not $NoBuild) { Invoke-Step 'dotnet build' { dotnet build CometModelOps.sln -c $Configuration } }

    if ($Package) {
        $version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'ModelLedger.psd1')).ModuleVersion
        Invoke-Step 'dotnet pack' { dotnet pack src/ModelLedger.Package -c $Configuration --no-build -o $OutputPath }
        $nupkg = Join-Path $OutputPath "ModelLedger.$version.nupkg"
        $target = Join-Path $OutputPath "ModelLedger/$version"
        if (Test-Path $target) { Remove-Item $target -Recurse -Force }
        # The folder is the package's content without NuGet's own bookkeeping, as Install-PSResource lays it out.
        Add-Type -AssemblyName System.IO.Compression.FileSystem   # Expand-Archive takes only .zip names
        [System.IO.Compression.ZipFile]::ExtractToDirectory($nupkg, $target)
        Get-ChildItem -LiteralPath $target -Force |
            Where-Object { $_.Name -in '_rels', 'package', '[Content_Types].xml' -or $_.Name -like '*.nuspec' } |
            Remove-Item -Recurse -Force
        Test-ModuleManifest (Join-Path $target 'ModelLedger.psd1') | Out-Null
        Write-Host "Gallery package: $nupkg"
        Write-Host "Module folder:   $target"
    }
}
finally {
    Pop-Location
}
