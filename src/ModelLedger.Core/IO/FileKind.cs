using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ModelLedger.IO;

/// <summary>What a path names: a regular file, a folder, or something reading would hang on (a FIFO) or never end (a device).</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>
/// The file type and owner of a path, from stat(2) on Unix. netstandard2.0 has no API for either, and opening a
/// FIFO to find out blocks forever, so the runtime's own System.Native shim is called (the dotnet CLI does the
/// same): its FileStatus starts with Flags, Mode, Uid, Gid on every .NET version, and the mode bits are POSIX's.
/// On Windows (and if the shim is missing) the managed attributes answer: devices and FIFOs are Unix matters there.
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;

    /// <summary>The type of <paramref name="path"/>; with <paramref name="followLinks"/> false a link is <see cref="FileKind.SymbolicLink"/>.</summary>
    public static FileKind Of(string path, bool followLinks = true) => Stat(path, followLinks, out var s) ? Kind(s.Mode) : Managed(path, followLinks);

    /// <summary>The owner and group of <paramref name="path"/> (following links); null on Windows.</summary>
    public static (uint Uid, uint Gid)? Owner(string path) => Stat(path, true, out var s) ? (s.Uid, s.Gid) : null;

    /// <summary>How an error message names a kind: "a FIFO (named pipe)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    private static FileKind Kind(int mode) => (mode & TypeMask) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    private static FileKind Managed(string path, bool followLinks)
    {
        try
        {
            if (!File.Exists(path) && !Directory.Exists(path)) return FileKind.Missing;
            var attributes = File.GetAttributes(path);
            if (!followLinks && (attributes & FileAttributes.ReparsePoint) != 0) return FileKind.SymbolicLink;
            if ((attributes & FileAttributes.Directory) != 0) return FileKind.Directory;
            return (attributes & FileAttributes.Device) != 0 ? FileKind.CharacterDevice : FileKind.Regular;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FileKind.Missing;
        }
    }

    private static bool _noShim = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    // True when stat answered; false (kind Missing) when the path does not exist, or no shim (then Managed answers).
    private static bool Stat(string path, bool followLinks, out StatBuffer status)
    {
        status = default;
        if (_noShim || path.IndexOf('\0') >= 0) return false;
        try
        {
            var rc = followLinks ? NativeStat(path, out status) : NativeLStat(path, out status);
            if (rc == 0) return true;
            status = default;
            return false;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _noShim = true;
            return false;
        }
    }

    // Flags, Mode, Uid, Gid lead the runtime's FileStatus; the rest (sizes, times, inode) is room the shim fills.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct StatBuffer
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int NativeStat(string path, out StatBuffer status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int NativeLStat(string path, out StatBuffer status);
}
