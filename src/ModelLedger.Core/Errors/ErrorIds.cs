namespace ModelLedger
{
    /// <summary>Error identifiers: the first part of every FullyQualifiedErrorId the module writes. Scripts depend on them.</summary>
    public static class ErrorIds
    {
        public const string CometApiKeyMissing = "CometApiKeyMissing";
        public const string CometApiAuthFailed = "CometApiAuthFailed";
        public const string CometApiRateLimited = "CometApiRateLimited";
        public const string CometApiUnavailable = "CometApiUnavailable";
        public const string CometApiSchemaMismatch = "CometApiSchemaMismatch";
        public const string CometApiRequestRejected = "CometApiRequestRejected";
        public const string CometApiInsecureTransport = "CometApiInsecureTransport";
        public const string CometModelNotFound = "CometModelNotFound";
        /// <summary>A key was given but cannot be sent (whitespace, control or non-ASCII characters).</summary>
        public const string CometApiKeyInvalid = "CometApiKeyInvalid";
        /// <summary>-BaseUri / COMETAPI_BASE_URL is not an absolute http(s) API root.</summary>
        public const string CometApiBaseUriInvalid = "CometApiBaseUriInvalid";
        public const string LedgerNotFound = "LedgerNotFound";
        public const string LedgerInvalid = "LedgerInvalid";
        public const string LedgerServiceNotFound = "LedgerServiceNotFound";
        public const string SnapshotNotFound = "SnapshotNotFound";
        public const string SnapshotInvalid = "SnapshotInvalid";
        public const string OutputWriteFailed = "OutputWriteFailed";
        public const string DeployedInvalid = "DeployedInvalid";
        public const string DryRunConfigKeyNotFound = "DryRunConfigKeyNotFound";
        public const string DryRunRestoreFailed = "DryRunRestoreFailed";
        /// <summary>The staging config file given to a dry run does not exist.</summary>
        public const string DryRunConfigNotFound = "DryRunConfigNotFound";
        /// <summary>The staging config is not UTF-8 JSON, repeats the key, or the key does not hold a string.</summary>
        public const string DryRunConfigInvalid = "DryRunConfigInvalid";
        /// <summary>The config does not hold the ledger's current model ID, so switching it would not rehearse this change.</summary>
        public const string DryRunConfigMismatch = "DryRunConfigMismatch";
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
        /// <summary>Test-RollbackEvidence: the evidence folder does not exist.</summary>
        public const string EvidenceNotFound = "EvidenceNotFound";
        /// <summary>Test-RollbackEvidence: manifest.json is missing, unreadable or names files outside the folder.</summary>
        public const string EvidenceManifestInvalid = "EvidenceManifestInvalid";
        /// <summary>Export-RollbackEvidence: a pipeline object that is neither a gate finding nor a dry-run result.</summary>
        public const string EvidenceInputInvalid = "EvidenceInputInvalid";
    }
}
