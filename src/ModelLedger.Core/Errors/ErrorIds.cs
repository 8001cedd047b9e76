namespace ModelLedger;

/// <summary>Error identifiers: the first part of every FullyQualifiedErrorId the module writes. Scripts depend on them.</summary>
public static class ErrorIds
{
    public const string CometApiKeyMissing = "CometApiKeyMissing";
    public const string CometApiAuthFailed = "CometApiAuthFailed";
    public const string CometApiRateLimited = "CometApiRateLimited";
    public const string CometApiUnavailable = "CometApiUnavailable";
    public const string CometApiSchemaMismatch = "CometApiSchemaMismatch";
    /// <summary>The models list is larger than -MaximumResponseBytes: not read further (a size limit, not a shape problem).</summary>
    public const string CometApiResponseTooLarge = "CometApiResponseTooLarge";
    public const string CometApiRequestRejected = "CometApiRequestRejected";
    public const string CometApiInsecureTransport = "CometApiInsecureTransport";
    public const string CometModelNotFound = "CometModelNotFound";
    /// <summary>A key was given but cannot be sent (whitespace, control or non-ASCII characters).</summary>
    public const string CometApiKeyInvalid = "CometApiKeyInvalid";
    /// <summary>-BaseUri / COMETAPI_BASE_URL is not an absolute http(s) API root.</summary>
    public const string CometApiBaseUriInvalid = "CometApiBaseUriInvalid";
    /// <summary>The models endpoint listed the API key itself (as a model ID or metadata): refused, never shown or saved.</summary>
    public const string CometApiKeyInResponse = "CometApiKeyInResponse";
    public const string LedgerNotFound = "LedgerNotFound";
    /// <summary>The ledger file exists but could not be read (permissions, a lock, an I/O error).</summary>
    public const string LedgerUnreadable = "LedgerUnreadable";
    public const string LedgerInvalid = "LedgerInvalid";
    public const string LedgerServiceNotFound = "LedgerServiceNotFound";
    /// <summary>-Service: a name that is not a valid wildcard pattern ('svc[') and equals no ledger service.</summary>
    public const string ServicePatternInvalid = "ServicePatternInvalid";
    /// <summary>Test-ModelLedger gated no ledger entry (an empty ledger, nothing piped, or -Service selected none): never a pass.</summary>
    public const string NoEntriesGated = "NoEntriesGated";
    public const string SnapshotNotFound = "SnapshotNotFound";
    /// <summary>The snapshot file exists but could not be read.</summary>
    public const string SnapshotUnreadable = "SnapshotUnreadable";
    public const string SnapshotInvalid = "SnapshotInvalid";
    public const string OutputWriteFailed = "OutputWriteFailed";
    /// <summary>Test-ModelLedger: -OutputFormat was given without -OutputPath, or the reverse.</summary>
    public const string OutputFormatIncomplete = "OutputFormatIncomplete";
    public const string DeployedInvalid = "DeployedInvalid";
    public const string DryRunConfigKeyNotFound = "DryRunConfigKeyNotFound";
    public const string DryRunRestoreFailed = "DryRunRestoreFailed";
    /// <summary>The staging config file given to a dry run does not exist.</summary>
    public const string DryRunConfigNotFound = "DryRunConfigNotFound";
    /// <summary>The config file exists but could not be read.</summary>
    public const string DryRunConfigUnreadable = "DryRunConfigUnreadable";
    /// <summary>The staging config is not UTF-8 JSON, repeats the key, or the key does not hold a string.</summary>
    public const string DryRunConfigInvalid = "DryRunConfigInvalid";
    /// <summary>The config does not hold the ledger's current model ID, so switching it would not rehearse this change.</summary>
    public const string DryRunConfigMismatch = "DryRunConfigMismatch";
    /// <summary>The staging config is read-only or this account may not write it, so the dry run refuses to switch it.</summary>
    public const string DryRunConfigReadOnly = "DryRunConfigReadOnly";
    /// <summary>The scalar holding the model ID cannot be switched by replacing its own characters in its own quoting style
    /// (an alias or anchored value, a block or multi-line scalar, a value that would need other quotes).</summary>
    public const string DryRunConfigUnsupported = "DryRunConfigUnsupported";
    /// <summary>Test-ModelLedger -ConfigRoot / -BaselineConfigRoot is not an existing folder.</summary>
    public const string ConfigRootNotFound = "ConfigRootNotFound";
    /// <summary>Another dry run holds the config's lock.</summary>
    public const string DryRunInProgress = "DryRunInProgress";
    /// <summary>A dry-run journal could not be read, so the config cannot be repaired automatically.</summary>
    public const string DryRunJournalInvalid = "DryRunJournalInvalid";
    /// <summary>Export-RollbackEvidence: the target folder exists and is not empty (use -Force to replace it).</summary>
    public const string EvidenceFolderNotEmpty = "EvidenceFolderNotEmpty";
    /// <summary>Export-RollbackEvidence -Force: the folder is not an earlier evidence bundle (no ModelLedger manifest, or files it does not list), so it is not replaced.</summary>
    public const string EvidenceFolderNotBundle = "EvidenceFolderNotBundle";
    /// <summary>Test-RollbackEvidence: the evidence folder does not exist.</summary>
    public const string EvidenceNotFound = "EvidenceNotFound";
    /// <summary>Test-RollbackEvidence: manifest.json is missing, unreadable or names files outside the folder.</summary>
    public const string EvidenceManifestInvalid = "EvidenceManifestInvalid";
    /// <summary>Export-RollbackEvidence: a pipeline object that is neither a gate finding nor a dry-run result.</summary>
    public const string EvidenceInputInvalid = "EvidenceInputInvalid";
    /// <summary>Add-ModelLedgerEntry: the ledger already has an entry for the service.</summary>
    public const string LedgerEntryExists = "LedgerEntryExists";
    /// <summary>Set-/Remove-ModelLedgerEntry: the ledger has no entry for the service.</summary>
    public const string LedgerEntryNotFound = "LedgerEntryNotFound";
    /// <summary>A model ID an edit would write is not in the given snapshot (or -Model list).</summary>
    public const string ModelIdNotInSnapshot = "ModelIdNotInSnapshot";
    /// <summary>Another editor held the ledger's lock for longer than the bounded wait.</summary>
    public const string LedgerLocked = "LedgerLocked";
    /// <summary>An edit would drop or replace a rollback ID whose rollbackUntil is still in the future.</summary>
    public const string RollbackWindowOpen = "RollbackWindowOpen";
    /// <summary>Find-ModelReference: a -Path matches no file or folder.</summary>
    public const string ScanPathNotFound = "ScanPathNotFound";
    /// <summary>An edit's parameters contradict each other: -Promote with a different -CurrentModelId or -RollbackModelId, or -SnapshotPath with -Model.</summary>
    public const string LedgerEditConflict = "LedgerEditConflict";
    /// <summary>New-ModelLedger: the ledger to write already exists (use -Force to replace it with the draft).</summary>
    public const string LedgerExists = "LedgerExists";
    /// <summary>The ledger file could not be written (permissions, disk), or its shape cannot be edited in place.</summary>
    public const string LedgerWriteFailed = "LedgerWriteFailed";
    /// <summary>Add-/Set-/Remove-ModelLedgerEntry: the ledger is read-only (no owner-write bit, the read-only attribute) or this account may not write it; nothing changes.</summary>
    public const string LedgerReadOnly = "LedgerReadOnly";
}
