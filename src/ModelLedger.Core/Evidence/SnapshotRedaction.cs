using System;
using System.Linq;
using ModelLedger.Snapshots;

namespace ModelLedger.Evidence;

/// <summary>
/// The runbook asks to redact credentials and account-specific metadata before attaching evidence to tickets. The
/// identifiers, their vendor owners ("openai", "custom") and the capture facts stay; an owned_by that names an
/// organisation, user, project or e-mail address (org-..., user-..., someone@corp) is replaced, as is anything
/// after '?' or before '@' in the source URL.
/// </summary>
internal static class SnapshotRedaction
{
    public const string Redacted = "[redacted]";
    private static readonly string[] AccountPrefixes = { "org-", "org_", "user-", "user_", "usr-", "acct-", "acct_", "account-", "proj-", "proj_", "project-", "tenant-", "team-" };

    public static bool IsAccountSpecific(string? ownedBy) =>
        ownedBy != null && (ownedBy.IndexOf('@') >= 0 || AccountPrefixes.Any(p => ownedBy.StartsWith(p, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A copy of <paramref name="snapshot"/> safe to attach; <paramref name="redactedCount"/> says how many values were replaced.</summary>
    public static ModelSnapshot Redact(ModelSnapshot snapshot, out int redactedCount)
    {
        var count = 0;
        var copy = new ModelSnapshot
        {
            CapturedAt = snapshot.CapturedAt,
            Source = CleanSource(snapshot.Source, ref count),
            CredentialLabel = snapshot.CredentialLabel,
            ResponseSha256 = snapshot.ResponseSha256,
        };
        foreach (var m in snapshot.Models)
        {
            var owner = m.OwnedBy;
            if (IsAccountSpecific(owner)) { owner = Redacted; count++; }
            copy.Models.Add(new CometModel { Id = m.Id, OwnedBy = owner, Created = m.Created, Object = m.Object });
        }
        redactedCount = count;
        return copy;
    }

    private static string CleanSource(string source, ref int count)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || (uri.UserInfo.Length == 0 && uri.Query.Length == 0)) return source;
        count++;
        return uri.GetLeftPart(UriPartial.Path).Replace(uri.UserInfo + "@", "");
    }
}
