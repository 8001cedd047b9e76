# Pester 5 tests. Run by `dotnet test` under real pwsh with real Pester (tests/Invoke-PesterFiles.ps1), or by hand with Invoke-Pester.
BeforeAll {
    Import-Module "$PSScriptRoot/../ModelLedger.psd1" -Force
    $ledger = "$PSScriptRoot/../examples/data/ledger.json"
    $previous = "$PSScriptRoot/../examples/data/ledger-previous.json"
    $snapshot = "$PSScriptRoot/../examples/data/models-snapshot.json"
    $findings = Test-ModelLedger $ledger -SnapshotPath $snapshot -AsOf '2026-11-24T09:00:00Z'
}

Describe 'Export-RollbackEvidence' {
    It 'writes a bundle whose manifest verifies' {
        $out = "$TestDrive/full"
        $b = $findings | Export-RollbackEvidence -Path $out -LedgerPath $ledger -PreviousLedgerPath $previous -SnapshotPath $snapshot -ApprovedBy 'owner' -WarningAction SilentlyContinue
        $b | Should -BeOfType ([ModelLedger.EvidenceBundle])
        $b.Files | Should -Contain 'ledger-before.json'
        $b.Files | Should -Contain 'findings.junit.xml'
        $b.MissingArtifacts | Should -Contain 'rollback dry-run result (Invoke-RollbackDryRun)'
        $b.Complete | Should -BeFalse
        $b.Missing | Should -Contain 'Missing for support-router: I verified the rollback action can be performed without a code redeploy, or I documented why a redeploy is required.'
        Test-RollbackEvidence $out -Quiet | Should -BeTrue
    }

    It 'refuses a folder that already holds files' {
        $out = "$TestDrive/taken"
        $null = [System.IO.Directory]::CreateDirectory($out)
        [System.IO.File]::WriteAllText("$out/x.txt", 'x')
        { Export-RollbackEvidence -Path $out -LedgerPath $ledger -ErrorAction Stop } | Should -Throw -ErrorId 'EvidenceFolderNotEmpty,ModelLedger.Commands.ExportRollbackEvidenceCommand'
    }

    It 'detects a file changed after export' {
        $out = "$TestDrive/tampered"
        $null = Export-RollbackEvidence -Path $out -LedgerPath $ledger -Finding $findings -WarningAction SilentlyContinue
        [System.IO.File]::AppendAllText("$out/findings.md", ' ')
        $bad = @(Test-RollbackEvidence $out | Where-Object { [string]$_.Status -eq 'Fail' })
        $bad | Should -HaveCount 1
        $bad[0].File | Should -Be 'findings.md'
        Test-RollbackEvidence $out -Quiet | Should -BeFalse
    }
}
