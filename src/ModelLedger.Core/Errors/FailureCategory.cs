namespace ModelLedger;

/// <summary>
/// The subset of PowerShell's ErrorCategory that the core uses. Names match ErrorCategory exactly so the
/// cmdlet layer maps them by name, and the core stays free of any PowerShell reference.
/// </summary>
public enum FailureCategory
{
    NotSpecified,
    ObjectNotFound,
    InvalidData,
    InvalidArgument,
    InvalidOperation,
    InvalidResult,
    AuthenticationError,
    PermissionDenied,
    LimitsExceeded,
    ConnectionError,
    ResourceUnavailable,
    ResourceBusy,
    OperationTimeout,
    OperationStopped,
    SecurityError,
    ReadError,
    WriteError,
    ResourceExists,
}
