using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;

namespace ModelLedger.Module.Tests.Pwsh;

/// <summary>
/// The package as users install it: build.ps1 -Package under real pwsh, then PSResourceGet (shipped with pwsh 7.6)
/// saves it from a local folder repository, and a fresh pwsh imports the module by name.
/// </summary>
public class PackageInstallTests
{
    private static readonly string Configuration = typeof(PackageInstallTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    [Fact]
    public void TheFolderAndTheNupkgHoldTheSameFilesAndPSResourceGetInstallsAWorkingModule()
    {
        using var dir = new TempDir();
        var built = RealPwsh.RunFile("build.ps1", new[] { "-Package", "-NoBuild", "-Configuration", Configuration, "-OutputPath", dir.Path });
        Assert.True(built.Code == 0, built.ToString());

        var nupkg = Path.Combine(dir.Path, "ModelLedger." + Repo.ModuleVersion + ".nupkg");
        var folder = Path.Combine(dir.Path, "ModelLedger", Repo.ModuleVersion);
        string[] packaged;
        using (var zip = ZipFile.OpenRead(nupkg))
            packaged = zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml" && !n.EndsWith(".nuspec", StringComparison.Ordinal))
                .OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var laidOut = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(packaged, laidOut);
        foreach (var expected in new[] { "LICENSE", "README.md", "CHANGELOG.md", "ModelLedger.psd1", "en-US/about_ModelLedger.help.txt" })
            Assert.Contains(expected, laidOut);
        Assert.DoesNotContain(laidOut, f => f.StartsWith("module/en-US/", StringComparison.Ordinal) || f.EndsWith(".pdb", StringComparison.Ordinal));
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(folder, "LICENSE")));

        var repoName = "mltest" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var saved = Path.Combine(dir.Path, "saved");
        Directory.CreateDirectory(saved);
        var install = RealPwsh.RunFile(dir.Write("install.ps1", @"param($Feed, $Saved, $Name)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name $Name -Uri $Feed -Trusted
try { Save-PSResource -Name ModelLedger -Repository $Name -Path $Saved -TrustRepository -SkipDependencyCheck }
finally { Unregister-PSResourceRepository -Name $Name }
"), new[] { "-Feed", dir.Path, "-Saved", saved, "-Name", repoName });
        Assert.True(install.Code == 0, install.ToString());
        Assert.True(File.Exists(Path.Combine(saved, "ModelLedger", Repo.ModuleVersion, "ModelLedger.psd1")), "Save-PSResource did not lay out ModelLedger/" + Repo.ModuleVersion);

        // A fresh pwsh finds the module by name on PSModulePath, as after Install-PSResource.
        var use = RealPwsh.RunFile(dir.Write("use.ps1", @"param($Saved, $Ledger)
$ErrorActionPreference = 'Stop'
$env:PSModulePath = $Saved + [System.IO.Path]::PathSeparator + $env:PSModulePath
Import-Module ModelLedger
'base=' + (Get-Module ModelLedger).ModuleBase
'synopsis=' + (Get-Help Get-ModelLedger).Synopsis
'examples=' + @((Get-Help Test-ModelLedger).Examples.Example).Count
'services=' + ((Get-ModelLedger $Ledger).Service -join ',')
"), new[] { "-Saved", saved, "-Ledger", Repo.File("examples", "data", "ledger.json") });
        Assert.True(use.Code == 0, use.ToString());
        Assert.Contains("base=" + Path.Combine(saved, "ModelLedger", Repo.ModuleVersion), use.PlainOut);
        Assert.Contains("synopsis=Reads the reviewed model identifier ledger", use.PlainOut);
        Assert.Matches(@"examples=[2-9]", use.PlainOut);
        Assert.Contains("services=support-router,report-writer,search-summarizer", use.PlainOut);
    }
}
