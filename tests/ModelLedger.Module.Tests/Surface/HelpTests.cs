using System;
using System.IO;
using System.Linq;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Get-Help as an operator uses it, through the imported module: the help generated at build from docs/help/*.md,
/// and about_ModelLedger. A cmdlet or public parameter added without docs fails here, by name.
/// </summary>
public class HelpTests
{
    // Produces one line per gap, so the failure message lists exactly what lacks docs.
    private const string AuditScript = """
        $skip = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($cmd in Get-Command -Module ModelLedger -CommandType Cmdlet) {
            $name = $cmd.Name
            $help = Get-Help $name -Full
            $synopsis = "$($help.Synopsis)".Trim()
            # Without MAML help, Get-Help falls back to a synopsis that is just the syntax.
            if (-not $synopsis -or $synopsis.StartsWith($name)) { "${name}: no SYNOPSIS (docs/help/$name.md missing or not built)" }
            if (-not (@($help.description | ForEach-Object Text) -join '').Trim()) { "${name}: no DESCRIPTION" }
            $examples = @($help.examples.example | Where-Object { "$($_.code)".Trim() })
            if ($examples.Count -lt 2) { "${name}: $($examples.Count) example(s) with code, need at least 2" }
            foreach ($p in $cmd.Parameters.Values) {
                if ($skip -contains $p.Name -or @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })) { continue }
                $hp = @($help.parameters.parameter | Where-Object name -eq $p.Name)
                if (-not (@($hp | ForEach-Object { $_.description } | ForEach-Object Text) -join '').Trim()) { "${name} -$($p.Name): no description" }
            }
        }
        """;

    [Fact]
    public void EveryExportedCmdletHasFullHelpAndEveryPublicParameterIsDocumented()
    {
        using var ps = new PowerShellHarness();
        var cmdlets = ps.Run("Get-Command -Module ModelLedger -CommandType Cmdlet | ForEach-Object Name").Output.Select(o => o.ToString()).ToList();
        Assert.Contains("Get-ModelLedger", cmdlets);

        var run = ps.Run(AuditScript);
        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        var gaps = run.Output.Select(o => o.ToString()).ToList();
        Assert.True(gaps.Count == 0,
            "Help gaps (write or fix docs/help/<Verb-Noun>.md, then rebuild):\n  " + string.Join("\n  ", gaps));
    }

    [Fact]
    public void TheAuditNamesTheCmdletAndParameterThatLackDocs()
    {
        // The audit must fail loudly, not pass vacuously: a help object without a parameter's text is reported by name.
        using var ps = new PowerShellHarness();
        var run = ps.Run(AuditScript.Replace("$help = Get-Help $name -Full", "$help = Get-Help $name -Full; if ($name -eq 'Get-ModelLedger') { $help.parameters.parameter | Where-Object name -eq 'Service' | ForEach-Object { $_.description = $null } }"));
        Assert.Contains("Get-ModelLedger -Service: no description", run.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void FullHelpShowsGeneratedSyntaxExamplesAndDefaults()
    {
        using var ps = new PowerShellHarness();
        var text = ps.Render("Get-Help Get-CometModel -Full").HostText;
        Assert.Contains("Lists the model identifiers CometAPI", text);
        Assert.Contains("Get-CometModel [[-Id] <String[]>] [-BaseUri <String>] [-ApiKey <SecureString>]", text);
        Assert.Contains("-SnapshotPath <String>", text);
        Assert.Contains("Example 2: Check the forward and rollback IDs against a saved snapshot", text);
        Assert.Contains("Get-CometModel -SnapshotPath ./examples/data/models-snapshot.json -Id gpt-5.4-mini-2026-03-17", text);
        Assert.Contains("ModelLedger.CometModel", text);

        var timeout = ps.Run("Get-Help Get-CometModel -Parameter TimeoutSec").Output.Single();
        Assert.Equal("30", timeout.Properties["defaultValue"].Value?.ToString());
        var id = ps.Run("Get-Help Get-CometModel -Parameter Id").Output.Single();
        Assert.Equal("True (ByValue, ByPropertyName)", id.Properties["pipelineInput"].Value?.ToString());
        Assert.Equal("ModelId", id.Properties["aliases"].Value?.ToString());
    }

    [Fact]
    public void HelpSyntaxListsExactlyTheCmdletsParameters()
    {
        // The syntax is generated from the compiled metadata, so it cannot drift from what the cmdlet binds.
        using var ps = new PowerShellHarness();
        var run = ps.Run("""
            $skip = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
            foreach ($cmd in Get-Command -Module ModelLedger -CommandType Cmdlet) {
                $help = Get-Help $cmd.Name -Full
                $inHelp = @($help.syntax.syntaxItem | ForEach-Object { $_.parameter } | ForEach-Object name | Where-Object { $skip -notcontains $_ })
                $inCmdlet = @($cmd.Parameters.Values | Where-Object { $skip -notcontains $_.Name -and -not @($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) } | ForEach-Object Name)
                foreach ($n in $inCmdlet) { if ($inHelp -notcontains $n) { "$($cmd.Name) -${n}: missing from help syntax" } }
                foreach ($n in $inHelp) { if ($inCmdlet -notcontains $n) { "$($cmd.Name) -${n}: in help syntax but not a parameter" } }
                if (@($help.syntax.syntaxItem).Count -ne @($cmd.ParameterSets).Count) { "$($cmd.Name): $(@($help.syntax.syntaxItem).Count) syntax items for $(@($cmd.ParameterSets).Count) parameter sets" }
            }
            """);
        Assert.Empty(run.AllErrors);
        Assert.True(run.Output.Count == 0, string.Join("\n", run.Output));
    }

    [Fact]
    public void AboutModelLedgerExplainsTheRunbookFormatsVariablesErrorsAndExitCodes()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Get-Help about_ModelLedger");
        Assert.Empty(run.AllErrors);
        var text = string.Join("\n", run.Output.Select(o => o.ToString()));
        Assert.StartsWith("TOPIC", text.TrimStart());
        Assert.Contains("about_ModelLedger", text);
        foreach (var cmdlet in new[] { "Get-ModelLedger", "Get-CometModel -OutSnapshot", "Test-ModelLedger", "Compare-CometModelSnapshot", "Invoke-RollbackDryRun", "Export-RollbackEvidence", "Test-RollbackEvidence" })
            Assert.Contains(cmdlet, text);
        foreach (var word in new[] { "COMETAPI_API_KEY", "COMETAPI_BASE_URL", "TF_BUILD", "rollbackModelId", "responseSha256", "credentialLabel", "release-gate.ps1", "drift-check.ps1", "snapshot-models.ps1" })
            Assert.Contains(word, text);

        // Every error ID the module can write is explained (scripts and operators search for them).
        var ids = ps.Run("[ModelLedger.ErrorIds].GetFields() | ForEach-Object { $_.GetValue($null) }").Output.Select(o => o.ToString()!).ToList();
        Assert.Contains("LedgerInvalid", ids);
        var missing = ids.Where(id => !text.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "about_ModelLedger (module/en-US/about_ModelLedger.help.txt) does not explain: " + string.Join(", ", missing));
    }

    [Fact]
    public void HelpFilesAreBuiltBesideTheManifestWhereGetHelpLooks()
    {
        // Get-Help searches <ModuleBase>/<culture>/ (en-US is the fallback for the invariant culture), and ModuleBase
        // is the folder of ModelLedger.psd1, not module/ where the DLL is.
        using var ps = new PowerShellHarness();
        var moduleBase = ps.Run("(Get-Module ModelLedger).ModuleBase").Output.Single().ToString();
        Assert.Equal(Repo.Root.TrimEnd(Path.DirectorySeparatorChar), moduleBase!.TrimEnd(Path.DirectorySeparatorChar));
        Assert.True(File.Exists(Repo.File("en-US", "ModelLedger.dll-Help.xml")));
        Assert.Equal(File.ReadAllText(Repo.File("module", "en-US", "about_ModelLedger.help.txt")), File.ReadAllText(Repo.File("en-US", "about_ModelLedger.help.txt")));
    }
}
