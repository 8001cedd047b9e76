using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Windows PowerShell 5.1 cannot run here, so these guard what keeps the module loadable there: the module
/// assemblies target netstandard2.0 only and reference nothing a PowerShell 7-only build would bring in; and the
/// third-party assemblies the 5.1 side needs ship in module/dependencies.
/// </summary>
public class PlatformGuardTests
{
    [Theory]
    [InlineData("src/ModelLedger/ModelLedger.csproj")]
    [InlineData("src/ModelLedger.Core/ModelLedger.Core.csproj")]
    public void ModuleProjectsTargetNetStandard20Only(string project)
    {
        var xml = XDocument.Load(Repo.File(project.Split('/')));
        var frameworks = xml.Descendants().Where(e => e.Name.LocalName is "TargetFramework" or "TargetFrameworks").Select(e => e.Value.Trim()).ToList();
        Assert.Equal(new[] { "netstandard2.0" }, frameworks);
    }

    [Theory]
    [InlineData("ModelLedger.dll")]
    [InlineData("ModelLedger.Core.dll")]
    public void BuiltAssembliesAreNetStandardAndReferenceOnlyWhatWindowsPowerShellHas(string file)
    {
        using var stream = File.OpenRead(Repo.File("module", file));
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();

        var tfm = md.GetAssemblyDefinition().GetCustomAttributes().Select(h => md.GetCustomAttribute(h))
            .Where(a => AttributeName(md, a) == "TargetFrameworkAttribute")
            .Select(a => System.Text.Encoding.UTF8.GetString(md.GetBlobBytes(a.Value)))
            .Single();
        Assert.Contains(".NETStandard,Version=v2.0", tfm);

        // YamlDotNet (netstandard2.0 build, no dependencies) ships in module/dependencies like System.Text.Json.
        var allowed = new[] { "netstandard", "System.Management.Automation", "System.Text.Json", "System.Memory", "System.Buffers", "ModelLedger.Core", "YamlDotNet",
            "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions", "Microsoft.Bcl.AsyncInterfaces", "System.Text.Encodings.Web" };
        foreach (var handle in md.AssemblyReferences)
        {
            var reference = md.GetAssemblyReference(handle);
            var name = md.GetString(reference.Name);
            Assert.True(allowed.Contains(name), $"{file} references {name} {reference.Version}: not available to a netstandard2.0 module in Windows PowerShell 5.1");
            // PowerShellStandard.Library's reference assembly is 3.0.0.0; a PowerShell 7 SDK reference would be 7.x.
            if (name == "System.Management.Automation") Assert.True(reference.Version.Major <= 3, $"{file} references System.Management.Automation {reference.Version}");
            // No newer than PowerShell 7.4 ships, or it fails to load next to the runtime's copy.
            if (name == "System.Text.Json") Assert.True(reference.Version.Major <= 8, $"{file} references System.Text.Json {reference.Version}");
        }
    }

    [Fact]
    public void TheShippedYamlDotNetIsItsNetStandard20BuildReferencingNothingElse()
    {
        using var stream = File.OpenRead(Repo.File("module", "dependencies", "YamlDotNet.dll"));
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var tfm = md.GetAssemblyDefinition().GetCustomAttributes().Select(h => md.GetCustomAttribute(h))
            .Where(a => AttributeName(md, a) == "TargetFrameworkAttribute")
            .Select(a => System.Text.Encoding.UTF8.GetString(md.GetBlobBytes(a.Value)))
            .Single();
        Assert.Contains(".NETStandard,Version=v2.0", tfm);
        Assert.All(md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)), name => Assert.Equal("netstandard", name));
    }

    [Fact]
    public void TheDependenciesWindowsPowerShellNeedsShipWithTheModule()
    {
        var shipped = Directory.GetFiles(Repo.File("module", "dependencies"), "*.dll").Select(Path.GetFileName).ToList();
        foreach (var dll in new[] { "System.Text.Json.dll", "System.Memory.dll", "System.Buffers.dll", "System.Runtime.CompilerServices.Unsafe.dll", "System.Text.Encodings.Web.dll", "Microsoft.Bcl.AsyncInterfaces.dll", "System.Threading.Tasks.Extensions.dll", "YamlDotNet.dll" })
            Assert.Contains(dll, shipped);
        Assert.Equal(8, System.Reflection.AssemblyName.GetAssemblyName(Repo.File("module", "dependencies", "System.Text.Json.dll")).Version!.Major);
    }

    [Fact]
    public void TheModuleImportsIntoASessionThatAlreadyLoadedAnotherSystemTextJson()
    {
        // PowerShell 7 has already loaded its own, newer System.Text.Json before the module is imported: the module
        // must use that copy (never load its 8.0 copy beside it) and work.
        using var ps = new PowerShellHarness(importModule: false);
        var before = ps.Run("[System.Text.Json.JsonDocument]::Parse('{}').RootElement.ValueKind; [System.Text.Json.JsonDocument].Assembly.GetName().Version.Major");
        Assert.Empty(before.AllErrors);
        var hostMajor = (int)before.Output.Last().BaseObject;
        Assert.True(hostMajor > 8, $"the host's System.Text.Json is {hostMajor}");

        var after = ps.Run("Import-Module $m; (Get-ModelLedger -Path $l).Count; " +
                           "@([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' }).Count",
            new() { ["m"] = Repo.Manifest, ["l"] = Repo.File("examples", "data", "ledger.json") });
        Assert.Empty(after.AllErrors);
        Assert.Equal(3, (int)after.Output[0].BaseObject);
        Assert.Equal(1, (int)after.Output[1].BaseObject);
    }

    private static string AttributeName(MetadataReader md, CustomAttribute a) => a.Constructor.Kind switch
    {
        HandleKind.MemberReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)md.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent).Name),
        _ => "",
    };
}
