using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace ModelLedger.Commands;

/// <summary>
/// Loads our third-party assemblies (System.Text.Json and what it needs on .NET Framework) from
/// module/dependencies/, which no probing path reaches. The host's own copy wins when it has one (PowerShell 7
/// ships System.Text.Json); otherwise our copy is loaded, whatever version another module asked for first.
/// This is how PSResourceGet keeps its dependencies from clashing with other modules'.
/// </summary>
public sealed class ModuleAssemblyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string DependencyFolder =
        Path.Combine(Path.GetDirectoryName(typeof(ModuleAssemblyResolver).Assembly.Location) ?? ".", "dependencies");

    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

    public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (name == null) return null;
        var candidate = Path.Combine(DependencyFolder, name + ".dll");
        if (!File.Exists(candidate)) return null;
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
            if (string.Equals(loaded.GetName().Name, name, StringComparison.Ordinal)) return loaded;
        return Assembly.LoadFrom(candidate);
    }
}
