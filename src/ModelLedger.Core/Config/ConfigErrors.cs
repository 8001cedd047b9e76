using System;

namespace ModelLedger.Config
{
    /// <summary>The errors a config read raises. The gate turns them into Fail findings; the dry run into ErrorRecords.</summary>
    internal static class ConfigErrors
    {
        public static ModelLedgerException Invalid(string path, int? line, string? key, string problem, string fix, Exception? inner = null) =>
            FileErrors.Invalid(ErrorIds.DryRunConfigInvalid, "Config", path, line, key, problem, fix, inner);

        public static ModelLedgerException KeyNotFound(string path, int? line, string key, string problem, string fix) =>
            Failure.Of(ErrorIds.DryRunConfigKeyNotFound, FailureCategory.ObjectNotFound, $"Config '{path}' {problem}", fix, target: key, filePath: path, line: line, field: key);

        public static ModelLedgerException Unsupported(string path, int line, string key, string problem) =>
            Failure.Of(ErrorIds.DryRunConfigUnsupported, FailureCategory.InvalidOperation, $"Config '{path}' line {line}, '{key}': {problem} Nothing was changed.", UnsupportedFix, target: path, filePath: path, line: line, field: key);

        private const string UnsupportedFix =
            "Rehearse on a config where the model ID is its own single-line scalar (quote it, or move it out of the anchor or block), or switch it with your deployment tooling.";
    }
}
