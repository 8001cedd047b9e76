using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ModelLedger.DryRun;

namespace ModelLedger.Core.Tests.DryRun
{
    public class DryRunLockTests
    {
        [Fact]
        public async Task AHeldLockIsAlwaysReportedAsInProgressEvenWhileItsHolderComesAndGoes()
        {
            using var files = new TempFiles();
            var config = files.Write("staging.json", "{}");
            var failures = new List<string>();
            using var stop = new CancellationTokenSource();
            // The holder takes and releases the lock as fast as it can: its lock file is deleted on every release,
            // which is the moment an existence check used to misreport the hold as a bad config.
            var holder = Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                    try { using (DryRunLock.Acquire(config)) Thread.SpinWait(200); }
                    catch (ModelLedgerException) { }
            });
            for (var i = 0; i < 3000; i++)
            {
                try { using (DryRunLock.Acquire(config)) { } }
                catch (ModelLedgerException ex)
                {
                    failures.Add(ex.ErrorId);
                    Assert.Equal(FailureCategory.ResourceBusy, ex.Category);
                }
            }
            stop.Cancel();
            await holder;
            Assert.NotEmpty(failures);
            Assert.All(failures, id => Assert.Equal(ErrorIds.DryRunInProgress, id));
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
}
