using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ModelLedger.Core.Tests.Architecture;

/// <summary>
/// Every error is raised by a named factory in src/ModelLedger.Core/Errors/ (for example <c>DryRunErrors.InProgress</c>),
/// never by an inline <c>Failure.Of(</c> or <c>new ModelLedgerException(</c> elsewhere, so the public IDs and messages
/// are read in one folder. The core is checked in its compiled IL (a target-typed <c>new(...)</c> or a lambda cannot
/// hide a call); the sources of both projects are checked as text. ScrubbedError rebuilds an existing error with the
/// key scrubbed out of it, so it may construct one.
/// </summary>
public class ErrorFactoryTests
{
    private static readonly Assembly Core = typeof(ModelLedgerException).Assembly;
    private static readonly string[] AllowedOutsideErrors = { "ScrubbedError" };

    [Fact]
    public void OnlyTheErrorsFolderBuildsErrorsInTheCompiledCore()
    {
        var factories = TypesDeclaredIn(Path.Combine(SrcRoot(), "ModelLedger.Core", "Errors"));
        Assert.Contains("Failure", factories);
        Assert.Contains("DryRunErrors", factories);
        var offenders = new List<string>();
        var calls = 0;
        foreach (var type in Core.GetTypes())
        {
            var owner = Outermost(type);
            foreach (var method in Methods(type))
                foreach (var called in CalledMethods(method))
                {
                    if (!Builds(called)) continue;
                    calls++;
                    if (!factories.Contains(owner.Name) && !AllowedOutsideErrors.Contains(owner.Name))
                        offenders.Add(owner.FullName + "." + method.Name + " -> " + called.DeclaringType!.Name + "." + called.Name);
                }
        }
        Assert.True(calls > 40, "too few Failure.Of calls found: " + calls);
        Assert.True(offenders.Count == 0, "errors built outside the Errors folder's factories: " + string.Join("; ", offenders.Distinct()));
    }

    [Fact]
    public void NoSourceFileOutsideTheErrorsFolderCallsFailureOf()
    {
        var src = SrcRoot();
        var errors = Path.Combine(src, "ModelLedger.Core", "Errors") + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("DryRunTargetParameter.cs", StringComparison.Ordinal));
        var offenders = files
            .Where(f => !f.StartsWith(errors, StringComparison.Ordinal) && !AllowedOutsideErrors.Contains(Path.GetFileNameWithoutExtension(f)))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\bFailure\s*\.\s*Of\s*\(|new\s+(ModelLedger\s*\.\s*)?ModelLedgerException\s*\("))
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();
        Assert.True(offenders.Count == 0, "Failure.Of or new ModelLedgerException outside src/ModelLedger.Core/Errors/: " + string.Join(", ", offenders));
    }

    private static bool Builds(MethodBase called) =>
        (called.DeclaringType == typeof(Failure) && called.Name == nameof(Failure.Of))
        || (called.DeclaringType == typeof(ModelLedgerException) && called is ConstructorInfo);

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType != null) type = type.DeclaringType;
        return type;
    }

    private static IEnumerable<MethodBase> Methods(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
    }

    // The type names (class, struct, record, enum, interface) declared in the .cs files of a folder.
    private static HashSet<string> TypesDeclaredIn(string folder)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs"))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\b(?:class|struct|record|enum|interface)\s+([A-Za-z_][A-Za-z0-9_]*)"))
                names.Add(m.Groups[1].Value);
        return names;
    }

    private static string SrcRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CometModelOps.sln"))) return Path.Combine(dir.FullName, "src");
        throw new InvalidOperationException("CometModelOps.sln not found above " + AppContext.BaseDirectory);
    }

    // Every method or constructor a method body calls, creates with, or loads (ldftn).
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method) => IlMembers.Of(method).OfType<MethodBase>();
}
