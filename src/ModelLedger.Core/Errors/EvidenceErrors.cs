namespace ModelLedger
{
    /// <summary>Errors about evidence folders.</summary>
    public static class EvidenceErrors
    {
        public const string NotFoundFix = "Pass the folder Export-RollbackEvidence wrote.";
    }
}
