namespace ModelLedger.Gate;

/// <summary>What one check evaluation sees: the gate run, and either one ledger entry (with what the release ships for it) or one snapshot.</summary>
internal sealed class CheckContext
{
    private CheckContext(GateEvaluator gate, LedgerEntry? entry, DeployedRelease? declared, ReleaseReading? reading)
    {
        Gate = gate;
        Entry = entry;
        Declared = declared;
        Reading = reading;
    }

    public static CheckContext ForEntry(GateEvaluator gate, LedgerEntry entry, DeployedRelease? declared, ReleaseReading? reading) =>
        new(gate, entry, declared, reading);

    /// <summary>For <see cref="CheckScope.Snapshot"/> checks: they judge each of <see cref="GateEvaluator.Snapshots"/>.</summary>
    public static CheckContext ForSnapshots(GateEvaluator gate) => new(gate, null, null, null);

    public GateEvaluator Gate { get; }

    public GateOptions Options => Gate.Options;

    /// <summary>The entry, for <see cref="CheckScope.Entry"/> checks.</summary>
    public LedgerEntry? Entry { get; }

    /// <summary>What -Deployed says the release ships for the entry's service, if it names it.</summary>
    public DeployedRelease? Declared { get; }

    /// <summary>What -ConfigRoot's files hold for the entry, when -ConfigRoot is given.</summary>
    public ReleaseReading? Reading { get; }

    /// <summary>-Deployed and -ConfigRoot together: a routing change either one sees counts.</summary>
    public DeployedRelease? Release => _release ??= EntryChecks.Combine(Declared, Reading);
    private DeployedRelease? _release;
}
