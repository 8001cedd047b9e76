using ModelLedger.Rendering;

namespace ModelLedger;

public enum EvidenceFileStatus
{
    Pass,
    Fail,
}

/// <summary>One file of an evidence folder checked against its manifest.</summary>
public sealed class EvidenceFileCheck
{
    public string File { get; set; } = "";
    public EvidenceFileStatus Status { get; set; }
    public string Message { get; set; } = "";
    public string? ExpectedSha256 { get; set; }
    public string? ActualSha256 { get; set; }

    public override string ToString() => UntrustedText.ForDisplay($"{File} {Status}");
}
