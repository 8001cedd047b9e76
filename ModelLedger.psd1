@{
    RootModule           = 'module/ModelLedger.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'ff61d77b-9c00-4ca9-8639-e83169b4e7c7'
    Author               = 'ModelLedger contributors'
    CompanyName          = 'ModelLedger'
    Copyright            = '(c) ModelLedger contributors. MIT License.'
    Description          = 'Rollback-ready model identifiers for CometAPI: a reviewed ledger of the exact model IDs each service sends, snapshots of GET /v1/models, an exact-match release gate, a staging rollback rehearsal and tamper-evident evidence.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    # The core assembly's types (ModelLedger.LedgerFinding, ModelLedger.ErrorIds...) are usable in scripts right after Import-Module.
    RequiredAssemblies   = @('module/ModelLedger.Core.dll')
    TypesToProcess       = @('module/ModelLedger.Types.ps1xml')
    FormatsToProcess     = @(
        'module/formats/LedgerEntry.Format.ps1xml',
        'module/formats/LedgerFinding.Format.ps1xml',
        'module/formats/SnapshotDifference.Format.ps1xml',
        'module/formats/CometModel.Format.ps1xml',
        'module/formats/DryRunResult.Format.ps1xml',
        'module/formats/EvidenceBundle.Format.ps1xml',
        'module/formats/ModelReference.Format.ps1xml'
    )
    CmdletsToExport      = @(
        'Get-ModelLedger',
        'Get-CometModel',
        'Test-ModelLedger',
        'Compare-CometModelSnapshot',
        'Invoke-RollbackDryRun',
        'Export-RollbackEvidence',
        'Test-RollbackEvidence',
        'Find-ModelReference',
        'Add-ModelLedgerEntry',
        'Set-ModelLedgerEntry',
        'Remove-ModelLedgerEntry',
        'New-ModelLedger'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('CometAPI', 'LLM', 'Rollback', 'Release', 'Gate', 'Runbook', 'SRE', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/modelledger/ModelLedger/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/modelledger/ModelLedger'
            ReleaseNotes = 'Unreleased: ledger lifecycle cmdlets (New-ModelLedger, Find-ModelReference, Add-/Set-/Remove-ModelLedgerEntry), release config refs (-ConfigRoot), views for 80-column logs, fail-closed hardening. 0.1.0: first release. Get-ModelLedger, Get-CometModel, Test-ModelLedger, Compare-CometModelSnapshot, Invoke-RollbackDryRun, Export-RollbackEvidence, Test-RollbackEvidence. See CHANGELOG.md.'
        }
    }
}
