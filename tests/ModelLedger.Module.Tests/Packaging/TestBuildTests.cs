using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The test hooks (crash points, the retry-wait seam) live only in the Debug build the tests run on; the Release build,
/// which the README's main job and the package use, is compiled without them.
/// </summary>
public class TestBuildTests
{
    private const string Symbol = TestHooks.Symbol;

    [Fact]
    public void TheTestsRunOnTheBuildWithTheHooks()
    {
#if MODELLEDGER_TEST_HOOKS
        // The module the sessions import is the test build too (module/ holds whichever build ran last).
        Assert.Equal("Debug", TestHooks.Core.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration);
        Assert.NotNull(TestHooks.Core.GetType("ModelLedger.Client.CometApiClient", true)!.GetField("TestDelay", BindingFlags.NonPublic | BindingFlags.Static));
#else
        Assert.Fail("These tests were built without " + Symbol + " (a Release build?), so the crash and fault-matrix tests are not compiled in. Run the README's test command: dotnet test CometModelOps.sln");
#endif
    }

    [Theory]
    [InlineData("src/ModelLedger.Core/ModelLedger.Core.csproj")]
    [InlineData("src/ModelLedger/ModelLedger.csproj")]
    public void OnlyTheDebugBuildDefinesTheHooks(string project)
    {
        Assert.DoesNotContain(Symbol, Constants(project, "Release"));
        Assert.Contains(Symbol, Constants(project, "Debug"));
    }

    [Fact]
    public void CrashPointCallsAreCompiledOutWithoutTheSymbol()
    {
        // [Conditional] removes every call site from a build without the symbol, so MODELLEDGER_CRASH_AT does nothing there.
        var hit = TestHooks.Core.GetType("ModelLedger.IO.CrashPoint", true)!.GetMethod("Hit", BindingFlags.Public | BindingFlags.Static)!;
        Assert.Equal(Symbol, Assert.Single(hit.GetCustomAttributes<ConditionalAttribute>()).ConditionString);
    }

    [Fact]
    public void AReleasePackRefusesTheTestBuildLeftInTheModuleFolder()
    {
        // module/ holds the test build now (these tests run on it): a Release package must not ship it.
        using var dir = new TempDir();
        var (code, stdout, stderr) = Dotnet("pack", "src/ModelLedger.Package/ModelLedger.Package.csproj", "-c", "Release", "--no-build", "--no-restore", "-o", dir.Path);
        var output = stdout + stderr;
        Assert.True(code != 0, output);
        Assert.Contains("MLPACK001", output);
        Assert.Contains("dotnet build src/ModelLedger -c Release", output);
        Assert.Empty(System.IO.Directory.GetFiles(dir.Path, "*.nupkg"));
    }

    private static (int Code, string Stdout, string Stderr) Dotnet(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(180_000), "dotnet did not finish");
        return (p.ExitCode, output, error.Result);
    }

    private static IReadOnlyCollection<string> Constants(string project, string configuration)
    {
        var (code, output, errors) = Dotnet("msbuild", project, "-getProperty:DefineConstants", "-p:Configuration=" + configuration);
        Assert.True(code == 0, output + errors);
        var constants = output.Trim().Split(';').Select(c => c.Trim()).ToList();
        Assert.Contains("TRACE", constants); // the property was read, not an empty answer
        return constants;
    }
}
