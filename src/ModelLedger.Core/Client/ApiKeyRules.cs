namespace ModelLedger.Client;

/// <summary>Whether a key was given and can be sent as a header value. Neither error ever quotes the key.</summary>
internal static class ApiKeyRules
{
    /// <summary>The key, or <see cref="ErrorIds.CometApiKeyMissing"/> / <see cref="ErrorIds.CometApiKeyInvalid"/>.</summary>
    public static string Require(string? key)
    {
        if (string.IsNullOrEmpty(key)) throw CometApiErrors.KeyMissing();
        foreach (var c in key!)
        {
            if (c <= ' ' || c > '~')
                throw CometApiErrors.KeyInvalid(key.Length);
        }
        return key;
    }
}
