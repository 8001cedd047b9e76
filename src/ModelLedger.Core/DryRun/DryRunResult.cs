using System;
using ModelLedger.Rendering;

namespace ModelLedger;

public enum DryRunStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>The record of one rollback rehearsal: what was switched, what the application was seen to send, and whether the config was put back.</summary>
public sealed class DryRunResult
{
    public string? Service { get; set; }
    public string? ForwardModelId { get; set; }
    public string? RollbackModelId { get; set; }

    /// <summary>The model ID the probe reported the application actually sends while switched.</summary>
    public string? ObservedModelId { get; set; }

    /// <summary>UTC time the config was switched to the rollback ID.</summary>
    public DateTimeOffset? SwitchedAt { get; set; }

    /// <summary>UTC time the forward ID was restored.</summary>
    public DateTimeOffset? RestoredAt { get; set; }

    /// <summary>True when the config file is byte-for-byte what it was before the run.</summary>
    public bool Restored { get; set; }

    public DryRunStatus Status { get; set; }

    /// <summary>Why the run passed, failed or was skipped.</summary>
    public string? Message { get; set; }

    public string? ConfigPath { get; set; }
    public string? ConfigKey { get; set; }

    /// <summary><see cref="Message"/> as a console table shows it (it quotes the IDs the probe saw).</summary>
    public string DisplayMessage() => UntrustedText.ForDisplay(Message);

    public override string ToString() => UntrustedText.ForDisplay($"{Service} {Status}");
}

/// <summary>The one argument passed to -ProbeScript and -WorkloadScript.</summary>
public sealed class DryRunContext
{
    public string? Service { get; set; }
    public string? ConfigPath { get; set; }
    public string? ConfigKey { get; set; }

    /// <summary>The model ID the application should now send (the rollback ID).</summary>
    public string? ExpectedModelId { get; set; }
}
