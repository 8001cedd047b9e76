using System;

namespace ModelLedger.Secrets;

/// <summary>
/// An error made safe to show: every text a PowerShell ErrorRecord renders from a <see cref="ModelLedgerException"/>
/// (Message, TargetObject and so CategoryInfo, RecommendedAction, the service's code and request id, the file and
/// field) passes through the scrubber, and an inner exception that mentions a key is replaced by its scrubbed message.
/// </summary>
internal static class ScrubbedError
{
    public static ModelLedgerException Of(ModelLedgerException ex, SecretScrubber scrubber)
    {
        if (scrubber.IsEmpty || !Mentions(ex, scrubber)) return ex;
        return new ModelLedgerException(ex.ErrorId, ex.Category, scrubber.Scrub(ex.Message), SafeInner(ex.InnerException, scrubber))
        {
            RecommendedAction = scrubber.ScrubOrNull(ex.RecommendedAction),
            Target = ex.Target is null ? null : scrubber.Contains(ex.Target.ToString()) ? scrubber.Scrub(ex.Target.ToString() ?? "") : ex.Target,
            FilePath = scrubber.ScrubOrNull(ex.FilePath),
            Line = ex.Line,
            Field = scrubber.ScrubOrNull(ex.Field),
            HttpStatus = ex.HttpStatus,
            ApiErrorCode = scrubber.ScrubOrNull(ex.ApiErrorCode),
            RequestId = scrubber.ScrubOrNull(ex.RequestId),
        };
    }

    private static bool Mentions(ModelLedgerException ex, SecretScrubber scrubber) =>
        scrubber.Contains(ex.Message) || scrubber.Contains(ex.RecommendedAction) || scrubber.Contains(ex.Target?.ToString()) ||
        scrubber.Contains(ex.FilePath) || scrubber.Contains(ex.Field) || scrubber.Contains(ex.ApiErrorCode) ||
        scrubber.Contains(ex.RequestId) || (ex.InnerException != null && scrubber.Contains(ex.InnerException.ToString()));

    private static Exception? SafeInner(Exception? inner, SecretScrubber scrubber)
    {
        if (inner == null || !scrubber.Contains(inner.ToString())) return inner;
        // The original's stack and data may hold the key in a form we cannot rewrite; keep only what it said.
        return new InvalidOperationException($"{inner.GetType().FullName}: {scrubber.Scrub(inner.Message)}");
    }
}
