using System;

namespace ModelLedger.Config
{
    /// <summary>The errors a config read raises. The gate turns them into Fail findings; the dry run into ErrorRecords.</summary>
    internal static class ConfigErrors
    {
        public static ModelLedgerException Invalid(string path, int? line, string? key, string problem, string fix, Exception? inner = null) =>
            FileErrors.Invalid(ErrorIds.DryRunConfigInvalid, "Config", path, line, key, problem, fix, inner);

        public static ModelLedgerException KeyNotFound(string path, int? line, string key, string problem, string fix) =>
            new(ErrorIds.DryRunConfigKeyNotFound, FailureCategory.ObjectNotFound, $"Config '{path}' {problem} {fix}")
            {
                Target = key,
                FilePath = path,
                Line = line,
                Field = key,
                RecommendedAction = fix,
            };

        public static ModelLedgerException Unsupported(string path, int line, string key, string problem) =>
            new(ErrorIds.DryRunConfigUnsupported, FailureCategory.InvalidOperation,
                $"Config '{path}' line {line}, '{key}': {problem} Nothing was changed. {UnsupportedFix}")
            {
                Target = path,
                FilePath = path,
                Line = line,
                Field = key,
                RecommendedAction = UnsupportedFix,
            };

        private const string UnsupportedFix =
            "Rehearse on a config where the model ID is its own single-line scalar (quote it, or move it out of the anchor or block), or switch it with your deployment tooling.";
    }
}
