namespace ModelLedger
{
    /// <summary>Errors about the staging config a dry run switches.</summary>
    public static class DryRunErrors
    {
        public const string ConfigNotFoundFix = "Pass the staging config file (JSON, YAML or .env) that the service reads its model ID from.";
    }
}
