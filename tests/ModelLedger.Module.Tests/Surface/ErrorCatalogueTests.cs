using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests;

/// <summary>
/// The error catalogue (ErrorIds) is whole: every ID is raised somewhere in src, documented in about_ModelLedger,
/// and every FailureCategory maps to the ErrorCategory of the same name. Errors are raised one way (Failure.Of).
/// </summary>
public class ErrorCatalogueTests
{
    private static string[] Ids()
    {
        using var ps = new PowerShellHarness();
        // By reflection through the loaded module: this project deliberately does not reference the core assembly.
        var run = ps.Run("[ModelLedger.ErrorIds].GetFields() | Where-Object IsLiteral | ForEach-Object { $_.GetRawConstantValue() }");
        Assert.Empty(run.AllErrors);
        var ids = run.Output.Select(o => (string)o.BaseObject).ToArray();
        Assert.True(ids.Length > 40, "ErrorIds was not read");
        return ids;
    }

    private static string[] SourceFiles() =>
        Directory.GetFiles(Repo.File("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .ToArray();

    [Fact]
    public void EveryIdIsRaisedSomewhereInSrc()
    {
        var source = string.Join("\n", SourceFiles().Where(f => Path.GetFileName(f) != "ErrorIds.cs").Select(File.ReadAllText));
        var unused = Ids().Where(id => !source.Contains("ErrorIds." + id)).ToList();
        Assert.True(unused.Count == 0, "IDs in ErrorIds that nothing raises: " + string.Join(", ", unused));
    }

    [Fact]
    public void NoIdIsWrittenAsALiteralInsteadOfThroughErrorIds()
    {
        var ids = Ids();
        // CheckNames are the gate's own vocabulary; RollbackWindowOpen is both a check and an error ID.
        var offenders = SourceFiles().Where(f => Path.GetFileName(f) is not ("ErrorIds.cs" or "CheckNames.cs"))
            .SelectMany(f => ids.Where(id => File.ReadAllText(f).Contains("\"" + id + "\"")).Select(id => Path.GetFileName(f) + ": " + id))
            .ToList();
        Assert.True(offenders.Count == 0, "Error IDs typed as strings (use ErrorIds): " + string.Join(", ", offenders));
    }

    [Fact]
    public void EveryIdIsDocumentedInAboutModelLedger()
    {
        var help = File.ReadAllText(Repo.File("module", "en-US", "about_ModelLedger.help.txt"));
        var section = help.Substring(help.IndexOf("\nERROR IDS", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\nGATE CHECKS", StringComparison.Ordinal));
        var missing = Ids().Where(id => !Regex.IsMatch(section, @"^\s{4}" + id + @"\s", RegexOptions.Multiline)).ToList();
        Assert.True(missing.Count == 0, "IDs not documented under ERROR IDS in about_ModelLedger: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryFailureCategoryMapsToTheErrorCategoryOfTheSameName()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run(@"
                $map = (Get-Command Get-ModelLedger).ImplementingType.BaseType.GetMethod('ToErrorCategory', [Reflection.BindingFlags]'NonPublic,Static')
                $failure = $map.GetParameters()[0].ParameterType
                foreach ($c in [Enum]::GetValues($failure)) { '{0}={1}' -f $c, $map.Invoke($null, @($c)) }");
        Assert.Empty(run.AllErrors);
        var pairs = run.Output.Select(o => ((string)o.BaseObject).Split('=')).ToList();
        Assert.True(pairs.Count >= 18, "FailureCategory was not read");
        Assert.All(pairs, p =>
        {
            Assert.Equal(p[0], p[1]);
            Assert.True(Enum.IsDefined(typeof(ErrorCategory), p[1]));
        });
    }

    [Fact]
    public void ErrorsAreBuiltOnlyByFailureOf()
    {
        // A hand-built exception types the fix twice (message and RecommendedAction); factories call Failure.Of.
        // ModelLedgerCmdlet copies the fix into ErrorDetails.RecommendedAction, the one place an ErrorRecord is made.
        var allowed = new[] { "Failure.cs", "ScrubbedError.cs", "ModelLedgerCmdlet.cs" };
        var offenders = SourceFiles().Where(f => !allowed.Contains(Path.GetFileName(f)))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"new ModelLedgerException\(|new\((ErrorIds\.|errorId\b)[^;]*FailureCategory\.|RecommendedAction\s*="))
            .Select(Path.GetFileName).ToList();
        Assert.True(offenders.Count == 0, "Errors built by hand instead of Failure.Of: " + string.Join(", ", offenders));
    }

    [Fact]
    public void EveryFailureOfCallGivesItsOwnFix()
    {
        // Failure.Of's fourth argument is what to do next; a literal null or empty one would leave only the generic
        // pointer to about_ModelLedger. Each call is split into its top-level arguments.
        var calls = 0;
        var offenders = new System.Collections.Generic.List<string>();
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            for (var at = text.IndexOf("Failure.Of(", StringComparison.Ordinal); at >= 0; at = text.IndexOf("Failure.Of(", at + 1, StringComparison.Ordinal))
            {
                var args = TopLevelArguments(text, at + "Failure.Of(".Length);
                calls++;
                if (args.Count < 4 || args[3] is "null" or "\"\"" or "string.Empty" || args[3].StartsWith("fix: null", StringComparison.Ordinal))
                    offenders.Add(Path.GetFileName(file) + ": " + string.Join(", ", args.Take(2)));
            }
        }
        Assert.True(calls > 40, "Failure.Of calls were not found");
        Assert.True(offenders.Count == 0, "Failure.Of without a fix: " + string.Join("; ", offenders));
    }

    [Fact]
    public void EveryCatalogueIdHasARecommendedActionEvenWithoutAFix()
    {
        using var ps = new PowerShellHarness();
        // Failure is internal to the core: Of(errorId, category, problem, fix, and nine optional arguments) by reflection.
        var run = ps.Run(@"$of = [ModelLedger.ErrorIds].Assembly.GetType('ModelLedger.Failure', $true).GetMethod('Of')
                [ModelLedger.ErrorIds].GetFields() | Where-Object IsLiteral | ForEach-Object {
                $id = $_.GetRawConstantValue()
                $e = $of.Invoke($null, @(@($id, [ModelLedger.FailureCategory]::InvalidData, 'Something happened.', $null) + @(,$null * 9)))
                '{0}|{1}' -f $id, $e.RecommendedAction }");
        Assert.Empty(run.AllErrors);
        var rows = run.Output.Select(o => ((string)o.BaseObject).Split('|')).ToList();
        Assert.Equal(Ids().Length, rows.Count);
        Assert.All(rows, r => Assert.Contains(r[0], r[1]));
        Assert.All(rows, r => Assert.Contains("about_ModelLedger", r[1]));
    }

    private static System.Collections.Generic.List<string> TopLevelArguments(string text, int start)
    {
        var args = new System.Collections.Generic.List<string>();
        var depth = 0;
        var current = new System.Text.StringBuilder();
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                current.Append(c);
                if (c == '\\') { current.Append(text[++i]); continue; }
                if (c == '"') inString = false;
                continue;
            }
            if (c == '"') { inString = true; current.Append(c); continue; }
            if (c is '(' or '[' or '{') depth++;
            if (c is ')' or ']' or '}')
            {
                if (depth == 0) { args.Add(current.ToString().Trim()); return args; }
                depth--;
            }
            if (c == ',' && depth == 0) { args.Add(current.ToString().Trim()); current.Clear(); continue; }
            current.Append(c);
        }
        return args;
    }

    [Fact]
    public void OutputFormatWithoutOutputPathIsOutputFormatIncomplete()
    {
        using var ps = new PowerShellHarness();
        var run = ps.Run("Test-ModelLedger $RepoRoot/examples/data/ledger.json $RepoRoot/examples/data/models-snapshot.json -OutputFormat JUnit");
        var error = ErrorAssert.Single(run, "OutputFormatIncomplete", ErrorCategory.InvalidArgument);
        Assert.Equal("Pass both (for example -OutputFormat JUnit -OutputPath gate.xml), or neither.", ((dynamic)error.Exception).RecommendedAction);
    }
}
