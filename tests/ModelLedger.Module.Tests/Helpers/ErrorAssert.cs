using System.Linq;
using System.Management.Automation;

namespace ModelLedger.Module.Tests;

public static class ErrorAssert
{
    /// <summary>Asserts exactly one error with the fixed ID (by FullyQualifiedErrorId, as scripts test it) and category.</summary>
    public static ErrorRecord Single(ScriptRun run, string errorId, ErrorCategory category)
    {
        var errors = run.AllErrors.ToList();
        var error = Assert.Single(errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        return error;
    }

    /// <summary>Asserts that exactly one of several errors has the fixed ID and category.</summary>
    public static ErrorRecord One(ScriptRun run, string errorId, ErrorCategory category)
    {
        var error = Assert.Single(run.AllErrors, e => e.FullyQualifiedErrorId.StartsWith(errorId + ",", System.StringComparison.Ordinal));
        Assert.Equal(category, error.CategoryInfo.Category);
        return error;
    }
}
