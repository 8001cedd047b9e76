using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.Snapshots;

internal static class ModelListSnapshot
{
    /// <summary>
    /// A snapshot view of CometModel objects (from Get-CometModel or a pipeline), built from their captures: captured
    /// at the oldest capture time among them (the conservative choice for freshness), labelled when they all share
    /// one label, from the first source named.
    /// </summary>
    public static ModelSnapshot FromModels(IReadOnlyCollection<CometModel> models, DateTimeOffset fallbackCapturedAt)
    {
        var captures = models.Select(m => m.Capture ?? ModelCapture.Unknown).Distinct().ToList();
        var captured = captures.Where(c => c.CapturedAt != null).Select(c => c.CapturedAt!.Value).DefaultIfEmpty(fallbackCapturedAt).Min();
        var labels = captures.Select(c => c.CredentialLabel).Distinct().ToList();
        var hashes = captures.Select(c => c.ResponseSha256).Distinct().ToList();
        return new ModelSnapshot
        {
            CapturedAt = captured,
            Source = captures.Select(c => c.Source).FirstOrDefault(s => s != null) ?? "-Model objects",
            CredentialLabel = labels.Count == 1 ? labels[0] : null,
            ResponseSha256 = hashes.Count == 1 ? hashes[0] : null,
            Models = models.ToList(),
        };
    }
}
