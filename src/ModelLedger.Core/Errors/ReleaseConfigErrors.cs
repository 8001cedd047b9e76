namespace ModelLedger;

/// <summary>Test-ModelLedger -ConfigRoot / -BaselineConfigRoot failures (ConfigRootNotFound).</summary>
internal static class ReleaseConfigErrors
{
    /// <summary>-BaselineConfigRoot without -ConfigRoot.</summary>
    public static ModelLedgerException RootMissing(string? baselineRoot) =>
        Failure.Of(ErrorIds.ConfigRootNotFound, FailureCategory.InvalidArgument,
            "-BaselineConfigRoot compares the previous release with the one under -ConfigRoot, which was not given.",
            "Pass -ConfigRoot <release checkout> with -BaselineConfigRoot <previous release checkout>.", target: baselineRoot);

    /// <summary>A -ConfigRoot / -BaselineConfigRoot that is not an existing folder.</summary>
    public static ModelLedgerException RootNotFound(string parameter, string path, bool isFile, string? fullPath = null) =>
        Failure.Of(ErrorIds.ConfigRootNotFound, FailureCategory.ObjectNotFound,
            $"{parameter} '{path}' is not an existing folder{(isFile ? " (it is a file)" : "")}.",
            $"Pass the folder the release's config refs are relative to (the checkout root) as {parameter}.", target: path, filePath: fullPath ?? path);
}
