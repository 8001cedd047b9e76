using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger;

/// <summary>One line of the runbook's operator checklist, answered from the evidence.</summary>
public sealed class ChecklistAnswer
{
    public ChecklistAnswer(string item, string status, string evidence, string[]? services = null)
    {
        Item = item;
        Status = status;
        Evidence = evidence;
        Services = services ?? Array.Empty<string>();
    }

    public string Item { get; }

    /// <summary>Proved, Partly, Failed or Missing.</summary>
    public string Status { get; }

    public string Evidence { get; }

    /// <summary>The services this answer is not proved for (empty when it is proved, or when the line is not per service).</summary>
    public string[] Services { get; }

    public bool IsProved => Status == Proved;

    public const string Proved = "Proved";

    /// <summary>A checklist's tally, as summary.md and the scripts state it: "7 proved, 1 partly, 0 failed, 1 missing: incomplete."</summary>
    public static string Tally(IReadOnlyList<ChecklistAnswer> checklist)
    {
        int Of(string status) => checklist.Count(a => a.Status == status);
        var complete = checklist.All(a => a.IsProved);
        return $"{Of("Proved")} proved, {Of("Partly")} partly, {Of("Failed")} failed, {Of("Missing")} missing: {(complete ? "complete" : "incomplete")}.";
    }

    /// <summary>How <see cref="EvidenceBundle.Missing"/> names this answer: its status, the services it lacks, the item.</summary>
    public override string ToString() =>
        Services.Length == 0 ? $"{Status}: {Item}" : $"{Status} for {string.Join(", ", Services)}: {Item}";
}
