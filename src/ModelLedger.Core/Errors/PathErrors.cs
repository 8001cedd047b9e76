using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger;

/// <summary>The failures of turning a PowerShell path into a file-system path; the ID is the input's or output's own.</summary>
internal static class PathErrors
{
    private const string FileSystemFix = "Pass a path in the file system (a relative path, or one on a file-system drive).";

    public static ModelLedgerException NotFileSystem(string errorId, string noun, string path, string provider) =>
        Failure.Of(errorId, FailureCategory.InvalidArgument, $"'{path}' is on the {provider} drive, not a file-system drive.", FileSystemFix, target: path);

    /// <summary>A wildcard input that matched more than one item where the cmdlet takes exactly one.</summary>
    public static ModelLedgerException AmbiguousInput(string errorId, string noun, string path, IReadOnlyList<string> matches) =>
        Failure.Of(errorId, FailureCategory.InvalidArgument,
            $"'{path}' matches {matches.Count} items ({string.Join(", ", matches.Select(m => "'" + m + "'"))}); this parameter takes exactly one {noun.ToLowerInvariant()}.",
            $"Name one {noun.ToLowerInvariant()}, or narrow the pattern to one.", target: path);

    /// <summary>An output path PowerShell cannot turn into a file-system path (an unknown drive, an invalid path).</summary>
    public static ModelLedgerException OutputUnresolvable(string errorId, string noun, string path, Exception inner) =>
        Failure.Of(errorId, FailureCategory.InvalidArgument, $"{noun} path '{path}' cannot be written: {inner.Message}",
            "Pass a file-system path on an existing drive.", target: path, inner: inner);
}
