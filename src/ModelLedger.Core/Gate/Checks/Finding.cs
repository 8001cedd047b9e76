namespace ModelLedger.Gate;

/// <summary>Builds the checks' findings.</summary>
internal static class Finding
{
    public static LedgerFinding For(LedgerEntry e, string check, FindingStatus status, string? modelId, string message) =>
        For(e.Service, check, status, modelId, message);

    public static LedgerFinding For(string? service, string check, FindingStatus status, string? modelId, string message) =>
        new() { Service = service, Check = check, Status = status, ModelId = modelId, Message = message };
}
