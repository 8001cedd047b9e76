using System;
using System.Collections.Generic;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Ledger
{
    /// <summary>
    /// Reads a JSON ledger (<c>{"schemaVersion":1,"entries":[...]}</c>) with a forward reader so that every error
    /// names the line and field at fault. Comments and trailing commas are allowed: people edit ledgers by hand.
    /// </summary>
    internal static class LedgerJsonReader
    {
        public const int SupportedSchemaVersion = 1;
        private const string Kind = "Ledger";

        public static List<LedgerEntry> Read(string path, byte[] utf8)
        {
            var lines = new LineCounter(utf8);
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                MaxDepth = 16,
            });
            try
            {
                return ReadDocument(path, ref reader, lines);
            }
            catch (JsonException ex)
            {
                throw FileErrors.Invalid(ErrorIds.LedgerInvalid, Kind, path, (int?)(ex.LineNumber + 1), null,
                    $"the file is not valid JSON ({Trim(ex.Message)}).",
                    "Fix the JSON syntax at that line (a missing comma, quote or bracket is the usual cause).", ex);
            }
        }

        private static List<LedgerEntry> ReadDocument(string path, ref Utf8JsonReader reader, LineCounter lines)
        {
            if (!reader.Read())
                throw Error(path, 1, null, "the file is empty.", "Write a ledger object: {\"schemaVersion\": 1, \"entries\": [ ... ]}.");
            if (reader.TokenType != JsonTokenType.StartObject)
                throw Error(path, lines.LineAt(reader.TokenStartIndex), null,
                    $"the top level is a {Describe(reader.TokenType)}, not an object.",
                    "Wrap the entries as {\"schemaVersion\": 1, \"entries\": [ ... ]}.");

            int? schemaVersion = null;
            List<LedgerEntry>? entries = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var line = lines.LineAt(reader.TokenStartIndex);
                reader.Read();
                if (string.Equals(name, "schemaVersion", StringComparison.OrdinalIgnoreCase))
                {
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v))
                        throw Error(path, line, "schemaVersion", $"expected the number {SupportedSchemaVersion} but found a {Describe(reader.TokenType)}.",
                            $"Set \"schemaVersion\": {SupportedSchemaVersion}.");
                    if (v != SupportedSchemaVersion)
                        throw Error(path, line, "schemaVersion", $"schemaVersion {v} is not supported; this version of ModelLedger reads schemaVersion {SupportedSchemaVersion}.",
                            "Use the ModelLedger version that wrote this ledger, or convert the file to schemaVersion 1.");
                    schemaVersion = v;
                }
                else if (string.Equals(name, "entries", StringComparison.OrdinalIgnoreCase))
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                        throw Error(path, line, "entries", $"expected an array of entries but found a {Describe(reader.TokenType)}.",
                            "Make \"entries\" a JSON array: \"entries\": [ { \"service\": ... } ].");
                    entries = ReadEntries(path, ref reader, lines);
                }
                else if (name == "$schema")
                {
                    reader.Skip();
                }
                else
                {
                    throw Error(path, line, name, "this top-level property is not part of the ledger format.",
                        "Remove it; the top level holds only \"schemaVersion\" and \"entries\".");
                }
            }

            if (schemaVersion == null)
                throw Error(path, 1, "schemaVersion", "the ledger has no schemaVersion.", $"Add \"schemaVersion\": {SupportedSchemaVersion} at the top level.");
            if (entries == null)
                throw Error(path, 1, "entries", "the ledger has no entries array.", "Add \"entries\": [ ... ] with one object per service.");
            LedgerValidation.RejectDuplicateServices(path, entries);
            return entries;
        }

        private static List<LedgerEntry> ReadEntries(string path, ref Utf8JsonReader reader, LineCounter lines)
        {
            var entries = new List<LedgerEntry>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineAt(reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw Error(path, line, "entries", $"entry {entries.Count + 1} is a {Describe(reader.TokenType)}, not an object.",
                        "Write each entry as an object: { \"service\": \"...\", \"currentModelId\": \"...\", ... }.");
                entries.Add(ReadEntry(path, ref reader, lines, line));
            }
            return entries;
        }

        private static LedgerEntry ReadEntry(string path, ref Utf8JsonReader reader, LineCounter lines, int startLine)
        {
            var entry = new LedgerEntry { SourcePath = path, SourceLine = startLine };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var line = lines.LineAt(reader.TokenStartIndex);
                if (!LedgerFields.TryCanonical(name, out var field))
                    throw Error(path, line, name, "this is not a ledger field." + LedgerFields.Suggest(name),
                        $"Use only the ledger fields ({LedgerFields.KnownList}); put free text in \"notes\".");
                if (!seen.Add(field))
                    throw Error(path, line, name, "this field appears twice in the same entry.", "Keep one value per field and delete the other.");

                reader.Read();
                if (field == LedgerFields.ConfigRefs)
                {
                    entry.ConfigRefs = ReadConfigRefs(path, ref reader, line, name);
                    continue;
                }
                string? value;
                if (reader.TokenType == JsonTokenType.Null) value = null;
                else if (reader.TokenType == JsonTokenType.String) value = reader.GetString();
                else
                {
                    throw Error(path, line, name, $"expected a string or null but found a {Describe(reader.TokenType)}.",
                        field == LedgerFields.LastValidated ? LedgerFields.DateFix : "Write the value in double quotes, or null when there is none.");
                }

                if (field == LedgerFields.LastValidated)
                {
                    if (string.IsNullOrEmpty(value)) entry.LastValidated = null;
                    else if (LedgerFields.TryParseDate(value!, out var when)) entry.LastValidated = when;
                    else throw Error(path, line, name, $"'{value}' is not a date.", LedgerFields.DateFix);
                }
                else
                {
                    LedgerFields.SetString(entry, field, value);
                }
            }
            return entry;
        }

        // configRefs: an array of strings (or null).
        private static string[]? ReadConfigRefs(string path, ref Utf8JsonReader reader, int line, string name)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.StartArray)
                throw Error(path, line, name, $"expected an array of strings but found a {Describe(reader.TokenType)}.", LedgerFields.ConfigRefFix);
            var refs = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                    throw Error(path, line, name, $"item {refs.Count + 1} is a {Describe(reader.TokenType)}, not a string.", LedgerFields.ConfigRefFix);
                refs.Add(reader.GetString()!);
            }
            return LedgerFields.CheckConfigRefs(path, line, name, refs);
        }

        private static ModelLedgerException Error(string path, int line, string? field, string problem, string fix) =>
            FileErrors.Invalid(ErrorIds.LedgerInvalid, Kind, path, line, field, problem, fix);

        internal static string Describe(JsonTokenType t) => t switch
        {
            JsonTokenType.StartObject => "object",
            JsonTokenType.StartArray => "array",
            JsonTokenType.String => "string",
            JsonTokenType.Number => "number",
            JsonTokenType.True or JsonTokenType.False => "boolean",
            JsonTokenType.Null => "null",
            _ => t.ToString(),
        };

        // System.Text.Json appends "LineNumber: n | BytePositionInLine: m." which we already say better.
        private static string Trim(string message)
        {
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' ');
        }
    }
}
