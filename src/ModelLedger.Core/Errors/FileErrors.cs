using System;

namespace ModelLedger
{
    /// <summary>Builds the "file, line, field: problem. Fix" errors that the readers of ledgers and snapshots raise.</summary>
    internal static class FileErrors
    {
        public static ModelLedgerException Invalid(string errorId, string kind, string path, int? line, string? field, string problem, string fix, Exception? inner = null)
        {
            var where = $"{kind} '{path}'";
            if (line is int l) where += $" line {l}";
            if (field != null) where += $", field '{field}'";
            return Failure.Of(errorId, FailureCategory.InvalidData, $"{where}: {problem}", fix, target: path, filePath: path, line: line, field: field, inner: inner);
        }

        public static ModelLedgerException NotFound(string errorId, string kind, string path, string fix) =>
            Failure.Of(errorId, FailureCategory.ObjectNotFound, $"{kind} '{path}' was not found.", fix, target: path, filePath: path);

        /// <summary>A file or folder we write could not be written (permissions, disk, a missing folder).</summary>
        public static ModelLedgerException WriteFailed(string errorId, string what, string path, Exception inner, string fix, string? target = null) =>
            Failure.Of(errorId, inner is UnauthorizedAccessException ? FailureCategory.PermissionDenied : FailureCategory.WriteError, $"{what} '{path}' could not be written: {inner.Message}", fix, target: target ?? path, filePath: path, inner: inner);

        public static ModelLedgerException Unreadable(string errorId, string kind, string path, Exception inner) =>
            Failure.Of(errorId, inner is UnauthorizedAccessException ? FailureCategory.PermissionDenied : FailureCategory.ReadError,
                $"{kind} '{path}' could not be read: {inner.Message}", "Check that the file exists and that this account may read it.", target: path, filePath: path, inner: inner);
    }
}
