namespace ModelLedger.Gate.Sinks;

/// <summary>Test-ModelLedger -OutputFormat: the report file written to -OutputPath.</summary>
public enum ReportFormat
{
    /// <summary>JUnit XML, for Azure DevOps' PublishTestResults.</summary>
    JUnit,

    /// <summary>A Markdown table, for a change ticket.</summary>
    Markdown,
}
