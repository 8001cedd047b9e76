using System;
using System.IO;
using System.Text;
using ModelLedger.Config;
using ModelLedger.IO;
using ModelLedger.Ledger;
using ModelLedger.Snapshots;
using static ModelLedger.Core.Tests.Hostile.HostileFiles;

namespace ModelLedger.Core.Tests.Hostile;

/// <summary>
/// Inputs are regular files only, read under a cap: a FIFO (which would block the read forever), /dev/zero (which
/// would never end) and a link to either are refused before opening, each reader with its own Unreadable ID.
/// </summary>
public class InputFileTests
{
    private const string Ledger = "{\"schemaVersion\":1,\"entries\":[]}";

    [Fact]
    public void FileKindsTellsRegularFilesFromFifosDevicesAndLinks()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var file = t.Write("a.json", "{}");
        var fifo = Fifo(t, "pipe.json");
        var link = Link(t, "link.json", "/dev/zero");
        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/zero"));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(link));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(link, followLinks: false));
        Assert.Equal(FileKind.Directory, FileKinds.Of(t.Dir));
        Assert.Equal(FileKind.Missing, FileKinds.Of(t.PathOf("none")));
    }

    public static TheoryData<string> Hostile => new() { "fifo", "/dev/zero", "link to /dev/zero", "link to fifo" };

    private static string Make(TempFiles t, string what, string extension) => what switch
    {
        "fifo" => Fifo(t, "pipe" + extension),
        "/dev/zero" => "/dev/zero",
        "link to /dev/zero" => Link(t, "zero" + extension, "/dev/zero"),
        _ => Link(t, "tofifo" + extension, Fifo(t, "target-pipe")),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void TheLedgerReaderRefusesIt(string what)
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var ex = Assert.Throws<ModelLedgerException>(() => LedgerReader.ReadFile(Make(t, what, ".json")));
        Assert.Equal(ErrorIds.LedgerUnreadable, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, ex.Category);
        Assert.Contains("not a regular file", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void TheSnapshotReaderRefusesIt(string what)
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var ex = Assert.Throws<ModelLedgerException>(() => SnapshotReader.ReadFile(Make(t, what, ".json")));
        Assert.Equal(ErrorIds.SnapshotUnreadable, ex.ErrorId);
        Assert.Contains("not a regular file", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void TheConfigReaderRefusesIt(string what)
    {
        if (!Unix) return;
        using var t = new TempFiles();
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigFile.Load(Make(t, what, ".yaml")));
        Assert.Equal(ErrorIds.DryRunConfigUnreadable, ex.ErrorId);
        Assert.Contains("not a regular file", ex.Message);
    }

    [Fact]
    public void AFileOverTheCapIsRefusedWithItsOwnLimitInTheMessage()
    {
        using var t = new TempFiles();
        var p = t.Write("big.json", new string(' ', 2048) + Ledger);
        var ex = Assert.Throws<InputTooLargeException>(() => InputFile.ReadAllBytes(p, 1024));
        Assert.Equal(1024, ex.Limit);
        var error = FileErrors.Unreadable(ErrorIds.LedgerUnreadable, "Ledger", p, ex);
        Assert.Equal(FailureCategory.LimitsExceeded, error.Category);
        Assert.Contains("larger than the", error.Message);
    }

    [Fact]
    public void AFileThatSaysItIsEmptyIsStillBoundedByWhatItReads()
    {
        if (!OperatingSystem.IsLinux()) return;
        // /proc files report length 0 and hold content: the read, not the length, enforces the cap.
        Assert.Equal(0, new FileInfo("/proc/self/maps").Length);
        Assert.Throws<InputTooLargeException>(() => InputFile.ReadAllBytes("/proc/self/maps", 16));
        Assert.NotEmpty(InputFile.ReadAllBytes("/proc/self/maps", InputLimits.Config));
    }

    [Fact]
    public void AFileUnderTheCapIsReadWhole()
    {
        using var t = new TempFiles();
        var p = t.Write("ledger.json", Ledger);
        Assert.Equal(Encoding.UTF8.GetBytes(Ledger), InputFile.ReadAllBytes(p, Ledger.Length));
        Assert.Empty(LedgerReader.ReadFile(p));
    }

    [Fact]
    public void EachReaderHasACapAboveRealFilesAndBelowMemory()
    {
        foreach (var cap in new[] { InputLimits.Ledger, InputLimits.Snapshot, InputLimits.Config, InputLimits.Journal, InputLimits.Manifest })
            Assert.InRange(cap, 16L * 1024 * 1024, 256L * 1024 * 1024);
        // A journal holds a config's bytes, so its cap must exceed the config's.
        Assert.True(InputLimits.Journal > InputLimits.Config);
    }
}
