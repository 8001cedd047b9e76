namespace ModelLedger
{
    /// <summary>Errors of the release gate's own parameters (Test-ModelLedger).</summary>
    public static class GateErrors
    {
        /// <summary>-OutputFormat without -OutputPath, or the reverse.</summary>
        public static ModelLedgerException OutputFormatIncomplete(object? target) =>
            Failure.Of(ErrorIds.OutputFormatIncomplete, FailureCategory.InvalidArgument, "-OutputFormat and -OutputPath go together.",
                "Pass both (for example -OutputFormat JUnit -OutputPath gate.xml), or neither.", target: target);
    }
}
