namespace ModelLedger.Secrets;

/// <summary>
/// A result made safe to show, as <see cref="ScrubbedError"/> does for errors: the key masked in every text field,
/// whatever field of the ledger, config, scanned line or -Deployed it came through; the same object when none
/// holds it. The views, reports and ##vso lines all read the result.
/// </summary>
internal static class ScrubbedResult
{
    public static LedgerFinding Of(LedgerFinding finding, SecretScrubber scrubber)
    {
        if (scrubber.IsEmpty || !(scrubber.Contains(finding.Service) || scrubber.Contains(finding.ModelId) || scrubber.Contains(finding.Message)
                                  || scrubber.Contains(finding.Location))) return finding;
        return new LedgerFinding
        {
            Service = scrubber.ScrubOrNull(finding.Service), Check = finding.Check, Status = finding.Status, ModelId = scrubber.ScrubOrNull(finding.ModelId),
            Message = scrubber.Scrub(finding.Message), Location = scrubber.ScrubOrNull(finding.Location),
        };
    }

    // A scanned line may hold the key itself (api_key="sk-...").
    public static ModelReference Of(ModelReference reference, SecretScrubber scrubber)
    {
        if (scrubber.IsEmpty || !(scrubber.Contains(reference.Text) || scrubber.Contains(reference.ModelId) || scrubber.Contains(reference.Path)
                                  || scrubber.Contains(reference.LedgerRole) || scrubber.Contains(reference.NearMissOf) || scrubber.Contains(reference.ConfigRef))) return reference;
        return new ModelReference
        {
            Path = scrubber.Scrub(reference.Path), Line = reference.Line, Column = reference.Column, ModelId = scrubber.Scrub(reference.ModelId),
            Text = scrubber.Scrub(reference.Text), InLedger = reference.InLedger, LedgerRole = scrubber.ScrubOrNull(reference.LedgerRole),
            NearMissOf = scrubber.ScrubOrNull(reference.NearMissOf), ConfigRef = scrubber.ScrubOrNull(reference.ConfigRef),
        };
    }
}
