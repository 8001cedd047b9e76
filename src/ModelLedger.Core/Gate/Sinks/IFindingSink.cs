namespace ModelLedger.Gate.Sinks;

/// <summary>
/// One place a gate run's findings go: the pipeline (console), Azure DevOps logging commands, a report file. The
/// gate writes every finding to every sink as it is produced, then completes each once. Which sinks a run has is
/// decided in one place, <see cref="FindingSinks"/>.
/// </summary>
internal interface IFindingSink
{
    void Write(LedgerFinding finding);

    /// <summary>After the last finding. False when the sink could not deliver (its error already written): the gate did not complete.</summary>
    bool Complete();
}
