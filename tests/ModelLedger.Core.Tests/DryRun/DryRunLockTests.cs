using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using ModelLedger.DryRun;

namespace ModelLedger.Core.Tests.DryRun;

public class DryRunLockTests
{
    [Fact]
    public void AHeldLockIsAlwaysReportedAsInProgressEvenWhileItsHolderComesAndGoes()
    {
        using var files = new TempFiles();
        var config = files.Write("staging.json", "{}");
        var failures = new List<string>();
        var categories = new List<FailureCategory>();
        var stop = false;
        using var holding = new ManualResetEventSlim();
        // The holder takes and releases the lock as fast as it can, on its own thread: its lock file is deleted on
        // every release, which is the moment an existence check used to misreport the hold as a bad config.
        var holder = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
                try { using (DryRunLock.Acquire(config)) { holding.Set(); Thread.SpinWait(200); } }
                catch (ModelLedgerException) { }
        }) { IsBackground = true };
        holder.Start();
        Assert.True(holding.Wait(TimeSpan.FromSeconds(30)), "the holder never got the lock");
        var clock = Stopwatch.StartNew();
        // Many attempts, so some land in the moment the holder lets go; bounded in time so a loaded machine cannot hang it.
        for (var attempt = 0; attempt < 5000 && clock.Elapsed < TimeSpan.FromSeconds(20); attempt++)
        {
            try { using (DryRunLock.Acquire(config)) { } }
            catch (ModelLedgerException ex)
            {
                failures.Add(ex.ErrorId);
                categories.Add(ex.Category);
            }
        }
        Volatile.Write(ref stop, true);
        holder.Join();
        Assert.NotEmpty(failures);
        Assert.All(failures, id => Assert.Equal(ErrorIds.DryRunInProgress, id));
        Assert.All(categories, c => Assert.Equal(FailureCategory.ResourceBusy, c));
    }

    [Fact]
    public void ALockThatCannotBeCreatedIsAWriteFailureNotABadConfig()
    {
        using var files = new TempFiles();
        var ex = Assert.Throws<ModelLedgerException>(() => DryRunLock.Acquire(Path.Combine(files.Dir, "no-such-folder", "staging.json")));
        Assert.Equal(ErrorIds.OutputWriteFailed, ex.ErrorId);
        Assert.Equal(FailureCategory.WriteError, ex.Category);
    }
}
