using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The test build's hooks, reached in the module assemblies the sessions import (these tests do not compile against
/// the module, they load it as users do). See TestBuildTests and CONTRIBUTING.md.
/// </summary>
public static class TestHooks
{
    public const string Symbol = "MODELLEDGER_TEST_HOOKS";

    /// <summary>The module's core assembly as Import-Module loads it (the same file, so the same assembly).</summary>
    public static Assembly Core => AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "ModelLedger.Core")
        ?? Assembly.LoadFrom(Repo.File("module", "ModelLedger.Core.dll"));

    /// <summary>
    /// Every wait Get-CometModel's client would sleep between attempts goes to <paramref name="wait"/> instead, for the
    /// calls this test makes from here on (an AsyncLocal: set it before the session opens so it flows to the pipeline
    /// thread and the client's worker).
    /// </summary>
    public static void ReplaceRetryWaits(Func<TimeSpan, CancellationToken, Task> wait)
    {
        var field = Core.GetType("ModelLedger.Client.CometApiClient", throwOnError: true)!.GetField("TestDelay", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("CometApiClient.TestDelay is missing: the module was not built with " + Symbol + " (run the tests on the Debug build).");
        var local = (AsyncLocal<Func<TimeSpan, CancellationToken, Task>?>)field.GetValue(null)!;
        local.Value = wait;
    }
}
