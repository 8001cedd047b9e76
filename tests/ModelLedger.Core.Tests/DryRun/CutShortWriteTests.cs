using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ModelLedger.Config;
using ModelLedger.DryRun;
using ModelLedger.IO;

namespace ModelLedger.Core.Tests.DryRun;

/// <summary>
/// A run killed inside an in-place write (new bytes written, length not yet set) leaves the new bytes followed by
/// the old tail. The next run recognizes exactly that state from the journal and restores the original; a config
/// edited by someone else is still refused.
/// </summary>
public class CutShortWriteTests
{
    private const string Long = "gpt-4o-2024-08-06-long-alias";
    private const string Short = "gpt-4o";

    private sealed class PassingHost : IDryRunHost
    {
        public List<string> Warnings { get; } = new();
        public bool ShouldProcess(string target, string action) => true;
        public void Verbose(string message) { }
        public void Warning(string message) => Warnings.Add(message);
        public void Progress(string phase, int percentComplete) { }
        public IReadOnlyList<string> Probe(DryRunContext context) => new[] { context.ExpectedModelId! };
        public void Workload(DryRunContext context) { }
        public bool HasWorkload => false;
    }

    private static byte[] Config(string id) => Encoding.UTF8.GetBytes("{\n  \"llm\": { \"model\": \"" + id + "\" },\n  \"timeoutMs\": 3000\n}\n");

    // Leaves what a killed run leaves: the journal of a switch forward -> rollback, and the config in state `current`.
    private static (string Config, LedgerEntry Entry) Interrupted(TempFiles files, string forward, string rollback, byte[] current)
    {
        var path = files.PathOf("staging.json");
        File.WriteAllBytes(path, current);
        var original = Config(forward);
        new DryRunJournal
        {
            ConfigPath = path, Service = "svc", ConfigKey = "llm.model", ForwardModelId = forward, RollbackModelId = rollback,
            OriginalBytes = original, OriginalSha256 = Sha256Hex.Of(original), SwitchedSha256 = Sha256Hex.Of(Config(rollback)),
            StartedAt = DateTimeOffset.UtcNow, ProcessId = 1, MachineName = "m",
        }.Write();
        return (path, new LedgerEntry { Service = "svc", CurrentModelId = forward, RollbackModelId = rollback });
    }

    private static byte[] CutShort(byte[] written, byte[] previous)
    {
        var result = (byte[])previous.Clone();
        Array.Copy(written, result, written.Length);
        return result;
    }

    [Theory]
    [InlineData(Long, Short, true)]  // the switch to a shorter ID, cut short
    [InlineData(Short, Long, false)] // the restore of a shorter original over a longer switch, cut short
    public void AWriteCutShortBeforeTruncationIsRestoredByTheNextRun(string forward, string rollback, bool switchCutShort)
    {
        using var files = new TempFiles();
        var current = switchCutShort ? CutShort(Config(rollback), Config(forward)) : CutShort(Config(forward), Config(rollback));
        Assert.NotEqual(Config(forward), current);
        var (config, entry) = Interrupted(files, forward, rollback, current);
        var host = new PassingHost();

        var result = new RollbackDryRun(host).Run(entry, config, ConfigKeyPath.Parse("llm.model"));

        Assert.Equal(DryRunStatus.Passed, result!.Status);
        Assert.Equal(Config(forward), File.ReadAllBytes(config));
        Assert.Contains(host.Warnings, w => w.Contains("interrupted dry run"));
    }

    [Fact]
    public void AConfigSomeoneElseChangedIsStillNotOverwritten()
    {
        using var files = new TempFiles();
        var edited = CutShort(Encoding.UTF8.GetBytes("{ \"edited\": true }"), Config(Long));
        var (config, entry) = Interrupted(files, Long, Short, edited);
        var ex = Assert.Throws<ModelLedgerException>(() => new RollbackDryRun(new PassingHost()).Run(entry, config, ConfigKeyPath.Parse("llm.model")));
        Assert.Equal(ErrorIds.DryRunRestoreFailed, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, ex.Category);
        Assert.Equal(edited, File.ReadAllBytes(config));
    }
}
