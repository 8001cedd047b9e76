# Dot-sourced by the runbook scripts that take script blocks (rollback-dry-run.ps1, release-evidence.ps1).
# A script block, or (under pwsh -File, where a string never becomes code) the path of an existing .ps1 file, which
# becomes that file's script block. Any other string is refused: it is never evaluated as code.
function ConvertTo-ScriptBlockParameter([string]$Name, [object]$Value) {
    if ($Value -is [scriptblock]) { return $Value }
    $text = [string]$Value
    $full = if ($text) { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($text) } else { '' }
    if (-not $full.EndsWith('.ps1', [System.StringComparison]::OrdinalIgnoreCase) -or -not [System.IO.File]::Exists($full)) {
        throw "-$Name takes a script block, or under pwsh -File the path of an existing .ps1 file; '$text' is neither (a string is never run as code)."
    }
    (Get-Command -Name $full -CommandType ExternalScript).ScriptBlock
}
