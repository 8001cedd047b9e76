using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace ModelLedger.Module.Tests;

/// <summary>The gallery package that `dotnet pack src/ModelLedger.Package` builds, unpacked and imported (in real pwsh) as Install-PSResource would.</summary>
public class PackagingTests
{
    [Fact]
    public async System.Threading.Tasks.Task DotnetPackProducesAGalleryReadyModulePackage()
    {
        using var dir = new TempDir();
        var configuration = typeof(PackagingTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        foreach (var a in new[] { "pack", "src/ModelLedger.Package/ModelLedger.Package.csproj", "-c", configuration, "--no-build", "-o", dir.Path }) start.ArgumentList.Add(a);
        using (var p = Process.Start(start)!)
        {
            var error = p.StandardError.ReadToEndAsync();
            var output = await p.StandardOutput.ReadToEndAsync();
            Assert.True(p.WaitForExit(180_000), "dotnet pack did not finish");
            Assert.True(p.ExitCode == 0, output + await error);
        }

        var nupkg = Assert.Single(Directory.GetFiles(dir.Path, "*.nupkg"));
        Assert.Equal("ModelLedger." + Repo.ModuleVersion + ".nupkg", Path.GetFileName(nupkg));
        var unpacked = Path.Combine(dir.Path, "ModelLedger");
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            foreach (var expected in new[] { "ModelLedger.psd1", "module/ModelLedger.dll", "module/ModelLedger.Core.dll", "module/ModelLedger.Types.ps1xml",
                "module/dependencies/System.Text.Json.dll", "module/dependencies/YamlDotNet.dll", "module/formats/LedgerFinding.Format.ps1xml", "module/formats/DryRunResult.Format.ps1xml",
                "en-US/ModelLedger.dll-Help.xml", "en-US/about_ModelLedger.help.txt", "CHANGELOG.md", "README.md",
                "examples/release-gate.ps1", "examples/release-evidence.ps1", "examples/common/ConvertTo-ScriptBlockParameter.ps1", "examples/data/ledger.json", "examples/data/models-snapshot.json",
                "examples/data/release/deploy/compose/.env" })
                Assert.Contains(expected, entries);
            Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.Ordinal) || e.StartsWith("lib/", StringComparison.Ordinal));

            var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName == "ModelLedger.nuspec").Open());
            string Meta(string name) => nuspec.Root!.Descendants().First(e => e.Name.LocalName == name).Value;
            Assert.Equal("ModelLedger", Meta("id"));
            Assert.Equal(Repo.ModuleVersion, Meta("version"));
            Assert.Contains("PSModule", Meta("tags"));
            // Every exported cmdlet is discoverable on the gallery (Find-PSResource -Command).
            var manifest = System.IO.File.ReadAllText(Repo.Manifest);
            var exported = System.Text.RegularExpressions.Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
            foreach (System.Text.RegularExpressions.Match c in System.Text.RegularExpressions.Regex.Matches(exported, @"'([\w-]+)'"))
                Assert.Contains("PSCmdlet_" + c.Groups[1].Value, Meta("tags").Split(' '));
            Assert.False(string.IsNullOrWhiteSpace(Meta("description")));
            Assert.False(string.IsNullOrWhiteSpace(Meta("projectUrl")));
            Assert.Equal("MIT", Meta("license"));
            Assert.False(string.IsNullOrWhiteSpace(Meta("releaseNotes")));
            zip.ExtractToDirectory(unpacked);
        }

        // The unpacked package is a module: the manifest is clean, it imports, its cmdlets and help work.
        // In a separate pwsh: importing another copy of the module into this test process would make every later
        // hosted test run against that copy's assemblies (a process loads ModelLedger.Core once).
        var script = Path.Combine(dir.Path, "use-unpacked.ps1");
        File.WriteAllText(script, @"param($Psd1, $Ledger)
$ErrorActionPreference = 'Stop'
$m = Test-ModuleManifest $Psd1
'version=' + $m.Version
'cmdlets=' + $m.ExportedCmdlets.Count
Import-Module $Psd1
'base=' + (Get-Module ModelLedger).ModuleBase
'entries=' + @(Get-ModelLedger $Ledger).Count
'synopsis=' + (Get-Help Get-ModelLedger).Synopsis
");
        var run = RealPwsh.RunFile(script, new[] { "-Psd1", Path.Combine(unpacked, "ModelLedger.psd1"), "-Ledger", Repo.File("examples", "data", "ledger.json") });
        Assert.True(run.Code == 0, run.ToString());
        var lines = run.PlainOut.Replace("\r", "").Split('\n');
        Assert.Contains("version=" + Repo.ModuleVersion, lines);
        Assert.Contains("cmdlets=12", lines);
        Assert.Contains("base=" + unpacked, lines);
        Assert.Contains("entries=3", lines);
        Assert.Contains(lines, l => l.StartsWith("synopsis=Reads the reviewed model identifier ledger", StringComparison.Ordinal));

        // The runbook scripts run where the package puts them (<ModuleBase>/examples), on the data shipped beside them,
        // and the about topic says where that is.
        var gate = RealPwsh.RunFile(Path.Combine(unpacked, "examples", "release-gate.ps1"), new[] { "-JUnitPath", Path.Combine(dir.Path, "gate.xml") });
        Assert.True(gate.Code == 1, gate.ToString());
        Assert.Contains("RELEASE BLOCKED", gate.PlainOut);
        Assert.Contains("(Get-Module ModelLedger).ModuleBase", File.ReadAllText(Path.Combine(unpacked, "en-US", "about_ModelLedger.help.txt")));
    }
}
