using System.Collections.Generic;

namespace ModelLedger.Gate;

/// <summary>What one config ref of an entry holds in the release.</summary>
internal sealed class RefReading
{
    public RefReading(string refText) => RefText = refText;

    public string RefText { get; }

    /// <summary>"path:line" (or the path alone when the file is missing or unreadable).</summary>
    public string? Location { get; set; }

    /// <summary>The ref's path relative to the release root and the line, for messages ("deploy/x.yaml line 4").</summary>
    public string Where { get; set; } = "";

    /// <summary>The model ID the ref holds through its template; null when it holds none.</summary>
    public string? ModelId { get; set; }

    /// <summary>Why the ref does not hold the ledger's current ID; null when it does.</summary>
    public string? Problem { get; set; }
}

/// <summary>Every ref of one entry read from the release, and what the baseline comparison derived.</summary>
internal sealed class ReleaseReading
{
    public List<RefReading> Refs { get; } = new();

    /// <summary>With a baseline: the model ID changed in some file where other values changed too.</summary>
    public bool RoutingChanged { get; set; }

    /// <summary>With a baseline: the model ID differs from the baseline's at some ref.</summary>
    public bool ModelChanged { get; set; }

    /// <summary>"file: key" of the other values that changed in those files.</summary>
    public List<string> OtherChanges { get; } = new();
}
