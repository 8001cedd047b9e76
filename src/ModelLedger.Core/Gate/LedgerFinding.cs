namespace ModelLedger
{
    public enum FindingStatus
    {
        Pass,
        Warn,
        Fail,
    }

    /// <summary>The result of one gate check for one service. The gate writes one per service and check, Pass included.</summary>
    public sealed class LedgerFinding
    {
        public string? Service { get; set; }

        /// <summary>The check's fixed name, for example <c>RollbackModelAvailable</c>.</summary>
        public string Check { get; set; } = "";

        public FindingStatus Status { get; set; }

        /// <summary>The model ID the check was about, when there was one.</summary>
        public string? ModelId { get; set; }

        /// <summary>What was found and, for Warn and Fail, what to do.</summary>
        public string Message { get; set; } = "";

        /// <summary><c>path:line</c> when the finding comes from a file (a config ref read with -ConfigRoot); else null.</summary>
        public string? Location { get; set; }

        public override string ToString() => $"{Service} {Check} {Status}";
    }
}
