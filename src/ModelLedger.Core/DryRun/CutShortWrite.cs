using System;
using System.Text;
using ModelLedger.IO;

namespace ModelLedger.DryRun;

/// <summary>
/// The config is switched and restored in place (<see cref="InPlaceFile"/>): all new bytes, then the length. A run
/// killed between the two leaves the new, shorter bytes followed by the tail of the longer old ones. This names
/// exactly that state, from the journal, so the next run can restore it; anything else stays "changed since".
/// </summary>
internal static class CutShortWrite
{
    /// <summary>True when <paramref name="current"/> is the switch or the restore of <paramref name="journal"/> cut short before truncation.</summary>
    public static bool Matches(DryRunJournal journal, byte[] current)
    {
        var original = journal.OriginalBytes;
        // The switch replaces the forward ID's characters with the rollback ID's, so the lengths differ by theirs.
        var delta = Utf8Length(journal.RollbackModelId) - Utf8Length(journal.ForwardModelId);
        var switchedLength = original.Length + delta;
        if (delta > 0)
            // The restore (original over the longer switched bytes) cut short: the whole original, then switched's tail.
            return current.Length == switchedLength && current.AsSpan(0, original.Length).SequenceEqual(original);
        if (delta < 0 && switchedLength >= 0 && current.Length == original.Length)
            // The switch (shorter switched bytes over the original) cut short: the switched bytes, then the original's tail.
            return current.AsSpan(switchedLength).SequenceEqual(original.AsSpan(switchedLength))
                   && Sha256Hex.Of(current.AsSpan(0, switchedLength).ToArray()) == journal.SwitchedSha256;
        return false;
    }

    private static int Utf8Length(string? s) => s == null ? 0 : Encoding.UTF8.GetByteCount(s);
}
