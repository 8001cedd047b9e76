using System;
using System.Collections.Generic;

namespace ModelLedger.Gate;

/// <summary>What a check's findings are about: the snapshot (Service "(snapshot)") or one ledger entry's service.</summary>
internal enum CheckScope
{
    Snapshot,
    Entry,
}

/// <summary>
/// One gate check: its fixed name, scope, the help text the docs print for it, and how it is evaluated. The one
/// table of them is <see cref="GateChecks"/>; the evaluator, -Check's ValidateSet test and the docs' check tables
/// all go through it.
/// </summary>
internal sealed class GateCheck
{
    internal GateCheck(string name, CheckScope scope, string? runsWith, string failWhen, string warnWhen,
        Func<CheckContext, IEnumerable<LedgerFinding>> evaluate, Func<GateEvaluator, IEnumerable<LedgerFinding>>? finish = null)
    {
        Name = name;
        Scope = scope;
        RunsWith = runsWith;
        FailWhen = failWhen;
        WarnWhen = warnWhen;
        Evaluate = evaluate;
        Finish = finish;
    }

    /// <summary>The Check value of its findings.</summary>
    public string Name { get; }

    public CheckScope Scope { get; }

    /// <summary>The parameter without which the check does not run (<c>-BaselineLedgerPath</c>), or null when it always runs.</summary>
    public string? RunsWith { get; }

    /// <summary>When it fails, as the docs' check tables say it ("" when it never fails).</summary>
    public string FailWhen { get; }

    /// <summary>When it warns, as the docs' check tables say it ("" when it never warns).</summary>
    public string WarnWhen { get; }

    /// <summary>
    /// The check's line in the docs' check tables (docs/help/Test-ModelLedger.md, about_ModelLedger), which a test
    /// holds to this: <c>Name (qualifiers) - Fail: ... Warn: ...</c>.
    /// </summary>
    public string HelpText
    {
        get
        {
            var qualifiers = new List<string>();
            if (Scope == CheckScope.Snapshot) qualifiers.Add($"service {CheckNames.SnapshotScope}");
            if (RunsWith != null) qualifiers.Add($"with {RunsWith}");
            var q = qualifiers.Count == 0 ? "" : $" ({string.Join(", ", qualifiers)})";
            return $"{Name}{q} - Fail: {(FailWhen.Length == 0 ? "never" : FailWhen)}. Warn: {(WarnWhen.Length == 0 ? "never" : WarnWhen)}.";
        }
    }

    /// <summary>The findings for one entry (or one snapshot); none when the check does not apply.</summary>
    internal Func<CheckContext, IEnumerable<LedgerFinding>> Evaluate { get; }

    /// <summary>After the last entry: findings about what the ledger lacks (services it no longer has).</summary>
    internal Func<GateEvaluator, IEnumerable<LedgerFinding>>? Finish { get; }

    public override string ToString() => Name;
}
