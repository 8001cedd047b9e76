using System;

namespace ModelLedger;

/// <summary>
/// The one way an error is raised: every factory in the *Errors classes calls <see cref="Of"/> with the fixed ID, the
/// category, the problem, the fix, and where the fault is. The message is composed here as "problem fix", so the
/// fix is typed once and is both the end of the message (Windows PowerShell 5.1 shows nothing else) and
/// <see cref="ModelLedgerException.RecommendedAction"/>. A <c>remark</c> (for example that an outage says nothing about
/// model IDs) closes the message after the fix and is not part of the recommendation.
/// </summary>
internal static class Failure
{
    public static ModelLedgerException Of(string errorId, FailureCategory category, string problem, string? fix,
        object? target = null, Exception? inner = null, string? filePath = null, int? line = null, string? field = null,
        int? httpStatus = null, string? apiErrorCode = null, string? requestId = null, string? remark = null) =>
        Build(errorId, category, problem, string.IsNullOrWhiteSpace(fix) ? Lookup(errorId) : fix!, target, inner, filePath, line, field, httpStatus, apiErrorCode, requestId, remark);

    /// <summary>
    /// The fix of an error raised without one: where its ID is explained. Every error says what to do next
    /// (ErrorDetails.RecommendedAction is never empty); a test keeps every call site giving its own fix.
    /// </summary>
    public static string Lookup(string errorId) => "See " + errorId + " under ERROR IDS in Get-Help about_ModelLedger.";

    private static ModelLedgerException Build(string errorId, FailureCategory category, string problem, string fix,
        object? target, Exception? inner, string? filePath, int? line, string? field,
        int? httpStatus, string? apiErrorCode, string? requestId, string? remark) =>
        new(errorId, category, Compose(problem, fix) + (remark != null ? " " + remark : ""), inner)
        {
            RecommendedAction = fix,
            Target = target,
            FilePath = filePath,
            Line = line,
            Field = field,
            HttpStatus = httpStatus,
            ApiErrorCode = apiErrorCode,
            RequestId = requestId,
        };

    /// <summary>The message: the problem, then what to do.</summary>
    public static string Compose(string problem, string? fix) => string.IsNullOrEmpty(fix) ? problem : problem + " " + fix;
}
