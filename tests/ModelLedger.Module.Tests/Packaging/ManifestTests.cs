using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace ModelLedger.Module.Tests;

public class ManifestTests
{
    [Fact]
    public void ManifestPassesTestModuleManifest()
    {
        using var ps = new PowerShellHarness(importModule: false);
        var run = ps.Run("Test-ModuleManifest -Path $m -ErrorAction Stop", new() { ["m"] = Repo.Manifest });
        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        var info = (PSModuleInfo)run.Output.Single().BaseObject;
        Assert.Equal("ModelLedger", info.Name);
        Assert.Contains("Desktop", info.CompatiblePSEditions);
        Assert.Contains("Core", info.CompatiblePSEditions);
        Assert.Equal(new Version(5, 1), info.PowerShellVersion);
        Assert.NotEmpty(info.ExportedFormatFiles);
        Assert.NotEmpty(info.ExportedTypeFiles);
    }

    [Fact]
    public void ExportsExactlyTheCmdletsTheAssemblyDefines()
    {
        using var ps = new PowerShellHarness();
        var exported = ps.Run("(Get-Module ModelLedger).ExportedCmdlets.Keys").Output.Select(o => (string)o.BaseObject).OrderBy(n => n).ToList();
        var assembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "ModelLedger");
        var defined = assembly.GetTypes()
            .Select(t => (Type: t, Attr: t.GetCustomAttribute<CmdletAttribute>()))
            .Where(x => x.Attr != null)
            .Select(x => x.Attr!.VerbName + "-" + x.Attr.NounName).OrderBy(n => n).ToList();
        Assert.Equal(defined, exported);
        Assert.Contains("Get-ModelLedger", exported);
    }

    [Fact]
    public void EveryCmdletIsSealedAndDeclaresItsOutputType()
    {
        using var ps = new PowerShellHarness();
        var assembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "ModelLedger");
        foreach (var type in assembly.GetTypes().Where(t => t.GetCustomAttribute<CmdletAttribute>() != null))
        {
            Assert.True(type.IsSealed, type.Name + " is not sealed");
            Assert.NotEmpty(type.GetCustomAttributes<OutputTypeAttribute>());
        }
    }

    [Fact]
    public void ModuleLoadsItsOwnCoreAssemblyFromTheModuleFolder()
    {
        using var ps = new PowerShellHarness();
        var location = (string)ps.Run("[ModelLedger.LedgerEntry].Assembly.Location").Output.Single().BaseObject;
        Assert.Equal(Repo.File("module", "ModelLedger.Core.dll"), location);
    }
}
