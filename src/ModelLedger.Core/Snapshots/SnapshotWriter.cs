using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Snapshots
{
    /// <summary>Serializes a snapshot in the documented format and writes it atomically.</summary>
    public static class SnapshotWriter
    {
        public static byte[] ToUtf8(ModelSnapshot snapshot)
        {
            using var buffer = new MemoryStream(64 + snapshot.Models.Count * 96);
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteNumber("schemaVersion", snapshot.SchemaVersion);
                w.WriteString("capturedAt", snapshot.CapturedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("source", snapshot.Source);
                WriteOptional(w, "credentialLabel", snapshot.CredentialLabel);
                WriteOptional(w, "responseSha256", snapshot.ResponseSha256);
                w.WriteNumber("modelCount", snapshot.Models.Count);
                w.WriteStartArray("models");
                foreach (var m in snapshot.Models)
                {
                    w.WriteStartObject();
                    w.WriteString("id", m.Id);
                    WriteOptional(w, "ownedBy", m.OwnedBy);
                    if (m.Created is { } created) w.WriteNumber("created", created.ToUnixTimeSeconds()); else w.WriteNull("created");
                    WriteOptional(w, "object", m.Object);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        public static void WriteFile(string path, ModelSnapshot snapshot) => AtomicFile.WriteAllBytes(path, ToUtf8(snapshot));

        private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
        {
            if (value == null) w.WriteNull(name); else w.WriteString(name, value);
        }
    }
}
