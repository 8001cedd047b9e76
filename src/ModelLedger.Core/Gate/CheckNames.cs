namespace ModelLedger.Gate;

/// <summary>The gate's check names (the <c>Check</c> values of LedgerFinding). Scripts filter on them; the checks themselves are <see cref="GateChecks"/>.</summary>
internal static class CheckNames
{
    public const string LedgerEntryComplete = "LedgerEntryComplete";
    public const string DeployedMatchesLedger = "DeployedMatchesLedger";
    public const string CurrentModelAvailable = "CurrentModelAvailable";
    public const string RollbackModelDefined = "RollbackModelDefined";
    public const string RollbackModelAvailable = "RollbackModelAvailable";
    public const string EmergencyAlternative = "EmergencyAlternative";
    public const string ModelIdPinned = "ModelIdPinned";
    public const string RollbackOwner = "RollbackOwner";
    public const string SnapshotFresh = "SnapshotFresh";
    public const string SnapshotMetadata = "SnapshotMetadata";
    public const string CredentialLabelMatches = "CredentialLabelMatches";
    public const string RollbackWindowOpen = "RollbackWindowOpen";

    /// <summary>The Service value of findings about the snapshot as a whole rather than one service.</summary>
    public const string SnapshotScope = "(snapshot)";
}
