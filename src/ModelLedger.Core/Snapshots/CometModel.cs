using System;
using ModelLedger.Rendering;

namespace ModelLedger;

/// <summary>One model record from the models endpoint (or a saved snapshot of it). <see cref="Id"/> is an exact opaque string.</summary>
public sealed class CometModel
{
    public string Id { get; set; } = "";

    /// <summary>The record's optional <c>owned_by</c> metadata.</summary>
    public string? OwnedBy { get; set; }

    /// <summary>The record's optional <c>created</c> metadata (Unix seconds on the wire). CometAPI may send one placeholder for every model.</summary>
    public DateTimeOffset? Created { get; set; }

    /// <summary>The record's optional <c>object</c> metadata (normally "model").</summary>
    public string? Object { get; set; }

    /// <summary>The capture this record belongs to, shared with every other record of the same list.</summary>
    public ModelCapture? Capture { get; set; }

    // The three facts below are views of Capture. Setting one (a script building a model by hand) gives this
    // record its own capture, so a shared capture is never changed through one of its models.

    /// <summary>Where the record came from: the endpoint URL (no credentials) or the snapshot file.</summary>
    public string? Source
    {
        get => Capture?.Source;
        set => Capture = (Capture ?? ModelCapture.Unknown).WithSource(value);
    }

    /// <summary>When the list holding this record was captured (UTC).</summary>
    public DateTimeOffset? CapturedAt
    {
        get => Capture?.CapturedAt;
        set => Capture = (Capture ?? ModelCapture.Unknown).WithCapturedAt(value);
    }

    /// <summary>Which credential class listed this model ("production", "personal"...), when the capture was labelled.</summary>
    public string? CredentialLabel
    {
        get => Capture?.CredentialLabel;
        set => Capture = (Capture ?? ModelCapture.Unknown).WithCredentialLabel(value);
    }

    /// <summary>A copy of the record's own fields, sharing <paramref name="capture"/>.</summary>
    public CometModel CopyWith(ModelCapture? capture) => new() { Id = Id, OwnedBy = OwnedBy, Created = Created, Object = Object, Capture = capture };

    /// <summary><see cref="Id"/> as a console table shows it (see <see cref="UntrustedText.ForDisplay"/>).</summary>
    public string DisplayId() => UntrustedText.ForDisplay(Id);

    public override string ToString() => UntrustedText.ForDisplay(Id);
}
