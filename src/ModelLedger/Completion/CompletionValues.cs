using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Completion;

/// <summary>What the completers share: reading a path typed elsewhere on the line, and turning values into completions.</summary>
internal static class CompletionValues
{
    /// <summary>The first value of the first of <paramref name="names"/> bound on the line, resolved against the current location.</summary>
    public static string? BoundPath(IDictionary fakeBoundParameters, params string[] names)
    {
        foreach (var name in names)
        {
            if (!fakeBoundParameters.Contains(name)) continue;
            var value = fakeBoundParameters[name];
            if (value is PSObject pso) value = pso.BaseObject;
            var text = value is IEnumerable and not string ? (value as IEnumerable)!.Cast<object?>().FirstOrDefault()?.ToString() : value?.ToString();
            if (string.IsNullOrEmpty(text)) continue;
            return Resolve(text!);
        }
        return null;
    }

    private static string? Resolve(string path)
    {
        try
        {
            // Runs in the completing runspace, so a relative path means what it means on the command line.
            var resolved = ScriptBlock.Create("param($p) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)").Invoke(path);
            return resolved.Count > 0 ? resolved[0]?.ToString() : null;
        }
        catch (Exception e) when (e is RuntimeException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Completions read from the file named by the first of <paramref name="pathParameters"/> bound on the line. Never
    /// throws: a missing or bad file just offers nothing.
    /// </summary>
    public static IEnumerable<CompletionResult> FromFile(IDictionary fakeBoundParameters, string wordToComplete, string[] pathParameters,
        Func<string, IEnumerable<string?>> read, string toolTipLabel) =>
        FromFile(fakeBoundParameters, wordToComplete, pathParameters, read, path => toolTipLabel + " " + System.IO.Path.GetFileName(path) + ": ");

    /// <summary>As above, with the tooltip prefix built from the file's path.</summary>
    public static IEnumerable<CompletionResult> FromFile(IDictionary fakeBoundParameters, string wordToComplete, string[] pathParameters,
        Func<string, IEnumerable<string?>> read, Func<string, string> toolTipPrefix)
    {
        var path = BoundPath(fakeBoundParameters, pathParameters);
        if (path == null) return Array.Empty<CompletionResult>();
        try
        {
            return Matching(read(path), wordToComplete, toolTipPrefix(path));
        }
        catch (ModelLedgerException)
        {
            return Array.Empty<CompletionResult>();
        }
    }

    /// <summary>Values that start with what was typed (ordinal, ignoring case), quoted when PowerShell needs it.</summary>
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string?> values, string wordToComplete, string toolTipPrefix)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return values
            .Where(v => !string.IsNullOrEmpty(v) && v!.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(v => v, StringComparer.OrdinalIgnoreCase)
            .Select(v => new CompletionResult(Quote(v!), v, CompletionResultType.ParameterValue, toolTipPrefix + v))
            .ToList();
    }

    private static string Quote(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || "'\"`$;,(){}[]|&@#<>".IndexOf(c) >= 0) ? "'" + value.Replace("'", "''") + "'" : value;
}
