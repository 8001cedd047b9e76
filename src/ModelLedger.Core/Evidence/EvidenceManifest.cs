using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Evidence
{
    /// <summary>manifest.json: every file of the bundle with its SHA-256 and size, the module version and the time.</summary>
    public static class EvidenceManifest
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

        /// <summary>Re-hashes every file against the manifest; changed, missing and extra files each fail.</summary>
        public static IReadOnlyList<EvidenceFileCheck> Verify(string folder)
        {
            if (!Directory.Exists(folder))
                throw FileErrors.NotFound(ErrorIds.EvidenceNotFound, "Evidence folder", folder, "Pass the folder Export-RollbackEvidence wrote.");
            var manifestPath = Path.Combine(folder, FileName);
            var expected = ReadManifest(manifestPath);
            var checks = new List<EvidenceFileCheck>();
            foreach (var (name, sha, size) in expected)
            {
                var path = Path.Combine(folder, name);
                if (!System.IO.File.Exists(path))
                {
                    checks.Add(new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Fail, ExpectedSha256 = sha, Message = "Missing: the manifest lists it, but the folder no longer has it." });
                    continue;
                }
                var actual = Sha256Hex.Of(System.IO.File.ReadAllBytes(path));
                checks.Add(actual == sha
                    ? new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Pass, ExpectedSha256 = sha, ActualSha256 = actual, Message = $"Matches the manifest ({size} bytes)." }
                    : new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Fail, ExpectedSha256 = sha, ActualSha256 = actual, Message = $"Changed since export: SHA-256 {actual}, the manifest says {sha}." });
            }
            var listed = new HashSet<string>(expected.Select(e => e.Name), StringComparer.Ordinal) { FileName };
            foreach (var path in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Relative(folder, path);
                if (!listed.Contains(name))
                    checks.Add(new EvidenceFileCheck { File = name, Status = EvidenceFileStatus.Fail, ActualSha256 = Sha256Hex.Of(System.IO.File.ReadAllBytes(path)), Message = "Extra: not in the manifest (added after export)." });
            }
            return checks;
        }

        private static List<(string Name, string Sha, long Size)> ReadManifest(string manifestPath)
        {
            const string fix = "Export the evidence again from its sources; a bundle whose manifest is gone or altered cannot be trusted.";
            byte[] raw;
            try { raw = System.IO.File.ReadAllBytes(manifestPath); }
            catch (FileNotFoundException) { throw Invalid(manifestPath, null, "is missing", fix); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw FileErrors.Unreadable(ErrorIds.EvidenceManifestInvalid, "Evidence manifest", manifestPath, ex); }
            try
            {
                using var doc = JsonDocument.Parse(raw);
                var list = new List<(string, string, long)>();
                var index = 0;
                foreach (var f in doc.RootElement.GetProperty("files").EnumerateArray())
                {
                    var name = f.GetProperty("path").GetString() ?? "";
                    if (name.Length == 0 || Path.IsPathRooted(name) || name.Split('/', '\\').Any(s => s == ".."))
                        throw Invalid(manifestPath, $"files[{index}].path", $"names '{name}', outside the evidence folder", fix);
                    list.Add((name, f.GetProperty("sha256").GetString() ?? "", f.GetProperty("size").GetInt64()));
                    index++;
                }
                return list;
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw Invalid(manifestPath, null, "is not a readable evidence manifest", fix, ex);
            }
        }

        internal static string Relative(string folder, string path)
        {
            var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return Path.GetFullPath(path).Substring(root.Length).Replace('\\', '/');
        }

        private static ModelLedgerException Invalid(string path, string? field, string problem, string fix, Exception? inner = null) =>
            new(ErrorIds.EvidenceManifestInvalid, FailureCategory.InvalidData, $"Evidence manifest '{path}'{(field != null ? ", field '" + field + "'" : "")} {problem}. {fix}", inner)
            {
                Target = path,
                FilePath = path,
                Field = field,
                RecommendedAction = fix,
            };
    }
}
