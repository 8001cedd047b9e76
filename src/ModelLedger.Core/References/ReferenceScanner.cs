using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ModelLedger.Config;
using ModelLedger.ModelIds;

namespace ModelLedger.References;

/// <summary>
/// Finds every model ID of a models list in a repository's text files, as whole tokens, and says for each hit
/// whether and how the ledger uses it, what ledger ID it nearly is, and which config ref points at it. Files are
/// read one at a time into a reused buffer, so memory stays flat however large the tree.
/// </summary>
internal sealed class ReferenceScanner
{
    public const long DefaultMaxFileBytes = 4 * 1024 * 1024;
    private const int MaxTextLength = 240;

    private readonly TokenScanner _scanner;
    private readonly Dictionary<string, string> _roles;
    private readonly ModelIdHints? _ledgerHints;
    private readonly List<TokenScanner.Hit> _hits = new();
    private byte[] _bytes = new byte[64 * 1024];
    private char[] _chars = new char[64 * 1024];
    private int _byteCount;
    private int _bomBytes;
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();

    public ReferenceScanner(IEnumerable<string> ids, IReadOnlyList<LedgerEntry>? ledger)
    {
        _roles = Roles(ledger);
        _ledgerHints = ledger == null ? null : new ModelIdHints(_roles.Keys.ToList());
        _scanner = new TokenScanner(new TokenTable(ids, _roles.Keys));
    }

    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>
    /// The IDs (of the list and the ledger) that no whole token can ever equal, such as 'a*b', 'x@y' or 'm+1', each
    /// once: the scan cannot find them, and saying so once beats a silent "no references".
    /// </summary>
    public static IReadOnlyList<string> Unfindable(IEnumerable<string> ids, IReadOnlyList<LedgerEntry>? ledger) =>
        ids.Concat(Roles(ledger).Keys).Where(id => id.Length > 0 && !TokenScanner.CanMatch(id)).Distinct(StringComparer.Ordinal).ToList();

    public long FilesScanned { get; private set; }
    public long BytesScanned { get; private set; }
    public long FilesSkipped { get; private set; }

    /// <summary>Why the last file was skipped (binary, too large, unreadable), for the verbose stream; null when it was scanned.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Why the IDs found in the last file have no ConfigRef (a config file that does not read as its format), for the verbose stream; else null.</summary>
    public string? NoConfigRefReason { get; private set; }

    /// <summary>The references in one file; <paramref name="root"/> makes config refs relative to the repository root.</summary>
    public IEnumerable<ModelReference> Scan(string file, string root)
    {
        SkipReason = null;
        NoConfigRefReason = null;
        int byteCount;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            if (stream.Length > MaxFileBytes) { Skip($"larger than {MaxFileBytes} bytes"); return Array.Empty<ModelReference>(); }
            var length = (int)stream.Length;
            if (_bytes.Length < length) _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
            byteCount = 0;
            int read;
            while (byteCount < _bytes.Length && (read = stream.Read(_bytes, byteCount, _bytes.Length - byteCount)) > 0) byteCount += read;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Skip("unreadable: " + ex.Message);
            return Array.Empty<ModelReference>();
        }
        // UTF-16 with a BOM (Windows PowerShell 5.1's '>' and Out-File) is text, NUL bytes and all.
        var decoder = Utf16Decoder(byteCount, out var offset);
        // Otherwise a NUL byte in the first 8 KB marks a binary file, as git and grep decide.
        if (decoder == null && Array.IndexOf(_bytes, (byte)0, 0, Math.Min(byteCount, 8192)) >= 0) { Skip("binary"); return Array.Empty<ModelReference>(); }
        if (decoder == null)
        {
            decoder = _decoder;
            offset = byteCount >= 3 && _bytes[0] == 0xEF && _bytes[1] == 0xBB && _bytes[2] == 0xBF ? 3 : 0;
        }

        _byteCount = byteCount;
        // Neither UTF-8 nor UTF-16 decodes to more chars than it has bytes, so one pass fills a buffer of the byte count.
        if (_chars.Length < byteCount) _chars = new char[Math.Max(byteCount, _chars.Length * 2)];
        decoder.Reset();
        var charCount = decoder.GetChars(_bytes, offset, byteCount - offset, _chars, 0, true);
        _bomBytes = offset;
        FilesScanned++;
        BytesScanned += byteCount;

        _hits.Clear();
        _scanner.Scan(_chars, charCount, _hits);
        if (_hits.Count == 0) return Array.Empty<ModelReference>();
        return Describe(file, root, charCount);
    }

    private readonly Decoder _utf16Le = new UnicodeEncoding(false, false).GetDecoder();
    private readonly Decoder _utf16Be = new UnicodeEncoding(true, false).GetDecoder();

    private Decoder? Utf16Decoder(int byteCount, out int offset)
    {
        offset = 2;
        if (byteCount >= 2 && _bytes[0] == 0xFF && _bytes[1] == 0xFE) return _utf16Le;
        if (byteCount >= 2 && _bytes[0] == 0xFE && _bytes[1] == 0xFF) return _utf16Be;
        offset = 0;
        return null;
    }

    private void Skip(string reason)
    {
        FilesSkipped++;
        SkipReason = reason;
    }

    private List<ModelReference> Describe(string file, string root, int charCount)
    {
        var results = new List<ModelReference>(_hits.Count);
        // A UTF-16 file gets no refs: Config/ refuses it (the gate reads configs as UTF-8), and -Verbose says so.
        var config = ConfigAt(file, root);
        var line = 1;
        var lineStart = 0;
        var scanned = 0;
        var scannedBytes = _bomBytes;
        foreach (var hit in _hits.OrderBy(h => h.Start))
        {
            if (config != null) scannedBytes += Encoding.UTF8.GetByteCount(_chars, scanned, hit.Start - scanned);
            for (; scanned < hit.Start; scanned++)
                if (_chars[scanned] == '\n') { line++; lineStart = scanned + 1; }
            var lineEnd = Array.IndexOf(_chars, '\n', hit.Start, charCount - hit.Start);
            if (lineEnd < 0) lineEnd = charCount;
            var text = new string(_chars, hit.Start, hit.Length);
            var column = hit.Start - lineStart + 1;
            var reference = new ModelReference
            {
                Path = file,
                Line = line,
                Column = column,
                ModelId = text,
                Text = LineText(lineStart, lineEnd, hit.Start),
            };
            if (hit.Exact && _roles.TryGetValue(text, out var role))
            {
                reference.InLedger = true;
                reference.LedgerRole = role;
            }
            else if (!hit.Exact)
            {
                reference.NearMissOf = hit.Item.Id;
            }
            else if (_ledgerHints != null && _ledgerHints.For(text) is { Count: > 0 } near)
            {
                reference.NearMissOf = near[0];
            }
            if (config != null) reference.ConfigRef = config.At(scannedBytes, text);
            results.Add(reference);
        }
        return results;
    }

    // Config/ reads the file the gate's way (every format it claims), once per file with hits; a file it cannot
    // parse still has its IDs reported, without refs.
    private ConfigRefSuggestion? ConfigAt(string file, string root)
    {
        var format = ConfigFormats.FromPath(file);
        if (format == null) return null;
        try
        {
            var content = new byte[_byteCount];
            Buffer.BlockCopy(_bytes, 0, content, 0, _byteCount);
            return new ConfigRefSuggestion(ConfigFile.Parse(file, content, format), Relative(root, file));
        }
        catch (ModelLedgerException ex)
        {
            NoConfigRefReason = ex.Message;
            return null;
        }
    }

    private static string Relative(string root, string file)
    {
        var baseDir = File.Exists(root) ? Path.GetDirectoryName(Path.GetFullPath(root)) ?? "" : Path.GetFullPath(root);
        var full = Path.GetFullPath(file);
        if (full.StartsWith(baseDir.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return full.Substring(baseDir.TrimEnd(Path.DirectorySeparatorChar).Length + 1).Replace('\\', '/');
        return Path.GetFileName(full);
    }

    private string LineText(int start, int end, int hitStart)
    {
        if (end > start && _chars[end - 1] == '\r') end--;
        if (end - start <= MaxTextLength) return new string(_chars, start, end - start);
        var from = Math.Max(start, Math.Min(hitStart - MaxTextLength / 3, end - MaxTextLength));
        return (from > start ? "…" : "") + new string(_chars, from, Math.Min(MaxTextLength, end - from)) + (from + MaxTextLength < end ? "…" : "");
    }

    private static Dictionary<string, string> Roles(IReadOnlyList<LedgerEntry>? ledger)
    {
        var uses = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (ledger != null)
            foreach (var e in ledger)
            {
                Add(uses, e.CurrentModelId, e.Service, "current");
                Add(uses, e.RollbackModelId, e.Service, "rollback");
                Add(uses, e.EmergencyAlternative, e.Service, "emergency");
            }
        return uses.ToDictionary(kv => kv.Key, kv => string.Join(", ", kv.Value), StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, List<string>> uses, string? id, string? service, string role)
    {
        if (id == null) return;
        if (!uses.TryGetValue(id, out var list)) uses[id] = list = new List<string>();
        list.Add($"{service ?? "(no service)"} {role}");
    }
}
