using ModelLedger.IO;

namespace ModelLedger.DryRun;

/// <summary>
/// The dry run switches a config in place (<see cref="InPlaceFile"/>), so the file keeps its owner, mode and links.
/// A config it could not write as its owner would is refused before anything changes: one marked read-only (on
/// Unix: no owner-write bit, which even root respects here) or one this account may not open for writing.
/// </summary>
internal static class ConfigWriteCheck
{
    public static void Require(string configPath)
    {
        if (WriteAccess.Refusal(configPath, out var inner) is string problem) throw DryRunErrors.ConfigReadOnly(configPath, problem, inner);
    }
}
