using System;
using System.Management.Automation;

namespace ModelLedger.Module.Tests;

/// <summary>A ModelLedger.DryRunResult read through its PowerShell properties (the module's own types are not referenced here).</summary>
public sealed record DryRunView(string Status, string? Service, string? ForwardModelId, string? RollbackModelId, string? ObservedModelId,
    DateTimeOffset? SwitchedAt, DateTimeOffset? RestoredAt, bool Restored, string? Message)
{
    public static DryRunView From(PSObject o)
    {
        Assert.Equal("ModelLedger.DryRunResult", o.TypeNames[0]);
        return new DryRunView(o.Properties["Status"].Value.ToString()!, (string?)o.Properties["Service"].Value, (string?)o.Properties["ForwardModelId"].Value,
            (string?)o.Properties["RollbackModelId"].Value, (string?)o.Properties["ObservedModelId"].Value, (DateTimeOffset?)o.Properties["SwitchedAt"].Value,
            (DateTimeOffset?)o.Properties["RestoredAt"].Value, (bool)o.Properties["Restored"].Value, (string?)o.Properties["Message"].Value);
    }

    public static DryRunView Single(ScriptRun run) => From(Assert.Single(run.Output));
}
