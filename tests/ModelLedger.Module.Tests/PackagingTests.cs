using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace ModelLedger.Module.Tests
{
    /// <summary>The gallery package that `dotnet pack src/ModelLedger.Package` builds, unpacked and imported as Install-PSResource would.</summary>
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
            Assert.Equal("ModelLedger.0.1.0.nupkg", Path.GetFileName(nupkg));
            var unpacked = Path.Combine(dir.Path, "ModelLedger");
            using (var zip = ZipFile.OpenRead(nupkg))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToList();
                foreach (var expected in new[] { "ModelLedger.psd1", "module/ModelLedger.dll", "module/ModelLedger.Core.dll", "module/ModelLedger.Types.ps1xml",
                    "module/dependencies/System.Text.Json.dll", "module/dependencies/YamlDotNet.dll", "module/formats/LedgerFinding.Format.ps1xml", "module/formats/DryRunResult.Format.ps1xml",
                    "en-US/ModelLedger.dll-Help.xml", "en-US/about_ModelLedger.help.txt", "CHANGELOG.md", "README.md" })
                    Assert.Contains(expected, entries);
                Assert.DoesNotContain(entries, e => e.EndsWith(".pdb") || e.StartsWith("lib/"));

                var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName == "ModelLedger.nuspec").Open());
                string Meta(string name) => nuspec.Root!.Descendants().First(e => e.Name.LocalName == name).Value;
                Assert.Equal("ModelLedger", Meta("id"));
                Assert.Equal("0.1.0", Meta("version"));
                Assert.Contains("PSModule", Meta("tags"));
                Assert.Contains("PSCmdlet_Invoke-RollbackDryRun", Meta("tags"));
                Assert.False(string.IsNullOrWhiteSpace(Meta("description")));
                Assert.False(string.IsNullOrWhiteSpace(Meta("projectUrl")));
                Assert.Equal("MIT", Meta("license"));
                Assert.False(string.IsNullOrWhiteSpace(Meta("releaseNotes")));
                zip.ExtractToDirectory(unpacked);
            }

            // The unpacked package is a module: the manifest is clean, it imports, its cmdlets and help work.
            using var ps = new PowerShellHarness(importModule: false);
            var run = ps.Run("$m = Test-ModuleManifest $psd1; $m.Version.ToString(); $m.ExportedCmdlets.Count; " +
                             "Import-Module $psd1; (Get-Module ModelLedger).ModuleBase; @(Get-ModelLedger $ledger).Count; (Get-Help Get-ModelLedger).Synopsis",
                new() { ["psd1"] = Path.Combine(unpacked, "ModelLedger.psd1"), ["ledger"] = Repo.File("examples", "data", "ledger.json") });
            Assert.Empty(run.AllErrors);
            Assert.Equal("0.1.0", run.Output[0].ToString());
            Assert.Equal(11, (int)run.Output[1].BaseObject);
            Assert.Equal(unpacked, run.Output[2].ToString());
            Assert.Equal(3, (int)run.Output[3].BaseObject);
            Assert.StartsWith("Reads the reviewed model identifier ledger", run.Output[4].ToString());
        }
    }
}
