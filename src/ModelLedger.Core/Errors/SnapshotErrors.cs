namespace ModelLedger
{
    /// <summary>Errors about snapshot files.</summary>
    public static class SnapshotErrors
    {
        public const string NotFoundFix = "Check the path, or capture a fresh one with Get-CometModel -OutSnapshot <path>.";
        public const string FolderFix = "The path is a folder; name the snapshot .json file inside it.";
    }
}
