<#
A Pester-compatible subset for engines where Pester cannot be installed (the hosted System.Management.Automation
engine in tests/ModelLedger.Module.Tests). It keeps Pester 5's two phases: dot-sourcing a *.Tests.ps1 file only
discovers its blocks; Invoke-PesterShim then runs them and returns one result per It. Under pwsh with Pester, the
same files run with the real thing; nothing here is loaded then.

Supported: BeforeAll/AfterAll/BeforeEach/AfterEach (file, Describe and Context level), Describe, Context,
It (-Skip, -TestCases with <name> expansion), $TestDrive, and Should with -Not and the operators
-Be, -BeExactly, -BeNullOrEmpty, -BeTrue, -BeFalse, -BeLike, -Match, -MatchExactly, -Contain, -HaveCount,
-BeOfType, -BeGreaterThan, -BeLessThan, -BeGreaterOrEqual, -BeLessOrEqual, -Throw (-ErrorId, -ExpectedMessage).
Only core cmdlets and .NET are used: the hosted engine has no Utility or Management module.
#>

function New-ShimBlock([string]$Name, [string]$Kind) {
    [pscustomobject]@{
        Name       = $Name
        Kind       = $Kind
        BeforeAll  = [System.Collections.Generic.List[scriptblock]]::new()
        AfterAll   = [System.Collections.Generic.List[scriptblock]]::new()
        BeforeEach = [System.Collections.Generic.List[scriptblock]]::new()
        AfterEach  = [System.Collections.Generic.List[scriptblock]]::new()
        Items      = [System.Collections.Generic.List[object]]::new()
    }
}

$global:PesterShimRoot = New-ShimBlock -Name '' -Kind 'Root'
$global:PesterShimStack = [System.Collections.Generic.Stack[object]]::new()
$global:PesterShimStack.Push($global:PesterShimRoot)

function Add-ShimBlock([string]$Name, [scriptblock]$Fixture, [string]$Kind) {
    $block = New-ShimBlock -Name $Name -Kind $Kind
    $global:PesterShimStack.Peek().Items.Add($block)
    $global:PesterShimStack.Push($block)
    try { . $Fixture } finally { [void]$global:PesterShimStack.Pop() }
}

function Describe { param([Parameter(Mandatory, Position = 0)][string]$Name, [Parameter(Position = 1)][scriptblock]$Fixture, [string[]]$Tag) Add-ShimBlock $Name $Fixture 'Describe' }
function Context { param([Parameter(Mandatory, Position = 0)][string]$Name, [Parameter(Position = 1)][scriptblock]$Fixture, [string[]]$Tag) Add-ShimBlock $Name $Fixture 'Context' }
function BeforeAll { param([Parameter(Mandatory, Position = 0)][scriptblock]$Scriptblock) $global:PesterShimStack.Peek().BeforeAll.Add($Scriptblock) }
function AfterAll { param([Parameter(Mandatory, Position = 0)][scriptblock]$Scriptblock) $global:PesterShimStack.Peek().AfterAll.Add($Scriptblock) }
function BeforeEach { param([Parameter(Mandatory, Position = 0)][scriptblock]$Scriptblock) $global:PesterShimStack.Peek().BeforeEach.Add($Scriptblock) }
function AfterEach { param([Parameter(Mandatory, Position = 0)][scriptblock]$Scriptblock) $global:PesterShimStack.Peek().AfterEach.Add($Scriptblock) }

function It {
    param(
        [Parameter(Mandatory, Position = 0)][string]$Name,
        [Parameter(Position = 1)][scriptblock]$Test,
        [System.Collections.IDictionary[]]$TestCases,
        [switch]$Skip,
        [string[]]$Tag
    )
    if (-not $TestCases) { $TestCases = @(@{}) }
    foreach ($case in $TestCases) {
        $title = $Name
        if ($case) { foreach ($key in $case.Keys) { $title = $title.Replace("<$key>", [string]$case[$key]) } }
        $global:PesterShimStack.Peek().Items.Add([pscustomobject]@{ Kind = 'It'; Name = $title; Test = $Test; Case = $case; Skip = [bool]$Skip })
    }
}

function Invoke-PesterShim {
    <# Runs what the dot-sourced test files declared; returns one result object per It. #>
    $results = [System.Collections.Generic.List[object]]::new()
    Invoke-ShimBlock -PesterShimBlock $global:PesterShimRoot -PesterShimPath @() -PesterShimEach @() -PesterShimAfterEach @() -PesterShimResults $results
    $results
}

function Invoke-ShimBlock($PesterShimBlock, [string[]]$PesterShimPath, [object[]]$PesterShimEach, [object[]]$PesterShimAfterEach, $PesterShimResults) {
    if ($PesterShimBlock.Kind -eq 'Describe' -and $PesterShimPath.Count -eq 1) {
        # Pester gives each top-level Describe a fresh TestDrive.
        $TestDrive = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'testdrive-' + [guid]::NewGuid().ToString('N'))).FullName
    }
    $PesterShimSetupError = $null
    try { foreach ($PesterShimSetup in $PesterShimBlock.BeforeAll) { . $PesterShimSetup } } catch { $PesterShimSetupError = $_ }
    $PesterShimEach = @($PesterShimEach) + @($PesterShimBlock.BeforeEach)
    $PesterShimAfterEach = @($PesterShimBlock.AfterEach) + @($PesterShimAfterEach)
    foreach ($PesterShimItem in $PesterShimBlock.Items) {
        $PesterShimItemPath = @($PesterShimPath) + $PesterShimItem.Name
        if ($PesterShimItem.Kind -ne 'It') {
            if ($PesterShimSetupError) { Add-ShimSetupFailure $PesterShimItem $PesterShimItemPath $PesterShimSetupError $PesterShimResults; continue }
            Invoke-ShimBlock -PesterShimBlock $PesterShimItem -PesterShimPath $PesterShimItemPath -PesterShimEach $PesterShimEach -PesterShimAfterEach $PesterShimAfterEach -PesterShimResults $PesterShimResults
            continue
        }
        $name = $PesterShimItemPath -join ' > '
        if ($PesterShimItem.Skip) { $PesterShimResults.Add([pscustomobject]@{ Name = $name; Result = 'Skipped'; Message = $null }); continue }
        if ($PesterShimSetupError) { $PesterShimResults.Add([pscustomobject]@{ Name = $name; Result = 'Failed'; Message = "BeforeAll failed: $PesterShimSetupError" }); continue }
        $failure = $null
        try {
            & {
                if ($PesterShimItem.Case) { foreach ($key in $PesterShimItem.Case.Keys) { $ExecutionContext.SessionState.PSVariable.Set($key, $PesterShimItem.Case[$key]) } }
                try {
                    foreach ($PesterShimSetup in $PesterShimEach) { . $PesterShimSetup }
                    $null = . $PesterShimItem.Test
                }
                finally { foreach ($PesterShimTeardown in $PesterShimAfterEach) { . $PesterShimTeardown } }
            }
        }
        catch { $failure = $_ }
        $PesterShimResults.Add([pscustomobject]@{
                Name    = $name
                Result  = if ($failure) { 'Failed' } else { 'Passed' }
                Message = if ($failure) { "$failure ($(Get-ShimFailureLocation $failure))" } else { $null }
            })
    }
    foreach ($PesterShimTeardown in $PesterShimBlock.AfterAll) {
        try { . $PesterShimTeardown } catch { $PesterShimResults.Add([pscustomobject]@{ Name = ($PesterShimPath -join ' > ') + ' > AfterAll'; Result = 'Failed'; Message = "$_" }) }
    }
    if ($TestDrive -and $PesterShimBlock.Kind -eq 'Describe' -and $PesterShimPath.Count -eq 1 -and [System.IO.Directory]::Exists($TestDrive)) {
        [System.IO.Directory]::Delete($TestDrive, $true)
    }
}

# The first stack frame outside this file: the line of the test that failed, not of the Should that threw.
function Get-ShimFailureLocation($ErrorRecord) {
    foreach ($frame in ("$($ErrorRecord.ScriptStackTrace)" -split "`n")) { if ($frame -notmatch 'PesterShim\.ps1') { return $frame.Trim() } }
    "line $($ErrorRecord.InvocationInfo.ScriptLineNumber)"
}

function Add-ShimSetupFailure($Block, [string[]]$Path, $ErrorRecord, $Results) {
    foreach ($item in $Block.Items) {
        $itemPath = @($Path) + $item.Name
        if ($item.Kind -eq 'It') { $Results.Add([pscustomobject]@{ Name = $itemPath -join ' > '; Result = 'Failed'; Message = "BeforeAll failed: $ErrorRecord" }) }
        else { Add-ShimSetupFailure $item $itemPath $ErrorRecord $Results }
    }
}

function Format-ShimValue($Value) {
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [string]) { return "'$Value'" }
    if ($Value -is [System.Collections.IEnumerable]) { return '@(' + (@($Value | ForEach-Object { Format-ShimValue $_ }) -join ', ') + ')' }
    "$Value"
}

function Should {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)] $ActualValue,
        [Parameter(Position = 0)] $ExpectedValue,
        [switch]$Not,
        [switch]$Be, [switch]$BeExactly, [switch]$BeNullOrEmpty, [switch]$BeTrue, [switch]$BeFalse,
        [switch]$BeLike, [switch]$Match, [switch]$MatchExactly, [switch]$Contain, [switch]$HaveCount,
        [switch]$BeOfType, [switch]$BeGreaterThan, [switch]$BeLessThan, [switch]$BeGreaterOrEqual, [switch]$BeLessOrEqual,
        [switch]$Throw, [string]$ErrorId, [string]$ExpectedMessage, [string]$Because
    )
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { if ($MyInvocation.ExpectingInput) { $items.Add($ActualValue) } }
    end {
        if (-not $MyInvocation.ExpectingInput) { $items.Add($ActualValue) }
        $actual = if ($items.Count -eq 1) { $items[0] } elseif ($items.Count -eq 0) { $null } else { , $items.ToArray() }
        $ok = $false
        $what = ''
        if ($Throw) {
            $thrown = $null
            try { $null = & $actual } catch { $thrown = $_ }
            $ok = $null -ne $thrown
            if ($ok -and $ErrorId) { $ok = $thrown.FullyQualifiedErrorId -like "*$ErrorId*" }
            if ($ok -and $ExpectedMessage) { $ok = $thrown.Exception.Message -like $ExpectedMessage }
            $what = "an error$(if ($ErrorId) { " with ErrorId '$ErrorId'" })$(if ($ExpectedMessage) { " and message like '$ExpectedMessage'" }) to be thrown, but got: $(if ($thrown) { "$($thrown.FullyQualifiedErrorId): $($thrown.Exception.Message)" } else { 'no error' })"
        }
        elseif ($Be -or $BeExactly) {
            $a = @($actual); $e = @($ExpectedValue)
            $ok = $a.Count -eq $e.Count
            for ($i = 0; $ok -and $i -lt $a.Count; $i++) { $ok = if ($BeExactly) { $a[$i] -ceq $e[$i] } else { $a[$i] -eq $e[$i] } }
            if ($null -eq $actual -and $null -eq $ExpectedValue) { $ok = $true }
            $what = "$(Format-ShimValue $ExpectedValue)$(if ($BeExactly) { ' exactly' }), but got $(Format-ShimValue $actual)"
        }
        elseif ($BeNullOrEmpty) { $ok = $null -eq $actual -or ($actual -is [string] -and $actual -eq '') -or ($actual -is [array] -and $actual.Count -eq 0); $what = "`$null or empty, but got $(Format-ShimValue $actual)" }
        elseif ($BeTrue) { $ok = $actual -eq $true; $what = "`$true, but got $(Format-ShimValue $actual)" }
        elseif ($BeFalse) { $ok = $actual -eq $false; $what = "`$false, but got $(Format-ShimValue $actual)" }
        elseif ($BeLike) { $ok = $actual -like $ExpectedValue; $what = "like '$ExpectedValue', but got $(Format-ShimValue $actual)" }
        elseif ($Match) { $ok = $actual -match $ExpectedValue; $what = "to match '$ExpectedValue', but got $(Format-ShimValue $actual)" }
        elseif ($MatchExactly) { $ok = $actual -cmatch $ExpectedValue; $what = "to match exactly '$ExpectedValue', but got $(Format-ShimValue $actual)" }
        elseif ($Contain) { $ok = @($items) -contains $ExpectedValue; $what = "$(Format-ShimValue $ExpectedValue) to be in $(Format-ShimValue $items)" }
        elseif ($HaveCount) { $n = if ($items.Count -eq 1 -and $null -eq $items[0]) { 0 } else { @($items | ForEach-Object { $_ }).Count }; $ok = $n -eq $ExpectedValue; $what = "a count of $ExpectedValue, but got $n" }
        elseif ($BeOfType) { $ok = $actual -is $ExpectedValue; $what = "of type $ExpectedValue, but got $(if ($null -ne $actual) { $actual.GetType().FullName } else { '$null' })" }
        elseif ($BeGreaterThan) { $ok = $actual -gt $ExpectedValue; $what = "greater than $ExpectedValue, but got $actual" }
        elseif ($BeLessThan) { $ok = $actual -lt $ExpectedValue; $what = "less than $ExpectedValue, but got $actual" }
        elseif ($BeGreaterOrEqual) { $ok = $actual -ge $ExpectedValue; $what = "at least $ExpectedValue, but got $actual" }
        elseif ($BeLessOrEqual) { $ok = $actual -le $ExpectedValue; $what = "at most $ExpectedValue, but got $actual" }
        else { throw 'Should: this shim does not know the operator used; add it to tests/PesterShim.ps1.' }

        if ($Not) { $ok = -not $ok }
        if (-not $ok) {
            $message = "Expected $(if ($Not) { 'not ' })$what"
            if ($Because) { $message += " because $Because" }
            throw [System.Exception]::new($message)
        }
    }
}
