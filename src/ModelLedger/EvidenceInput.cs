using System;
using System.Globalization;
using System.Management.Automation;

namespace ModelLedger;

/// <summary>
/// What Export-RollbackEvidence takes as a gate finding or a dry-run result: the live objects, or the same objects
/// handed between pipeline steps through Export-Clixml/Import-Clixml (a property bag typed
/// Deserialized.ModelLedger.*). A bag is rebuilt field by field and refused, with the field at fault, when a field
/// has the wrong type or an undefined status: a hand-off never makes evidence that a live object could not.
/// </summary>
internal static class EvidenceInput
{
    private const string Prefix = "Deserialized.";

    /// <summary>A finding, a dry run, or null with <paramref name="problem"/> saying why the object is neither.</summary>
    public static object? Read(object? input, out string? problem)
    {
        problem = null;
        var pso = input as PSObject;
        switch (pso?.BaseObject ?? input)
        {
            case LedgerFinding f: return f;
            case DryRunResult r: return r;
        }
        if (pso == null) { problem = "it is neither a gate finding nor a dry-run result"; return null; }
        try
        {
            if (pso.TypeNames.Contains(Prefix + typeof(DryRunResult).FullName)) return DryRun(pso);
            if (pso.TypeNames.Contains(Prefix + typeof(LedgerFinding).FullName)) return Finding(pso);
        }
        catch (FormatException ex)
        {
            problem = ex.Message;
            return null;
        }
        problem = "it is neither a gate finding nor a dry-run result";
        return null;
    }

    private static DryRunResult DryRun(PSObject bag) => new()
    {
        Service = Required(bag, nameof(DryRunResult.Service)),
        ForwardModelId = Text(bag, nameof(DryRunResult.ForwardModelId)),
        RollbackModelId = Text(bag, nameof(DryRunResult.RollbackModelId)),
        ObservedModelId = Text(bag, nameof(DryRunResult.ObservedModelId)),
        SwitchedAt = Time(bag, nameof(DryRunResult.SwitchedAt)),
        RestoredAt = Time(bag, nameof(DryRunResult.RestoredAt)),
        Restored = Flag(bag, nameof(DryRunResult.Restored)),
        Status = Status<DryRunStatus>(bag, nameof(DryRunResult.Status)),
        Message = Text(bag, nameof(DryRunResult.Message)),
        ConfigPath = Text(bag, nameof(DryRunResult.ConfigPath)),
        ConfigKey = Text(bag, nameof(DryRunResult.ConfigKey)),
    };

    private static LedgerFinding Finding(PSObject bag) => new()
    {
        Service = Text(bag, nameof(LedgerFinding.Service)),
        Check = Required(bag, nameof(LedgerFinding.Check)),
        Status = Status<FindingStatus>(bag, nameof(LedgerFinding.Status)),
        ModelId = Text(bag, nameof(LedgerFinding.ModelId)),
        Message = Text(bag, nameof(LedgerFinding.Message)) ?? "",
        Location = Text(bag, nameof(LedgerFinding.Location)),
    };

    private static object? Value(PSObject bag, string name)
    {
        var value = bag.Properties[name]?.Value;
        return value is PSObject p && p.BaseObject is not PSCustomObject ? p.BaseObject : value;
    }

    private static string? Text(PSObject bag, string name) => Value(bag, name) switch
    {
        null => null,
        string s => s,
        var other => throw Wrong(name, "a string", other),
    };

    private static string Required(PSObject bag, string name) =>
        Text(bag, name) is { Length: > 0 } s ? s : throw new FormatException($"its {name} is empty");

    private static bool Flag(PSObject bag, string name) => Value(bag, name) is bool b ? b : throw Wrong(name, "a boolean", Value(bag, name));

    // Import-Clixml keeps a DateTime as one, and a DateTimeOffset as a bag of its properties (UtcDateTime among them).
    private static DateTimeOffset? Time(PSObject bag, string name)
    {
        var raw = bag.Properties[name]?.Value;
        switch (raw is PSObject p ? p.BaseObject : raw)
        {
            case null: return null;
            case DateTimeOffset d: return d;
            case DateTime d: return new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero);
            case string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed): return parsed;
        }
        if (raw is PSObject time && time.TypeNames.Contains(Prefix + typeof(DateTimeOffset).FullName) && time.Properties["UtcDateTime"]?.Value is DateTime utc)
            return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero);
        throw Wrong(name, "a time", raw);
    }

    // An enum comes back as its number with the name as its text; only a defined name counts.
    private static T Status<T>(PSObject bag, string name) where T : struct
    {
        var raw = bag.Properties[name]?.Value;
        if (raw is PSObject { BaseObject: T live } || raw is T) return raw is T t ? t : (T)((PSObject)raw).BaseObject;
        var text = raw?.ToString();
        foreach (var defined in Enum.GetNames(typeof(T)))
            if (string.Equals(defined, text, StringComparison.Ordinal)) return (T)Enum.Parse(typeof(T), defined);
        throw new FormatException($"its {name} '{Rendering.UntrustedText.ForDisplay(text)}' is not one of {string.Join(", ", Enum.GetNames(typeof(T)))}");
    }

    private static FormatException Wrong(string name, string expected, object? value) =>
        new($"its {name} is not {expected} (a {(value is PSObject p ? p.TypeNames[0] : value?.GetType().Name)})");
}
