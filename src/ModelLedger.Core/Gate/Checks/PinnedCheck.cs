using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.ModelIds;

namespace ModelLedger.Gate;

/// <summary>
/// ModelIdPinned: a ledger ID should name a known target, not a moving name whose behaviour may change. An ID is
/// moving when the snapshots list other IDs that extend it with a date or version suffix (the shapes near-miss
/// hints know, <see cref="ModelIdHints.DateOrVersionSuffixLength"/>: gpt-4o beside gpt-4o-2024-08-06), or when it
/// ends in "-latest" or a bare "-preview". One finding per ID the entry records (current, rollback, emergency).
/// </summary>
internal sealed class PinnedCheck
{
    private static readonly string[] MovingSuffixes = { "-latest", "-preview" };
    private const int Shown = 5;

    private readonly IReadOnlyList<string> _ids;
    private Dictionary<string, List<string>>? _extensions;

    private const string RollbackRole = "Rollback ID";

    public PinnedCheck(IReadOnlyList<string> ids) => _ids = ids;

    public static IEnumerable<LedgerFinding> Evaluate(CheckContext c)
    {
        var e = c.Entry!;
        var pinned = c.Gate.Pinned;
        if (e.CurrentModelId != null) yield return pinned.Judge(c, e, "Current ID", e.CurrentModelId, strict: false);
        if (e.RollbackModelId != null) yield return pinned.Judge(c, e, RollbackRole, e.RollbackModelId, strict: c.Options.Strict);
        if (e.EmergencyAlternative != null) yield return pinned.Judge(c, e, "Emergency alternative", e.EmergencyAlternative, strict: false);
    }

    private LedgerFinding Judge(CheckContext c, LedgerEntry e, string role, string id, bool strict)
    {
        var suffix = MovingSuffixes.FirstOrDefault(s => id.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        // "x-latest" stands for the newest "x-<date>"; "x-preview" (and a plain alias) for the newest "x-preview-<date>".
        var concrete = Extensions(suffix == "-latest" ? id.Substring(0, id.Length - suffix.Length) : id).Where(x => !string.Equals(x, id, StringComparison.Ordinal)).ToList();
        if (suffix == null && concrete.Count == 0)
            return Finding.For(e, CheckNames.ModelIdPinned, FindingStatus.Pass, id, $"{role} '{id}' is pinned: the snapshot lists no ID that extends it with a date or version suffix.");
        var why = suffix != null
            ? $"{role} '{id}' ends in '{id.Substring(id.Length - suffix.Length)}', a moving name whose model can change under it."
            : $"{role} '{id}' is a moving name: the snapshot also lists IDs that extend it with a date or version suffix.";
        var offered = concrete.Count == 0
            ? " The snapshot lists no concrete ID for it."
            : $" Concrete IDs in the snapshot: {string.Join(", ", concrete.Take(Shown).Select(x => "'" + x + "'"))}{(concrete.Count > Shown ? $" and {concrete.Count - Shown} more" : "")}.";
        var fail = strict ? " With -Strict a moving rollback ID fails: a rollback must restore a known target." : "";
        // The concrete form of a moving rollback ID may be the current ID (gemini-2.5-flash beside current
        // gemini-2.5-flash-001): recording that would be a rollback to the same model, which the editors refuse.
        var advice = role == RollbackRole && e.CurrentModelId != null && concrete.Contains(e.CurrentModelId, StringComparer.Ordinal)
            ? $" '{e.CurrentModelId}' is the current ID, so it is no rollback target: record the concrete ID of the model a rollback would return to."
            : " Record the concrete ID the service uses, so the change can be reversed to exactly that model.";
        return Finding.For(e, CheckNames.ModelIdPinned, strict ? FindingStatus.Fail : FindingStatus.Warn, id, $"{why}{offered}{advice}{fail}");
    }

    // Every listed ID with a date or version suffix, under the ID it extends (exact, ordinal); built on first use.
    private IReadOnlyList<string> Extensions(string id)
    {
        if (_extensions == null)
        {
            _extensions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var x in _ids)
            {
                var cut = ModelIdHints.DateOrVersionSuffixLength(x);
                if (cut == 0 || cut == x.Length) continue;
                var stem = x.Substring(0, x.Length - cut);
                if (!_extensions.TryGetValue(stem, out var list)) _extensions[stem] = list = new List<string>(1);
                list.Add(x);
            }
        }
        return _extensions.TryGetValue(id, out var found) ? found : (IReadOnlyList<string>)Array.Empty<string>();
    }
}
