using System;

namespace ModelLedger.Client
{
    /// <summary>
    /// Why one attempt failed, kept in parts (what happened, what to do) so the final error can add how many attempts
    /// were made without editing a finished sentence, plus what the retry policy needs to know.
    /// </summary>
    internal sealed class AttemptFailure
    {
        public string ErrorId { get; init; } = ErrorIds.CometApiUnavailable;
        public FailureCategory Category { get; init; }

        /// <summary>What happened, one sentence (its full stop is added when the message is built).</summary>
        public string Problem { get; init; } = "";

        /// <summary>What the operator should do; also the RecommendedAction.</summary>
        public string Fix { get; init; } = "";

        /// <summary>A closing remark after the fix (for example that an outage says nothing about model IDs).</summary>
        public string? Remark { get; init; }

        public string Target { get; init; } = "";
        public int? HttpStatus { get; init; }
        public string? ApiErrorCode { get; init; }
        public string? RequestId { get; init; }
        public Exception? Inner { get; init; }

        public bool Retryable { get; init; }

        /// <summary>The server's Retry-After, when it sent one.</summary>
        public TimeSpan? RetryAfter { get; init; }

        /// <summary>"HTTP 503" or the category, for progress and verbose lines.</summary>
        public string ShortReason => HttpStatus is int s ? $"HTTP {s}" : Category.ToString();

        /// <summary>The error to raise; <paramref name="note"/> (for example " (3 attempts)") follows what happened.</summary>
        public ModelLedgerException ToError(string note = "") =>
            new(ErrorId, Category, $"{Problem.TrimEnd('.')}{note}. {Fix}{(Remark != null ? " " + Remark : "")}", Inner)
            {
                RecommendedAction = Fix,
                Target = Target,
                HttpStatus = HttpStatus,
                ApiErrorCode = ApiErrorCode,
                RequestId = RequestId,
            };
    }

    /// <summary>Carries an <see cref="AttemptFailure"/> out of an attempt to the retry loop.</summary>
    internal sealed class AttemptFailedException : Exception
    {
        public AttemptFailedException(AttemptFailure failure) : base(failure.Problem, failure.Inner) => Failure = failure;

        public AttemptFailure Failure { get; }
    }
}
