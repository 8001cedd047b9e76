using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Snapshots;

/// <summary>Serializes a snapshot in the documented format and writes it atomically.</summary>
internal static class SnapshotWriter
{
    private static readonly byte[] ModelSeparator = Encoding.UTF8.GetBytes(",\n    ");
    private static readonly byte[] ModelsOpen = Encoding.UTF8.GetBytes(",\n  \"models\": [\n    ");
    private static readonly byte[] ModelsClose = Encoding.UTF8.GetBytes("\n  ]\n}\n");
    private static readonly byte[] EmptyModelsClose = Encoding.UTF8.GetBytes(",\n  \"models\": []\n}\n");

    /// <summary>
    /// The snapshot as UTF-8 JSON: header fields indented, then one model per line, so a reviewer's diff of two
    /// snapshots shows exactly the models that came and went (and a 100,000-model file writes in one quick pass).
    /// </summary>
    public static byte[] ToUtf8(ModelSnapshot snapshot)
    {
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var buffer = new MemoryStream(256 + snapshot.Models.Count * 96);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = options.Encoder }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", snapshot.SchemaVersion);
            w.WriteString("capturedAt", snapshot.CapturedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("source", snapshot.Source);
            WriteOptional(w, "credentialLabel", snapshot.CredentialLabel);
            WriteOptional(w, "responseSha256", snapshot.ResponseSha256);
            w.WriteNumber("modelCount", snapshot.Models.Count);
            w.Flush();
        }
        if (snapshot.Models.Count == 0)
        {
            buffer.Write(EmptyModelsClose, 0, EmptyModelsClose.Length);
            return buffer.ToArray();
        }
        buffer.Write(ModelsOpen, 0, ModelsOpen.Length);
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            var first = true;
            foreach (var m in snapshot.Models)
            {
                if (!first) buffer.Write(ModelSeparator, 0, ModelSeparator.Length);
                first = false;
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                WriteOptional(w, "ownedBy", m.OwnedBy);
                if (m.Created is { } created) w.WriteNumber("created", created.ToUnixTimeSeconds()); else w.WriteNull("created");
                WriteOptional(w, "object", m.Object);
                w.WriteEndObject();
                w.Flush();
                w.Reset(buffer);
            }
        }
        buffer.Write(ModelsClose, 0, ModelsClose.Length);
        return buffer.ToArray();
    }

    public static void WriteFile(string path, ModelSnapshot snapshot) => AtomicFile.WriteAllBytes(path, ToUtf8(snapshot));

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value == null) w.WriteNull(name); else w.WriteString(name, value);
    }
}
