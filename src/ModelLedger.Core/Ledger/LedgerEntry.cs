using System;
using ModelLedger.Rendering;

namespace ModelLedger;

/// <summary>
/// One reviewed row of the model identifier ledger: the exact model IDs a service sends and who owns them.
/// Values are kept exactly as written; an empty or absent field is null. The fields, their file names and
/// how each is read and written are listed once, in <c>Ledger/LedgerFields.cs</c>.
/// </summary>
public sealed class LedgerEntry
{
    public string? Service { get; set; }
    public string? UseCase { get; set; }
    public string? CurrentModelId { get; set; }
    public string? RollbackModelId { get; set; }
    public string? EmergencyAlternative { get; set; }
    public string? Owner { get; set; }
    public string? RollbackOwner { get; set; }
    public DateTimeOffset? LastValidated { get; set; }
    public string? ValidationMethod { get; set; }
    public string? ChangeRef { get; set; }
    public string? Notes { get; set; }

    /// <summary>Where the service's model ID lives in the release configuration (<c>path#key[#template]</c> refs).</summary>
    public string[]? ConfigRefs { get; set; }

    /// <summary>The rollback ID must stay approved and served until then (the end of the rollback window).</summary>
    public DateTimeOffset? RollbackUntil { get; set; }

    /// <summary>The ledger file this entry was read from (null when built in a script).</summary>
    public string? SourcePath { get; set; }

    /// <summary>The 1-based line where the entry starts in <see cref="SourcePath"/>.</summary>
    public int? SourceLine { get; set; }

    public override string ToString() => Service == null ? "(no service)" : UntrustedText.ForDisplay(Service);
}
