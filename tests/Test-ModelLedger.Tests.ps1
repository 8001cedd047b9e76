# Pester 5 tests. Run by `dotnet test` under real pwsh with real Pester (tests/Invoke-PesterFiles.ps1), or by hand with Invoke-Pester.
BeforeAll {
    Import-Module "$PSScriptRoot/../ModelLedger.psd1" -Force
    $ledger = "$PSScriptRoot/../examples/data/ledger.json"
    $snapshot = "$PSScriptRoot/../examples/data/models-snapshot.json"
    $release = "$PSScriptRoot/../examples/data/release"
    $asOf = [datetimeoffset]'2026-11-24T09:00:00Z'
}

Describe 'Test-ModelLedger' {
    It 'writes one finding per service and check' {
        $findings = Test-ModelLedger -Path $ledger -SnapshotPath $snapshot -AsOf $asOf -ConfigRoot $release
        $findings | Should -HaveCount 31  # 2 snapshot checks, 7 per service, ModelIdPinned for each of the 8 recorded IDs
        $findings[0] | Should -BeOfType ([ModelLedger.LedgerFinding])
    }

    It 'fails a rollback ID that the snapshot does not list and names the near miss' {
        $f = Test-ModelLedger $ledger $snapshot -AsOf $asOf | Where-Object { $_.Service -eq 'report-writer' -and $_.Check -eq 'RollbackModelAvailable' }
        [string]$f.Status | Should -Be 'Fail'
        $f.Message | Should -BeLike "*'gpt-4.1'*not a match*"
    }

    It 'returns $false with -Quiet when a check fails' {
        Test-ModelLedger $ledger $snapshot -AsOf $asOf -Quiet | Should -BeFalse
    }

    It 'fails a deployed ID that differs from the ledger by case' {
        $f = Test-ModelLedger $ledger $snapshot -AsOf $asOf -Deployed @{ 'Support-Router' = 'GPT-5.4-mini-2026-03-17' } -Check DeployedMatchesLedger |
            Where-Object Service -eq 'support-router'
        [string]$f.Status | Should -Be 'Fail'
    }

    It 'writes a JUnit file' {
        $null = Test-ModelLedger $ledger $snapshot -AsOf $asOf -ConfigRoot $release -OutputFormat JUnit -OutputPath "$TestDrive/gate.xml"
        ([xml][System.IO.File]::ReadAllText("$TestDrive/gate.xml")).testsuites.testsuite.failures | Should -Be '1'
    }

    It 'never passes a ledger whose configRefs it was given no release to read (a forgotten -ConfigRoot)' {
        $f = @(Test-ModelLedger $ledger $snapshot -AsOf $asOf -Check DeployedMatchesLedger -WarningAction SilentlyContinue)
        $f | Should -HaveCount 3
        $f | ForEach-Object { [string]$_.Status | Should -Be 'Fail'; $_.Message | Should -BeLike '*read no release*-ConfigRoot*' }
        Test-ModelLedger $ledger $snapshot -AsOf $asOf -ConfigRoot $release -Check DeployedMatchesLedger |
            ForEach-Object { [string]$_.Status | Should -Be 'Pass' }
    }

    It 'stops with SnapshotNotFound when the snapshot is missing' {
        { Test-ModelLedger $ledger "$TestDrive/none.json" -ErrorAction Stop } | Should -Throw -ErrorId 'SnapshotNotFound,ModelLedger.Commands.TestModelLedgerCommand'
    }
}

Describe 'Compare-CometModelSnapshot' {
    It 'marks removed approved IDs as at risk' {
        $atRisk = Compare-CometModelSnapshot "$PSScriptRoot/../examples/data/models-snapshot-previous.json" $snapshot $ledger -AtRiskOnly
        $atRisk.Id | Should -Contain 'gemini-2.0-flash-001'
        $atRisk | Should -HaveCount 2
    }
}
