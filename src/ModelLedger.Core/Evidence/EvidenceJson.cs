using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelLedger.Evidence;

/// <summary>The bundle's JSON files: findings, dry-run results, approval and ledger changes, in stable field order.</summary>
internal static class EvidenceJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options)) body(w);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static byte[] Findings(IReadOnlyList<LedgerFinding> findings) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("service", f.Service);
            w.WriteString("check", f.Check);
            w.WriteString("status", f.Status.ToString());
            w.WriteString("modelId", f.ModelId);
            w.WriteString("message", f.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static byte[] DryRuns(IReadOnlyList<DryRunResult> runs) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var r in runs)
        {
            w.WriteStartObject();
            w.WriteString("service", r.Service);
            w.WriteString("status", r.Status.ToString());
            w.WriteString("forwardModelId", r.ForwardModelId);
            w.WriteString("rollbackModelId", r.RollbackModelId);
            w.WriteString("observedModelId", r.ObservedModelId);
            w.WriteString("switchedAt", r.SwitchedAt is { } s ? Stamp(s) : null);
            w.WriteString("restoredAt", r.RestoredAt is { } t ? Stamp(t) : null);
            w.WriteBoolean("restored", r.Restored);
            w.WriteString("configKey", r.ConfigKey);
            w.WriteString("message", r.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static byte[] Approval(EvidenceRequest request, IReadOnlyList<LedgerEntry> approvedRows, DateTimeOffset approvedAt) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("approvedBy", request.ApprovedBy);
        w.WriteString("approvedAt", Stamp(approvedAt));
        w.WriteString("recordedBy", request.RecordedBy);
        w.WriteString("changeRef", request.ChangeRef);
        w.WriteStartArray("identifiers");
        foreach (var e in approvedRows)
        {
            w.WriteStartObject();
            w.WriteString("service", e.Service);
            w.WriteString("forwardModelId", e.CurrentModelId);
            w.WriteString("rollbackModelId", e.RollbackModelId);
            w.WriteString("emergencyAlternative", e.EmergencyAlternative);
            w.WriteString("rollbackOwner", e.RollbackOwner);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] LedgerChanges(IReadOnlyList<LedgerRowDiff> diffs) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var d in diffs)
        {
            w.WriteStartObject();
            w.WriteString("service", d.Service);
            w.WriteString("change", d.Change.ToString());
            w.WriteStartArray("fields");
            foreach (var f in d.Fields)
            {
                w.WriteStartObject();
                w.WriteString("field", f.Name);
                w.WriteString("before", f.BeforeText);
                w.WriteString("after", f.AfterText);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });
}
