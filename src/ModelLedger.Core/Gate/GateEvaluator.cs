using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Snapshots;

namespace ModelLedger.Gate;

/// <summary>
/// The release gate of the runbook's step 4. Build it once per run (one pass over each snapshot's models into a
/// hash set), then feed ledger entries one at a time: each goes through every row of <see cref="GateChecks"/> with
/// hash lookups, so the whole gate is linear in ledger plus snapshot size and a large ledger streams. Matching is
/// ordinal and exact; near misses only explain. Several snapshots are one per credential: an ID is available only
/// when every one lists it.
/// </summary>
internal sealed class GateEvaluator
{
    private readonly HashSet<string> _seenServices = new(StringComparer.OrdinalIgnoreCase);

    public GateEvaluator(ModelSnapshot snapshot, GateOptions options) : this(new[] { snapshot }, options)
    {
    }

    public GateEvaluator(IReadOnlyList<ModelSnapshot> snapshots, GateOptions options)
    {
        if (snapshots.Count == 0) throw new ArgumentException("At least one snapshot is needed.", nameof(snapshots));
        foreach (var s in snapshots)
            if (s.Models.Count == 0) throw SnapshotErrors.Empty(s.FilePath, s.Source);
        Snapshots = snapshots;
        Options = options;
        Models = new ModelAvailability(snapshots);
        Pinned = new PinnedCheck(Models.AllIds);
        if (options.BaselineLedger != null) Window = new RollbackWindowCheck(options.BaselineLedger, options.AsOf);
    }

    public GateOptions Options { get; }

    /// <summary>The snapshots gated against, one per credential.</summary>
    public IReadOnlyList<ModelSnapshot> Snapshots { get; }

    internal ModelAvailability Models { get; }

    internal RollbackWindowCheck? Window { get; }

    internal PinnedCheck Pinned { get; }

    /// <summary>The services of the entries evaluated so far.</summary>
    internal ICollection<string> SeenServices => _seenServices;

    /// <summary>Findings about the snapshots themselves (freshness, metadata, credential), once per gate run.</summary>
    public IEnumerable<LedgerFinding> SnapshotFindings()
    {
        var context = CheckContext.ForSnapshots(this);
        return GateChecks.All.Where(c => c.Scope == CheckScope.Snapshot).SelectMany(c => c.Evaluate(context));
    }

    /// <summary>
    /// Every check for one ledger entry, Pass included, in table order. The entry counts as seen for
    /// <see cref="Finish"/> when this returns, whether or not the caller enumerates the findings.
    /// </summary>
    public IReadOnlyList<LedgerFinding> Evaluate(LedgerEntry entry)
    {
        if (entry.Service != null) _seenServices.Add(entry.Service);
        DeployedRelease? declared = null;
        if (entry.Service != null) Options.Deployed?.TryGetValue(entry.Service, out declared);
        var context = CheckContext.ForEntry(this, entry, declared, Options.ReleaseCheckout?.Read(entry));
        var findings = new List<LedgerFinding>();
        foreach (var check in GateChecks.All)
            if (check.Scope == CheckScope.Entry) findings.AddRange(check.Evaluate(context));
        return findings;
    }

    /// <summary>After the last entry: what the ledger no longer has (services the release ships, rollback windows it drops).</summary>
    public IEnumerable<LedgerFinding> Finish() =>
        GateChecks.All.Where(c => c.Finish != null).SelectMany(c => c.Finish!(this));
}
