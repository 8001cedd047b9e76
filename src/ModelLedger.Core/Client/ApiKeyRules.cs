namespace ModelLedger.Client
{
    /// <summary>Whether a key was given and can be sent as a header value. Neither error ever quotes the key.</summary>
    public static class ApiKeyRules
    {
        public static ModelLedgerException KeyMissing() => new(ErrorIds.CometApiKeyMissing, FailureCategory.InvalidArgument,
            "No CometAPI key was given. Pass -ApiKey (a SecureString, e.g. from Get-Secret or Read-Host -AsSecureString) or set the COMETAPI_API_KEY environment variable, using the production-equivalent key the release will use; or read a saved snapshot with -SnapshotPath.")
        {
            RecommendedAction = "Pass -ApiKey or set COMETAPI_API_KEY, or use -SnapshotPath.",
        };

        /// <summary>The key, or <see cref="ErrorIds.CometApiKeyMissing"/> / <see cref="ErrorIds.CometApiKeyInvalid"/>.</summary>
        public static string Require(string? key)
        {
            if (string.IsNullOrEmpty(key)) throw KeyMissing();
            foreach (var c in key!)
            {
                if (c <= ' ' || c > '~')
                    throw new ModelLedgerException(ErrorIds.CometApiKeyInvalid, FailureCategory.InvalidArgument,
                        $"The API key ({key.Length} characters) contains whitespace, a line break or a non-ASCII character, so it cannot be sent as given (often a trailing newline from a file or a copy-paste). Set the key again without surrounding whitespace.")
                    {
                        RecommendedAction = "Set the key again without surrounding whitespace.",
                    };
            }
            return key;
        }
    }
}
