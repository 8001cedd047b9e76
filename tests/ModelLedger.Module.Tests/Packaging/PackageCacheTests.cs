using System.Diagnostics;
using System.Text.Json;

namespace ModelLedger.Module.Tests;

/// <summary>
/// Set-up works with any NuGet package cache: Azure DevOps' cache recipe sets NUGET_PACKAGES without a trailing slash,
/// and the Pester path the tests read must still be a path inside it, not "...packagespester/...".
/// </summary>
public class PackageCacheTests
{
    [Theory]
    [InlineData("/agent/_work/.nuget/packages")]
    [InlineData("/agent/_work/.nuget/packages/")]
    public void ThePesterPathIsInsideThePackageCacheWithOrWithoutATrailingSlash(string cache)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        foreach (var a in new[] { "msbuild", "tests/ModelLedger.Module.Tests/ModelLedger.Module.Tests.csproj", "-getItem:AssemblyMetadata", "-p:NuGetPackageRoot=" + cache })
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "dotnet msbuild did not finish");
        Assert.True(p.ExitCode == 0, output + error.Result);

        string? pester = null;
        foreach (var item in JsonDocument.Parse(output).RootElement.GetProperty("Items").GetProperty("AssemblyMetadata").EnumerateArray())
            if (item.GetProperty("Identity").GetString() == "PesterManifest") pester = item.GetProperty("Value").GetString();
        Assert.Equal("/agent/_work/.nuget/packages/pester/5.7.1/tools/Pester.psd1", pester);
    }
}
