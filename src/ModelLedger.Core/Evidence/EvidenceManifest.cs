using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Evidence;

/// <summary>manifest.json: every file of the bundle with its SHA-256 and size, the module version and the time.</summary>
internal static class EvidenceManifest
{
    public const string FileName = "manifest.json";

    /// <summary>The manifest of <paramref name="files"/> (name and the exact bytes written), so nothing is read back to hash it.</summary>
    public static byte[] Build(IEnumerable<KeyValuePair<string, byte[]>> files, EvidenceRequest request)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("createdAt", EvidenceJson.Stamp(request.CreatedAt));
            w.WriteString("module", "ModelLedger");
            w.WriteString("moduleVersion", request.ModuleVersion);
            w.WriteString("changeRef", request.ChangeRef);
            w.WriteStartArray("files");
            foreach (var file in files)
            {
                var bytes = file.Value;
                w.WriteStartObject();
                w.WriteString("path", file.Key);
                w.WriteString("sha256", Sha256Hex.Of(bytes));
                w.WriteNumber("size", bytes.Length);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// Re-hashes every file against the manifest; changed, missing, extra, linked and twice-listed files each fail.
    /// With <paramref name="expectedManifestSha256"/> (the hash Export-RollbackEvidence returned, kept in the change
    /// ticket) manifest.json itself must have that hash, so a manifest recomputed after an edit fails too.
    /// </summary>
    public static IReadOnlyList<EvidenceFileCheck> Verify(string folder, string? expectedManifestSha256 = null)
    {
        if (!Directory.Exists(folder))
            throw EvidenceErrors.NotFound(folder);
        var manifestPath = Path.Combine(folder, FileName);
        if (FileLinks.IsLink(manifestPath))
            throw EvidenceErrors.ManifestInvalid(manifestPath, null, "is a link, not a file of the bundle");
        var raw = ReadManifestBytes(manifestPath);
        var expected = ParseManifest(manifestPath, raw);
        var checks = new List<EvidenceFileCheck>();
        if (expectedManifestSha256 != null) checks.Add(CheckAnchor(raw, expectedManifestSha256));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, sha, size) in expected)
        {
            // A NUL or other character no file name can hold: nothing to open, so the file is not proved.
            if (name.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || name.IndexOf('\0') >= 0)
            {
                checks.Add(new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Fail, ExpectedSha256 = sha, Message = "Not a file name: the path holds a NUL or another character no file name can hold." });
                continue;
            }
            var path = Path.Combine(folder, name);
            // 'x' and './x' are one file: compare where they lead, not how they are written.
            if (!seen.Add(Relative(folder, path)))
            {
                checks.Add(new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Fail, ExpectedSha256 = sha, Message = "Listed twice in the manifest: a manifest the module wrote lists each file once." });
                continue;
            }
            if (FileLinks.IsLinkBelow(folder, path))
            {
                checks.Add(new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Fail, ExpectedSha256 = sha, Message = "A link, not a file: the bundle's files are regular files, so something replaced it after export." });
                continue;
            }
            if (!System.IO.File.Exists(path))
            {
                checks.Add(new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Fail, ExpectedSha256 = sha, Message = "Missing: the manifest lists it, but the folder no longer has it." });
                continue;
            }
            if (Unfit(path) is string unfit)
            {
                checks.Add(new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Fail, ExpectedSha256 = sha, Message = unfit });
                continue;
            }
            var actual = Sha256Hex.Of(System.IO.File.ReadAllBytes(path));
            checks.Add(actual == sha
                ? new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Pass, ExpectedSha256 = sha, ActualSha256 = actual, Message = $"Matches the manifest ({size} bytes)." }
                : new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Fail, ExpectedSha256 = sha, ActualSha256 = actual, Message = $"Changed since export: SHA-256 {actual}, the manifest says {sha}." });
        }
        seen.Add(FileName);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Relative(folder, entry);
            if (seen.Contains(name) || Directory.Exists(entry) && !FileLinks.IsLink(entry)) continue;
            checks.Add(new EvidenceFileCheck
            {
                File = name, Status = EvidenceFileStatus.Fail,
                ActualSha256 = FileLinks.IsLink(entry) || Directory.Exists(entry) || Unfit(entry) != null ? null : Sha256Hex.Of(System.IO.File.ReadAllBytes(entry)),
                Message = FileLinks.IsLink(entry) ? "Extra link: not in the manifest (added after export)."
                    : Unfit(entry) is string unfit ? "Extra: not in the manifest (added after export). " + unfit
                    : "Extra: not in the manifest (added after export).",
            });
        }
        return checks;
    }

    /// <summary>Files the bundle never holds and that cannot be hashed as one read: a FIFO or device (the read would
    /// hang or never end), or a file over 2 GB. Null for a regular file that can be checked.</summary>
    private static string? Unfit(string path)
    {
        var kind = FileKinds.Of(path);
        if (kind != FileKind.Regular) return $"Not a regular file ({FileKinds.Describe(kind)}): the bundle's files are regular files, so it was not read.";
        long length;
        try { length = new FileInfo(path).Length; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return $"Unreadable: {ex.Message}"; }
        return length > int.MaxValue ? $"Larger than 2 GB ({length} bytes): no file the module exports is that large, so it was not read." : null;
    }

    private static EvidenceFileCheck CheckAnchor(byte[] raw, string expected)
    {
        var actual = Sha256Hex.Of(raw);
        return string.Equals(actual, expected.Trim(), StringComparison.OrdinalIgnoreCase)
            ? new EvidenceFileCheck { File = FileName, Status = EvidenceFileStatus.Pass, ExpectedSha256 = expected, ActualSha256 = actual, Message = "The manifest is the one exported (its SHA-256 matches -ManifestSha256)." }
            : new EvidenceFileCheck { File = FileName, Status = EvidenceFileStatus.Fail, ExpectedSha256 = expected, ActualSha256 = actual, Message = $"Not the manifest exported: SHA-256 {actual}, -ManifestSha256 says {expected}. The manifest was rewritten, so no file of this folder is proved." };
    }

    /// <summary>The manifest's entries when <paramref name="folder"/> holds an evidence bundle this module wrote; null otherwise.</summary>
    internal static IReadOnlyList<string>? TryListBundle(string folder)
    {
        var manifestPath = Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(manifestPath) || FileLinks.IsLink(manifestPath)) return null;
        try
        {
            var raw = InputFile.ReadAllBytes(manifestPath, InputLimits.Manifest);
            using (var doc = JsonDocument.Parse(raw))
                if (!doc.RootElement.TryGetProperty("module", out var module) || module.ValueKind != JsonValueKind.String || module.GetString() != "ModelLedger") return null;
            return ParseManifest(manifestPath, raw).Select(e => e.Name).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or ModelLedgerException) { return null; }
    }

    private static byte[] ReadManifestBytes(string manifestPath)
    {
        try { return InputFile.ReadAllBytes(manifestPath, InputLimits.Manifest); }
        catch (FileNotFoundException) { throw EvidenceErrors.ManifestInvalid(manifestPath, null, "is missing"); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw FileErrors.Unreadable(ErrorIds.EvidenceManifestInvalid, "Evidence manifest", manifestPath, ex); }
    }

    private static List<(string Name, string Sha, long Size)> ParseManifest(string manifestPath, byte[] raw)
    {
        try
        {
            using var doc = JsonDocument.Parse(raw);
            var list = new List<(string, string, long)>();
            var index = 0;
            foreach (var f in doc.RootElement.GetProperty("files").EnumerateArray())
            {
                var name = f.GetProperty("path").GetString() ?? "";
                if (name.Length == 0 || Path.IsPathRooted(name) || name.Split('/', '\\').Any(s => s == ".."))
                    throw EvidenceErrors.ManifestInvalid(manifestPath, $"files[{index}].path", $"names '{name}', outside the evidence folder");
                list.Add((name, f.GetProperty("sha256").GetString() ?? "", f.GetProperty("size").GetInt64()));
                index++;
            }
            return list;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw EvidenceErrors.ManifestInvalid(manifestPath, null, "is not a readable evidence manifest", ex);
        }
    }

    internal static string Relative(string folder, string path)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).Substring(root.Length).Replace('\\', '/');
    }
}
