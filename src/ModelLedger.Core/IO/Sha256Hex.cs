using System.Security.Cryptography;
using System.Text;

namespace ModelLedger.IO;

/// <summary>SHA-256 as lower-case hex: the form snapshots (responseSha256), evidence manifests and dry-run journals record.</summary>
internal static class Sha256Hex
{
    public static string Of(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return Format(sha.ComputeHash(bytes));
    }

    public static string Format(byte[] hash)
    {
        var sb = new StringBuilder(hash.Length * 2);
        foreach (var b in hash) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
