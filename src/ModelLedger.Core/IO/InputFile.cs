using System;
using System.IO;

namespace ModelLedger.IO;

/// <summary>
/// Reads an input file (ledger, snapshot, config, journal, manifest) the one safe way: a regular file only, after
/// following links (a FIFO would block the read forever, /dev/zero would never end), and never more than the
/// reader's cap (each reader names its own in <see cref="InputLimits"/>). Failures are <see cref="IOException"/>s,
/// so every reader's "could not be read" path reports them with its own error ID.
/// </summary>
internal static class InputFile
{
    public static byte[] ReadAllBytes(string path, long limit)
    {
        RequireRegular(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        // A /proc file says length 0 and has content, so the length is a first check, the read is the real bound.
        if (stream.CanSeek && stream.Length > limit) throw new InputTooLargeException(path, limit);
        var buffer = new byte[stream.CanSeek ? Math.Min(stream.Length, limit) + 1 : 81920];
        var count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                if (count > limit) throw new InputTooLargeException(path, limit);
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
            }
            var read = stream.Read(buffer, count, buffer.Length - count);
            if (read == 0) break;
            count += read;
            if (count > limit) throw new InputTooLargeException(path, limit);
        }
        if (count != buffer.Length) Array.Resize(ref buffer, count);
        return buffer;
    }

    /// <summary>Throws <see cref="NotRegularFileException"/> when <paramref name="path"/> exists and is not a regular file (links followed).</summary>
    public static void RequireRegular(string path)
    {
        var kind = FileKinds.Of(path);
        if (kind is not FileKind.Regular and not FileKind.Missing) throw new NotRegularFileException(path, kind);
    }
}

/// <summary>The size caps of the readers (documented in about_ModelLedger): far above any real file, far below memory.</summary>
internal static class InputLimits
{
    public const long Ledger = 256L * 1024 * 1024;
    public const long Snapshot = 256L * 1024 * 1024;
    public const long Config = 64L * 1024 * 1024;
    public const long Journal = 160L * 1024 * 1024;
    public const long Manifest = 16L * 1024 * 1024;

    /// <summary>"256 MB", as messages show a cap.</summary>
    public static string Show(long limit) => $"{limit / (1024 * 1024)} MB";
}

/// <summary>An input that is a FIFO, a device, a socket or a folder where a file was expected: refused before opening.</summary>
internal sealed class NotRegularFileException : IOException
{
    public NotRegularFileException(string path, FileKind kind, string outcome = "it was not opened")
        : base($"it is {FileKinds.Describe(kind)}, not a regular file, so {outcome}.") => Kind = kind;

    public FileKind Kind { get; }
}

/// <summary>An input larger than its reader's cap: not read further.</summary>
internal sealed class InputTooLargeException : IOException
{
    public InputTooLargeException(string path, long limit)
        : base($"it is larger than the {InputLimits.Show(limit)} limit for this file, so it was not read.") => Limit = limit;

    public long Limit { get; }
}
