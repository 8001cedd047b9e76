# Pester 5 tests for Get-ModelLedger. Run by `dotnet test` under real pwsh with real Pester
# (tests/Invoke-PesterFiles.ps1), or by hand with Invoke-Pester.
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
        { Get-ModelLedger "$TestDrive/missing.json" -ErrorAction Stop } | Should -Throw -ErrorId 'LedgerNotFound,ModelLedger.Commands.GetModelLedgerCommand'
    }

    It 'reports a wrong type as LedgerInvalid naming line and field' {
        $bad = "$TestDrive/bad.json"
        [System.IO.File]::WriteAllText($bad, "{`n `"schemaVersion`": 1,`n `"entries`": [ { `"service`": 7 } ]`n}")
        { Get-ModelLedger $bad -ErrorAction Stop } | Should -Throw -ErrorId 'LedgerInvalid,ModelLedger.Commands.GetModelLedgerCommand' -ExpectedMessage "*line 3, field 'service'*"
    }
}
