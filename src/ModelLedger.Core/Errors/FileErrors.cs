using System;

namespace ModelLedger;

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

    /// <summary>
    /// A file that could not be read. A FIFO or device (<see cref="IO.NotRegularFileException"/>) and a file over the
    /// reader's cap (<see cref="IO.InputTooLargeException"/>) were refused, not failed: their message and fix say so.
    /// </summary>
    public static ModelLedgerException Unreadable(string errorId, string kind, string path, Exception inner) => inner switch
    {
        IO.NotRegularFileException =>
            Failure.Of(errorId, FailureCategory.InvalidArgument, $"{kind} '{path}' was refused: {inner.Message}",
                "Name the regular file itself (a FIFO, device or socket is never read, directly or through a link).", target: path, filePath: path, inner: inner),
        IO.InputTooLargeException =>
            Failure.Of(errorId, FailureCategory.LimitsExceeded, $"{kind} '{path}' was refused: {inner.Message}",
                "Check that the path names the right file; no real file of this kind is that large.", target: path, filePath: path, inner: inner),
        _ => Failure.Of(errorId, inner is UnauthorizedAccessException ? FailureCategory.PermissionDenied : FailureCategory.ReadError,
            $"{kind} '{path}' could not be read: {inner.Message}", "Check that the file exists and that this account may read it.", target: path, filePath: path, inner: inner),
    };
}
