using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Snapshots;

/// <summary>
/// Reads a snapshot artifact. A file that is not the documented shape is <c>SnapshotInvalid</c> with line and
/// field, never an empty model list: an empty list would make the gate report every approved ID as missing.
/// Unknown properties are ignored so newer writers stay readable.
/// </summary>
internal static class SnapshotReader
{
    private const string Kind = "Snapshot";

    public static ModelSnapshot ReadFile(string path)
    {
        if (Directory.Exists(path))
            throw FileErrors.NotFound(ErrorIds.SnapshotNotFound, Kind, path, SnapshotErrors.FolderFix);
        if (!File.Exists(path))
            throw FileErrors.NotFound(ErrorIds.SnapshotNotFound, Kind, path, SnapshotErrors.NotFoundFix);
        byte[] bytes;
        try { bytes = InputFile.ReadAllBytes(path, InputLimits.Snapshot); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw FileErrors.Unreadable(ErrorIds.SnapshotUnreadable, Kind, path, ex);
        }
        var snapshot = Parse(path, bytes);
        snapshot.FilePath = path;
        snapshot.ShareCapture(path);
        return snapshot;
    }

    public const string RecaptureFix = "Capture a fresh snapshot with Get-CometModel -OutSnapshot <path>; do not edit snapshots by hand.";

    /// <summary>Parses a snapshot from a file's bytes (UTF-8, with or without BOM); <paramref name="path"/> names it in errors.</summary>
    public static ModelSnapshot Parse(string path, byte[] raw)
    {
        byte[] utf8;
        try { utf8 = TextFile.ToUtf8(raw); }
        catch (DecoderFallbackException ex)
        {
            throw FileErrors.Invalid(ErrorIds.SnapshotInvalid, Kind, path, null, null, "the file is not valid UTF-8 text.", RecaptureFix, ex);
        }
        var lines = new LazyLines(utf8);
        var options = new JsonReaderOptions { MaxDepth = 16 };
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            // Two "models" arrays or two "capturedAt" values: reading one would silently ignore the other.
            if (JsonDuplicateKeys.Find(utf8, options) is var (name, firstAt, secondAt))
                throw Error(path, lines.LineAt(secondAt), name, $"the property '{name}' appears twice in the same object (first at line {lines.LineAt(firstAt)}); only one of them could be read.");
            return ReadDocument(path, ref reader, lines);
        }
        catch (JsonException ex)
        {
            throw Error(path, (int)(ex.LineNumber ?? 0) + 1, null, "the file is not valid JSON (truncated or edited).", ex);
        }
        catch (ModelLedgerException) { throw; }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            throw Error(path, null, null, $"the file could not be parsed ({ex.Message}).", ex);
        }
    }

    private static ModelSnapshot ReadDocument(string path, ref Utf8JsonReader reader, LazyLines lines)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw Error(path, 1, null, "the file is not a snapshot object.");
        var snapshot = new ModelSnapshot();
        bool haveVersion = false, haveCaptured = false, haveSource = false, haveModels = false;
        (int Count, int Line)? modelCount = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var nameAt = reader.TokenStartIndex;
            reader.Read();
            switch (name)
            {
                case "schemaVersion":
                    if (reader.TokenType == JsonTokenType.Number && !reader.TryGetInt32(out _))
                        throw Error(path, lines.LineAt(nameAt), name, $"schemaVersion is {Encoding.UTF8.GetString(reader.ValueSpan.ToArray())}, not a whole number; only schemaVersion {ModelSnapshot.CurrentSchemaVersion} (no decimal point) is supported.");
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v) || v != ModelSnapshot.CurrentSchemaVersion)
                        throw Error(path, lines.LineAt(nameAt), name, $"only schemaVersion {ModelSnapshot.CurrentSchemaVersion} is supported.");
                    snapshot.SchemaVersion = v; haveVersion = true; break;
                case "capturedAt":
                    if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var at))
                        throw Error(path, lines.LineAt(nameAt), name, "expected an ISO 8601 UTC time.");
                    snapshot.CapturedAt = at.ToUniversalTime(); haveCaptured = true; break;
                case "source":
                    snapshot.Source = RequireString(path, ref reader, lines.LineAt(nameAt), name); haveSource = true; break;
                case "credentialLabel":
                    snapshot.CredentialLabel = OptionalString(path, ref reader, lines.LineAt(nameAt), name); break;
                case "responseSha256":
                    snapshot.ResponseSha256 = OptionalString(path, ref reader, lines.LineAt(nameAt), name); break;
                case "modelCount":
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var count) || count < 0)
                        throw Error(path, lines.LineAt(nameAt), name, "expected the number of models.");
                    modelCount = (count, lines.LineAt(nameAt)); break;
                case "models":
                    if (reader.TokenType != JsonTokenType.StartArray)
                        throw Error(path, lines.LineAt(nameAt), name, "expected an array of models.");
                    ReadModels(path, ref reader, lines, snapshot.Models); haveModels = true; break;
                default:
                    reader.Skip(); break;
            }
        }
        if (!haveVersion) throw Error(path, 1, "schemaVersion", "the snapshot has no schemaVersion.");
        if (!haveCaptured) throw Error(path, 1, "capturedAt", "the snapshot has no capturedAt time.");
        if (!haveSource) throw Error(path, 1, "source", "the snapshot has no source.");
        if (!haveModels) throw Error(path, 1, "models", "the snapshot has no models array.");
        if (modelCount is var (expected, countLine) && expected != snapshot.Models.Count)
            throw Error(path, countLine, "modelCount", $"modelCount says {expected} models but the models array holds {snapshot.Models.Count}: the file was cut short or edited.");
        snapshot.ShareCapture(snapshot.Source);
        return snapshot;
    }

    // The hot loop of a 100,000-model snapshot: property names are compared as UTF-8 bytes (no string per name),
    // repeated metadata values share one string, and line numbers are worked out only when there is an error.
    private static void ReadModels(string path, ref Utf8JsonReader reader, LazyLines lines, List<CometModel> models)
    {
        var shared = new SharedStrings();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw Error(path, lines.LineAt(start), "models", $"model {models.Count + 1} is not an object.");
            var model = new CometModel();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var fieldStart = reader.TokenStartIndex;
                if (reader.ValueTextEquals(IdName))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                        throw Error(path, lines.LineAt(fieldStart), "models[].id", $"model {models.Count + 1} has no string id.");
                    model.Id = reader.GetString()!;
                }
                else if (reader.ValueTextEquals(OwnedByName))
                {
                    reader.Read();
                    model.OwnedBy = OptionalShared(path, ref reader, lines, fieldStart, "models[].ownedBy", shared);
                }
                else if (reader.ValueTextEquals(ObjectName))
                {
                    reader.Read();
                    model.Object = OptionalShared(path, ref reader, lines, fieldStart, "models[].object", shared);
                }
                else if (reader.ValueTextEquals(CreatedName))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null) continue;
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var secs) || secs < -62135596800L || secs > 253402300799L)
                        throw Error(path, lines.LineAt(fieldStart), "models[].created", "expected Unix seconds or null.");
                    model.Created = DateTimeOffset.FromUnixTimeSeconds(secs);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (model.Id.Length == 0) throw Error(path, lines.LineAt(start), "models[].id", $"model {models.Count + 1} has no string id.");
            models.Add(model);
        }
    }

    private static readonly byte[] IdName = Encoding.UTF8.GetBytes("id");
    private static readonly byte[] OwnedByName = Encoding.UTF8.GetBytes("ownedBy");
    private static readonly byte[] ObjectName = Encoding.UTF8.GetBytes("object");
    private static readonly byte[] CreatedName = Encoding.UTF8.GetBytes("created");

    private static string? OptionalShared(string path, ref Utf8JsonReader reader, LazyLines lines, long at, string field, SharedStrings shared) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => shared.Get(ref reader),
            _ => throw Error(path, lines.LineAt(at), field, "expected a string or null."),
        };

    // Called only for the few top-level properties, so computing the line eagerly costs nothing.
    private static string RequireString(string path, ref Utf8JsonReader reader, int line, string field) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Error(path, line, field, "expected a string.");

    private static string? OptionalString(string path, ref Utf8JsonReader reader, int line, string field) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw Error(path, line, field, "expected a string or null."),
        };

    private static ModelLedgerException Error(string path, int? line, string? field, string problem, Exception? inner = null) =>
        FileErrors.Invalid(ErrorIds.SnapshotInvalid, Kind, path, line, field, problem, RecaptureFix, inner);
}
