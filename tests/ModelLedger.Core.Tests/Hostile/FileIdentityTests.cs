using System;
using System.IO;
using System.Text;
using ModelLedger.IO;
using ModelLedger.Ledger;
using ModelLedger.Ledger.Editing;
using static ModelLedger.Core.Tests.Hostile.HostileFiles;

namespace ModelLedger.Core.Tests.Hostile;

/// <summary>
/// Files keep their identity: AtomicFile (ledger edits, reports, snapshots) writes a link's target and keeps the
/// link, the mode and (as root) the owner; a device or FIFO is refused, never replaced. Ledger edits refuse a
/// read-only ledger (LedgerReadOnly) and a lock file that is a link. Real files, Unix modes.
/// </summary>
public class FileIdentityTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string Ledger = "{\"schemaVersion\":1,\"entries\":[{\"service\":\"svc\",\"currentModelId\":\"gpt-4o\",\"rollbackModelId\":\"gpt-4o-mini\"}]}\n";

    [Fact]
    public void AWriteThroughALinkChangesTheTargetAndKeepsTheLink()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var target = t.Write("real.xml", "old");
        var link = Link(t, "report.xml", target);
        AtomicFile.WriteAllBytes(link, Encoding.UTF8.GetBytes("new"));
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
    }

    [Fact]
    public void AWriteKeepsTheModeOfTheFileItReplaces()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var p = t.Write("ledger.json", "old");
        File.SetUnixFileMode(p, OwnerReadWrite);
        AtomicFile.WriteAllBytes(p, Encoding.UTF8.GetBytes("new"));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(p));
    }

    [Fact]
    public void AWriteAsRootKeepsTheOwnerOfTheFileItReplaces()
    {
        if (!Unix || Environment.UserName != "root") return; // only root may give a file to another user
        using var t = new TempFiles();
        var p = t.Write("ledger.json", "old");
        Assert.True(UnixPermissions.TrySetOwner(p, 4321, 4321));
        AtomicFile.WriteAllBytes(p, Encoding.UTF8.GetBytes("new"));
        Assert.Equal((4321u, 4321u), FileKinds.Owner(p));
        Assert.Equal("new", File.ReadAllText(p));
    }

    [Theory]
    [InlineData("/dev/full")]
    [InlineData("/dev/null")]
    [InlineData("fifo")]
    [InlineData("link to /dev/full")]
    public void ADeviceOrFifoIsRefusedAndStaysWhatItWas(string what)
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var path = what switch { "fifo" => Fifo(t, "out.xml"), "link to /dev/full" => Link(t, "out.xml", "/dev/full"), _ => what };
        var before = FileKinds.Of(path);
        var ex = Assert.Throws<NotRegularFileException>(() => AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes("report")));
        Assert.Contains("nothing was written", ex.Message);
        Assert.Equal(before, FileKinds.Of(path));
        Assert.NotEqual(FileKind.Regular, FileKinds.Of(path));
    }

    [Fact]
    public void ALedgerEditThroughALinkWritesTheTargetAndKeepsLinkAndMode()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var target = t.Write("real-ledger.json", Ledger);
        File.SetUnixFileMode(target, OwnerReadWrite);
        var link = Link(t, "ledger.json", target);
        LedgerEditor.Edit(link, create: false, LedgerEditor.DefaultLockWait, d => { d.RemoveEntry(0); return true; });
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Empty(LedgerReader.ReadFile(target));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(target));
    }

    [Fact]
    public void AnEditorThroughALinkWaitsForTheLockOfTheFileItLeadsTo()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var target = t.Write("real-ledger.json", Ledger);
        var link = Link(t, "link.json", target);
        // One editor holds the real path's lock; the one through the link must wait for it, not take a lock of its own.
        using (LedgerLock.Acquire(target, LedgerEditor.DefaultLockWait))
        {
            var ex = Assert.Throws<ModelLedgerException>(() => LedgerEditor.Edit(link, create: false, TimeSpan.FromMilliseconds(300), d => { d.RemoveEntry(0); return true; }));
            Assert.Equal(ErrorIds.LedgerLocked, ex.ErrorId);
        }
        Assert.False(File.Exists(link + LedgerLock.Suffix));
        Assert.Equal(Ledger, File.ReadAllText(target));
        LedgerEditor.Edit(link, create: false, LedgerEditor.DefaultLockWait, d => { d.RemoveEntry(0); return true; });
        Assert.Empty(LedgerReader.ReadFile(target));
    }

    [Fact]
    public void AReadOnlyLedgerIsRefusedAndNothingChanges()
    {
        using var t = new TempFiles();
        var p = t.Write("ledger.json", Ledger);
        if (Unix) File.SetUnixFileMode(p, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        else File.SetAttributes(p, FileAttributes.ReadOnly);
        var edited = false;
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerEditor.Edit(p, create: false, LedgerEditor.DefaultLockWait, d => { edited = true; d.RemoveEntry(0); return true; }));
        Assert.Equal(ErrorIds.LedgerReadOnly, ex.ErrorId);
        Assert.Equal(FailureCategory.PermissionDenied, ex.Category);
        Assert.Contains("read-only", ex.Message);
        Assert.False(edited);
        Assert.Equal(Ledger, File.ReadAllText(p));
        Assert.False(File.Exists(p + LedgerLock.Suffix)); // refused before the lock file is created
    }

    [Fact]
    public void ALockFileThatIsALinkIsRefusedAndNothingIsCreatedThroughIt()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var p = t.Write("ledger.json", Ledger);
        var victim = t.PathOf("victim");
        Link(t, "ledger.json" + LedgerLock.Suffix, victim);
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerEditor.Edit(p, create: false, LedgerEditor.DefaultLockWait, d => { d.RemoveEntry(0); return true; }));
        Assert.Equal(ErrorIds.LedgerWriteFailed, ex.ErrorId);
        Assert.Contains("symbolic link", ex.Message);
        Assert.False(File.Exists(victim));
        Assert.Equal(Ledger, File.ReadAllText(p));
    }

    [Fact]
    public void ALockFileLeftByAnEarlierEditIsReused()
    {
        using var t = new TempFiles();
        var p = t.Write("ledger.json", Ledger);
        t.Write("ledger.json" + LedgerLock.Suffix, "");
        LedgerEditor.Edit(p, create: false, LedgerEditor.DefaultLockWait, d => { d.RemoveEntry(0); return true; });
        Assert.Empty(LedgerReader.ReadFile(p));
    }

    [Fact]
    public void AFifoLedgerIsRefusedByTheEditorsUnopened()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var fifo = Fifo(t, "ledger.json");
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerEditor.Edit(fifo, create: false, LedgerEditor.DefaultLockWait, d => true));
        Assert.Equal(ErrorIds.LedgerUnreadable, ex.ErrorId);
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
    }
}
