# Pester 5 tests for Get-ModelLedger. Run with real Pester under pwsh (./build.ps1 -Test), or in the hosted
# engine through tests/PesterShim.ps1 (dotnet test). Only core cmdlets are used, so both work.
BeforeAll {
    Import-Module "$PSScriptRoot/../ModelLedger.psd1" -Force
    $ledger = "$PSScriptRoot/../examples/data/ledger.json"
}

Describe 'Get-ModelLedger' {
    It 'returns one ModelLedger.LedgerEntry per service' {
        $entries = Get-ModelLedger -Path $ledger
        $entries | Should -HaveCount 3
        $entries[0] | Should -BeOfType ([ModelLedger.LedgerEntry])
        $entries[0].Service | Should -BeExactly 'support-router'
    }

    It 'finds services without an emergency alternative with Where-Object -eq $null' {
        Get-ModelLedger $ledger | Where-Object EmergencyAlternative -eq $null | ForEach-Object Service | Should -BeExactly 'report-writer'
    }

    It 'filters by -Service with wildcards' {
        (Get-ModelLedger $ledger -Service 'report-*').CurrentModelId | Should -BeExactly 'gpt-5.1-2025-11-13'
    }

    It 'reads a CSV ledger with the same column names' {
        $csv = "$TestDrive/ledger.csv"
        [System.IO.File]::WriteAllText($csv, "service,currentModelId,rollbackModelId,owner`nsupport-router,gpt-4o-2024-08-06,,platform-ai`n")
        $entry = Get-ModelLedger -LiteralPath $csv
        $entry.CurrentModelId | Should -BeExactly 'gpt-4o-2024-08-06'
        $entry.RollbackModelId | Should -BeNullOrEmpty
    }

    It 'reports a missing file as LedgerNotFound' {
        { Get-ModelLedger "$TestDrive/missing.json" -ErrorAction Stop } | Should -Throw -ErrorId 'LedgerNotFound'
    }

    It 'reports a wrong type as LedgerInvalid naming line and field' {
        $bad = "$TestDrive/bad.json"
        [System.IO.File]::WriteAllText($bad, "{`n `"schemaVersion`": 1,`n `"entries`": [ { `"service`": 7 } ]`n}")
        { Get-ModelLedger $bad -ErrorAction Stop } | Should -Throw -ErrorId 'LedgerInvalid' -ExpectedMessage "*line 3, field 'service'*"
    }
}
