using System;
using ModelLedger.Rendering;

namespace ModelLedger;

/// <summary>
/// The one exception type the core lets escape. It carries everything the cmdlet layer needs to build an
/// ErrorRecord: the fixed error ID, a category, what the operator should do, and where the fault is.
/// Messages never contain an API key: the core never has one in a string it could format. Messages quote model IDs,
/// ledger values and server text, so they are stored in their display form (<see cref="UntrustedText.ForDisplay"/>):
/// an error shown in a console or an Azure DevOps log cannot carry a line break, an ESC sequence or "##vso[".
/// <see cref="Target"/> keeps the exact value.
/// </summary>
public sealed class ModelLedgerException : Exception
{
    public ModelLedgerException(string errorId, FailureCategory category, string message, Exception? inner = null)
        : base(UntrustedText.ForDisplay(message), inner)
    {
        ErrorId = errorId;
        Category = category;
    }

    /// <summary>The fixed identifier, for example <c>LedgerInvalid</c>.</summary>
    public string ErrorId { get; }

    public FailureCategory Category { get; }

    /// <summary>What the operator should do next; also part of <see cref="Exception.Message"/>.</summary>
    public string? RecommendedAction { get; init; }

    /// <summary>The object at fault (a path, a URL, an ID); becomes the ErrorRecord's TargetObject.</summary>
    public object? Target { get; init; }

    /// <summary>The file at fault, when the fault is in a file.</summary>
    public string? FilePath { get; init; }

    /// <summary>1-based line in <see cref="FilePath"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>The field (JSON property or CSV column) at fault, when known.</summary>
    public string? Field { get; init; }

    /// <summary>HTTP status of the failing response, when there was one.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The service's own error code (for example <c>model_not_found</c>), when it sent one.</summary>
    public string? ApiErrorCode { get; init; }

    /// <summary>The service's request id, for a support ticket. Not a secret.</summary>
    public string? RequestId { get; init; }
}
