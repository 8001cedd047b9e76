using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;

namespace ModelLedger.Module.Tests.FakeCometApi;

/// <summary>
/// Helpers for driving Get-CometModel against <see cref="FakeCometApi"/> with a canary key that every test scans
/// for in every stream and file.
/// </summary>
public static class CometApiTestKit
{
    /// <summary>A unique canary key per call, so the session cache never links two tests.</summary>
    public static string NewKey() => "sk-canary-" + Guid.NewGuid().ToString("N");

    public static SecureString Secure(string key)
    {
        var s = new SecureString();
        foreach (var c in key) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    /// <summary>Runs <paramref name="script"/> with $api (base URI) and $key (SecureString) set, and asserts the key leaked nowhere.</summary>
    public static ScriptRun RunWithKey(PowerShellHarness ps, string script, FakeCometApi? api, string key, Dictionary<string, object?>? vars = null)
    {
        var all = new Dictionary<string, object?>(vars ?? new()) { ["api"] = api?.BaseUri, ["key"] = Secure(key) };
        var run = ps.Run(script, all);
        AssertNoLeak(run, key);
        return run;
    }

    /// <summary>The key in any form (<see cref="KeyForms"/>) in no stream, host text, error (message, target, category info, inner exceptions, data) or output property.</summary>
    public static void AssertNoLeak(ScriptRun run, string key)
    {
        AssertClean(run.EverythingAsText(), key, "streams and host text");
        foreach (var e in run.AllErrors)
        {
            AssertClean(e.ToString(), key, "ErrorRecord.ToString()");
            AssertClean(e.CategoryInfo.ToString(), key, "CategoryInfo");
            AssertClean(e.CategoryInfo.TargetName, key, "CategoryInfo.TargetName");
            AssertClean(e.TargetObject?.ToString(), key, "TargetObject");
            // The exception objects themselves (inner exceptions, data) as well as their rendering.
            for (var ex = e.Exception; ex != null; ex = ex.InnerException)
            {
                AssertClean(ex.ToString(), key, "exception");
                AssertClean(string.Join(" ", ex.Data.Values.Cast<object?>()), key, "exception data");
                foreach (var p in ex.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
                {
                    object? v;
                    try { v = p.GetValue(ex); } catch (Exception) { continue; }
                    AssertClean(v?.ToString(), key, "exception property " + p.Name);
                }
            }
        }
        foreach (var o in run.Output)
            foreach (var p in o.Properties)
            {
                object? v;
                try { v = p.Value; } catch (Exception) { continue; }
                AssertClean(v?.ToString(), key, "output property " + p.Name);
            }
    }

    private static void AssertClean(string? text, string key, string where)
    {
        var view = KeyForms.Where(text, key);
        Assert.True(view == null, $"the key appears ({view}) in {where}: {text}");
    }

    /// <summary>A ModelLedger.CometModel as the test project sees it (it does not reference the core assembly).</summary>
    public sealed record ModelView(string Id, string? OwnedBy, DateTimeOffset? Created, string? Object, string? Source, DateTimeOffset? CapturedAt);

    /// <summary>The ModelLedger.CometModel objects in a run's output.</summary>
    public static List<ModelView> Models(ScriptRun run) => run.Output
        .Where(o => o.TypeNames[0] == "ModelLedger.CometModel")
        .Select(o => new ModelView((string)o.Properties["Id"].Value, (string?)o.Properties["OwnedBy"].Value, (DateTimeOffset?)o.Properties["Created"].Value,
            (string?)o.Properties["Object"].Value, (string?)o.Properties["Source"].Value, (DateTimeOffset?)o.Properties["CapturedAt"].Value))
        .ToList();

    public static void AssertFileHasNoKey(string path, string key) =>
        Assert.False(KeyForms.FileHolds(File.ReadAllBytes(path), key), $"the key appears in {path} in some encoding");

    public static void AssertFolderHasNoKey(string dir, string key)
    {
        foreach (var f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories)) AssertFileHasNoKey(f, key);
    }
}
