using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.Snapshots
{
    public static class ModelListSnapshot
    {
        /// <summary>
        /// A snapshot view of CometModel objects (from Get-CometModel or a pipeline): captured at the oldest
        /// CapturedAt among them (the conservative choice for freshness), labelled when they all share one label.
        /// </summary>
        public static ModelSnapshot FromModels(IReadOnlyCollection<CometModel> models, DateTimeOffset fallbackCapturedAt)
        {
            var captured = models.Where(m => m.CapturedAt != null).Select(m => m.CapturedAt!.Value).DefaultIfEmpty(fallbackCapturedAt).Min();
            var labels = models.Select(m => m.CredentialLabel).Distinct().ToList();
            return new ModelSnapshot
            {
                CapturedAt = captured,
                Source = models.Select(m => m.Source).FirstOrDefault(s => s != null) ?? "-Model objects",
                CredentialLabel = labels.Count == 1 ? labels[0] : null,
                Models = models.ToList(),
            };
        }
    }
}
