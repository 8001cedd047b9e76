using ModelLedger.Rendering;

namespace ModelLedger;

public enum FindingStatus
{
    Pass,
    Warn,
    Fail,
}

/// <summary>The result of one gate check for one service. The gate writes one per service and check, Pass included.</summary>
public sealed class LedgerFinding
{
    public string? Service { get; set; }

    /// <summary>The check's fixed name, for example <c>RollbackModelAvailable</c>.</summary>
    public string Check { get; set; } = "";

    public FindingStatus Status { get; set; }

    /// <summary>The model ID the check was about, when there was one.</summary>
    public string? ModelId { get; set; }

    /// <summary>What was found and, for Warn and Fail, what to do.</summary>
    public string Message { get; set; } = "";

    /// <summary><c>path:line</c> when the finding comes from a file (a ledger row, a release config), else null.</summary>
    public string? Location { get; set; }

    /// <summary><see cref="Service"/> as a console table shows it (see <see cref="UntrustedText.ForDisplay"/>).</summary>
    public string DisplayService() => UntrustedText.ForDisplay(Service);

    /// <summary><see cref="ModelId"/> as a console table shows it: one line, control and bidi characters and "##vso[" escaped.</summary>
    public string DisplayModelId() => UntrustedText.ForDisplay(ModelId);

    /// <summary><see cref="Message"/> as a console table shows it.</summary>
    public string DisplayMessage() => UntrustedText.ForDisplay(Message);

    public override string ToString() => UntrustedText.ForDisplay($"{Service} {Check} {Status}");
}
