namespace ModelLedger;

/// <summary>One place a model ID appears in a repository's text files (Find-ModelReference).</summary>
public sealed class ModelReference
{
    public string Path { get; set; } = "";

    /// <summary>1-based line.</summary>
    public int Line { get; set; }

    /// <summary>1-based column of the ID's first character (in characters).</summary>
    public int Column { get; set; }

    /// <summary>The ID exactly as the file has it.</summary>
    public string ModelId { get; set; } = "";

    /// <summary>The line's text (long lines are cut around the ID).</summary>
    public string Text { get; set; } = "";

    /// <summary>True when the ledger uses this exact ID (current, rollback or emergency).</summary>
    public bool InLedger { get; set; }

    /// <summary>How the ledger uses the ID, for example "support-router current, report-writer rollback".</summary>
    public string? LedgerRole { get; set; }

    /// <summary>The ledger ID this one nearly is (an alias of a dated ID, a case variant): a hint, never a match.</summary>
    public string? NearMissOf { get; set; }

    /// <summary>
    /// In a JSON, YAML or .env file where the ID is a whole scalar value (or one wrapped by a prefix), the config ref
    /// that points at it, in the grammar the gate reads (Config/ wrote it and read it back).
    /// </summary>
    public string? ConfigRef { get; set; }

    public override string ToString() => $"{Path}:{Line}:{Column} {ModelId}";
}
