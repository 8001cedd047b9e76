namespace ModelLedger;

/// <summary>Errors of the release gate's own parameters (Test-ModelLedger).</summary>
internal static class GateErrors
{
    /// <summary>-OutputFormat without -OutputPath, or the reverse.</summary>
    public static ModelLedgerException OutputFormatIncomplete(object? target) =>
        Failure.Of(ErrorIds.OutputFormatIncomplete, FailureCategory.InvalidArgument, "-OutputFormat and -OutputPath go together.",
            "Pass both (for example -OutputFormat JUnit -OutputPath gate.xml), or neither.", target: target);

    /// <summary>The gate judged no ledger entry: it proved nothing, so it never passes.</summary>
    public static ModelLedgerException NoEntriesGated(string why, object? target) =>
        Failure.Of(ErrorIds.NoEntriesGated, FailureCategory.ObjectNotFound, $"The gate judged no ledger entry: {why} A gate that checked nothing does not pass (with -Quiet it returned $false).",
            "Gate the ledger this release uses, and check -Service against Get-ModelLedger's Service names.", target: target);

    /// <summary>-Deployed is not a hashtable of service -> model ID (or -> @{ ModelId; RoutingChanged }).</summary>
    public static ModelLedgerException DeployedInvalid(string problem) =>
        Failure.Of(ErrorIds.DeployedInvalid, FailureCategory.InvalidArgument, $"-Deployed is not valid: {problem}",
            "Pass -Deployed @{ 'service' = 'model-id' } or @{ 'service' = @{ ModelId = 'model-id'; RoutingChanged = $true } }.", target: "Deployed");
}
