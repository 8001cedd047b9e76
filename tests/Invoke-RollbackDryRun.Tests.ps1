# Pester 5 tests. Run by `dotnet test` under real pwsh with real Pester (tests/Invoke-PesterFiles.ps1), or by hand with Invoke-Pester.
BeforeAll {
    Import-Module "$PSScriptRoot/../ModelLedger.psd1" -Force
    $ledger = "$PSScriptRoot/../examples/data/ledger.json"
    $example = "$PSScriptRoot/../examples/data/staging/support-router.config.json"
    $probe = { param($ctx) [regex]::Match([System.IO.File]::ReadAllText($ctx.ConfigPath), '"model": "([^"]*)"').Groups[1].Value }
}

Describe 'Invoke-RollbackDryRun' {
    BeforeEach {
        $config = "$TestDrive/staging-$([guid]::NewGuid().ToString('N')).json"
        [System.IO.File]::Copy($example, $config)
        $original = [System.IO.File]::ReadAllBytes($config)
    }

    It 'passes when the application sends the rollback ID, and restores the file byte for byte' {
        $r = Invoke-RollbackDryRun -Service support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.chat.model -ProbeScript $probe
        $r | Should -BeOfType ([ModelLedger.DryRunResult])
        [string]$r.Status | Should -Be 'Passed'
        $r.ObservedModelId | Should -BeExactly 'gpt-4o-2024-08-06'
        $r.Restored | Should -BeTrue
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($config)) | Should -Be ([System.Convert]::ToBase64String($original))
    }

    It 'fails and names the ID when the application still sends the forward ID' {
        $r = Get-ModelLedger $ledger -Service support-router |
            Invoke-RollbackDryRun -ConfigPath $config -ConfigKey llm.chat.model -ProbeScript { 'gpt-5.4-mini-2026-03-17' }
        [string]$r.Status | Should -Be 'Failed'
        $r.Message | Should -BeLike "*still sent the forward ID 'gpt-5.4-mini-2026-03-17'*"
    }

    It 'fails when the workload throws, and still restores' {
        $r = Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.chat.model -ProbeScript $probe -WorkloadScript { throw 'HTTP 400' }
        [string]$r.Status | Should -Be 'Failed'
        $r.Message | Should -Match 'workload threw: HTTP 400'
        [System.IO.File]::ReadAllText($config) | Should -Match 'gpt-5\.4-mini-2026-03-17'
    }

    It 'stops with DryRunConfigKeyNotFound for a key the config does not have' {
        { Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.model -ProbeScript $probe -ErrorAction Stop } |
            Should -Throw -ErrorId 'DryRunConfigKeyNotFound,ModelLedger.Commands.InvokeRollbackDryRunCommand'
    }

    It 'changes nothing under -WhatIf' {
        $r = Invoke-RollbackDryRun support-router -LedgerPath $ledger -ConfigPath $config -ConfigKey llm.chat.model -ProbeScript $probe -WhatIf
        $r | Should -BeNullOrEmpty
        [System.IO.File]::Exists("$config.dryrun-journal.json") | Should -BeFalse
    }
}
