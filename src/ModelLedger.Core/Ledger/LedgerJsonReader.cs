using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ModelLedger.IO;

namespace ModelLedger.Ledger;

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
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 16,
        };
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            RejectDuplicateKeys(path, utf8, options, lines);
            return ReadDocument(path, ref reader, lines);
        }
        catch (JsonException ex)
        {
            throw FileErrors.Invalid(ErrorIds.LedgerInvalid, Kind, path, (int?)(ex.LineNumber + 1), null,
                $"the file is not valid JSON ({JsonTokenText.WithoutPosition(ex.Message)}).",
                "Fix the JSON syntax at that line (a missing comma, quote or bracket is the usual cause).", ex);
        }
    }

    private static List<LedgerEntry> ReadDocument(string path, ref Utf8JsonReader reader, LineCounter lines)
    {
        if (!reader.Read())
            throw Error(path, 1, null, "the file is empty.", "Write a ledger object: {\"schemaVersion\": 1, \"entries\": [ ... ]}.");
        List<LedgerEntry> entries;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            // ConvertTo-Json of several entries: a bare array. An empty one is no export of anything: refuse it
            // rather than report an empty ledger (the gate would pass a ledger that lost every entry).
            var line = lines.LineAt(reader.TokenStartIndex);
            entries = ReadEntries(path, ref reader, lines);
            if (entries.Count == 0)
                throw Error(path, line, null, "the top level is an empty array, not an object with entries (a bare array of entries must hold at least one).",
                    "Wrap the entries as {\"schemaVersion\": 1, \"entries\": [ ... ]}.");
        }
        else if (reader.TokenType == JsonTokenType.StartObject && IsSingleEntry(reader))
        {
            // ConvertTo-Json of one entry: the entry object itself.
            entries = new List<LedgerEntry> { ReadEntry(path, ref reader, lines, lines.LineAt(reader.TokenStartIndex)) };
        }
        else if (reader.TokenType == JsonTokenType.StartObject)
        {
            entries = ReadLedgerObject(path, ref reader, lines);
        }
        else
        {
            throw Error(path, lines.LineAt(reader.TokenStartIndex), null,
                $"the top level is {JsonTokenText.WithArticle(reader.TokenType)}, not an object or an array of entries.",
                "Wrap the entries as {\"schemaVersion\": 1, \"entries\": [ ... ]}.");
        }
        LedgerValidation.RejectDuplicateServices(path, entries);
        return entries;
    }

    // An object whose first property is a ledger field (or an exported extra) is one entry, not a ledger document.
    private static bool IsSingleEntry(Utf8JsonReader peek)
    {
        if (!peek.Read() || peek.TokenType != JsonTokenType.PropertyName) return false;
        var name = peek.GetString()!;
        return LedgerFields.TryGet(name, out _) || LedgerFields.TryGetTwin(name, out _) || LedgerFields.IsReadOnly(name);
    }

    private static List<LedgerEntry> ReadLedgerObject(string path, ref Utf8JsonReader reader, LineCounter lines)
    {
        int? schemaVersion = null;
        List<LedgerEntry>? entries = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var line = lines.LineAt(reader.TokenStartIndex);
            reader.Read();
            if (string.Equals(name, "schemaVersion", StringComparison.OrdinalIgnoreCase))
            {
                if (reader.TokenType == JsonTokenType.Number && !reader.TryGetInt32(out _))
                    throw Error(path, line, "schemaVersion", $"schemaVersion is {Encoding.UTF8.GetString(reader.ValueSpan.ToArray())}, not a whole number; schema versions are integers.",
                        $"Write \"schemaVersion\": {SupportedSchemaVersion} (no decimal point).");
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v))
                    throw Error(path, line, "schemaVersion", $"expected the number {SupportedSchemaVersion} but found {JsonTokenText.WithArticle(reader.TokenType)}.",
                        $"Set \"schemaVersion\": {SupportedSchemaVersion}.");
                if (v != SupportedSchemaVersion)
                    throw Error(path, line, "schemaVersion", $"schemaVersion {v} is not supported; this version of ModelLedger reads schemaVersion {SupportedSchemaVersion}.",
                        "Use the ModelLedger version that wrote this ledger, or convert the file to schemaVersion 1.");
                schemaVersion = v;
            }
            else if (string.Equals(name, "entries", StringComparison.OrdinalIgnoreCase))
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw Error(path, line, "entries", $"expected an array of entries but found {JsonTokenText.WithArticle(reader.TokenType)}.",
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
        return entries;
    }

    // Two "entries" arrays (or two of any name in one object): the reader below would keep one and never gate the other.
    private static void RejectDuplicateKeys(string path, byte[] utf8, JsonReaderOptions options, LineCounter lines)
    {
        if (JsonDuplicateKeys.Find(utf8, options) is not var (name, firstAt, secondAt)) return;
        var first = lines.LineAt(firstAt);
        throw Error(path, lines.LineAt(secondAt), name, $"the property '{name}' appears twice in the same object (first at line {first}); only one of them could be read.",
            "Keep one and delete the other: merge two \"entries\" arrays into one, or two values into the right one.");
    }

    private static List<LedgerEntry> ReadEntries(string path, ref Utf8JsonReader reader, LineCounter lines)
    {
        var entries = new List<LedgerEntry>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = lines.LineAt(reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
                throw Error(path, line, "entries", $"entry {entries.Count + 1} is {JsonTokenText.WithArticle(reader.TokenType)}, not an object.",
                    "Write each entry as an object: { \"service\": \"...\", \"currentModelId\": \"...\", ... }.");
            entries.Add(ReadEntry(path, ref reader, lines, line));
        }
        return entries;
    }

    private static LedgerEntry ReadEntry(string path, ref Utf8JsonReader reader, LineCounter lines, int startLine)
    {
        var entry = new LedgerEntry { SourcePath = path, SourceLine = startLine };
        var seen = new HashSet<LedgerField>();
        var fromTwin = new HashSet<LedgerField>();
        // A field whose value is unreadable is an error unless its text twin (written by the module's type data,
        // for example by Windows PowerShell's ConvertTo-Json, which writes a date as an object) supplies it.
        var unreadable = new Dictionary<LedgerField, ModelLedgerException>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var line = lines.LineAt(reader.TokenStartIndex);
            reader.Read();
            if (LedgerFields.IsReadOnly(name)) { reader.Skip(); continue; }
            if (LedgerFields.TryGetTwin(name, out var twinOf))
            {
                if (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Null)
                    throw Error(path, line, name, $"expected a string or null but found {JsonTokenText.WithArticle(reader.TokenType)}.", "Write the value in double quotes, or null when there is none.");
                var text = reader.TokenType == JsonTokenType.Null ? "" : reader.GetString()!;
                if (!twinOf.TryParseText(text, out var parsed, out var problem, out var fix))
                    throw Error(path, line, name, problem, fix);
                twinOf.SetValue(entry, parsed);
                fromTwin.Add(twinOf);
                unreadable.Remove(twinOf);
                continue;
            }
            if (!LedgerFields.TryGet(name, out var field))
                throw Error(path, line, name, "this is not a ledger field." + LedgerFields.Suggest(name),
                    $"Use only the ledger fields ({LedgerFields.KnownList}); put free text in \"notes\".");
            if (!seen.Add(field))
                throw Error(path, line, name, "this field appears twice in the same entry.", "Keep one value per field and delete the other.");
            if (fromTwin.Contains(field)) { reader.Skip(); continue; }

            try
            {
                field.SetValue(entry, ReadValue(path, ref reader, field, name, line));
            }
            catch (ModelLedgerException ex) when (field.Kind == LedgerFieldKind.Date)
            {
                reader.Skip();
                unreadable[field] = ex;
            }
        }
        foreach (var error in unreadable.Values) throw error;
        return entry;
    }

    private static object? ReadValue(string path, ref Utf8JsonReader reader, LedgerField field, string name, int line)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (field.Kind == LedgerFieldKind.StringList)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
                throw Error(path, line, name, $"expected an array of strings but found {JsonTokenText.WithArticle(reader.TokenType)}.",
                    $"Write {field.Name} as an array: [\"deploy/app/appsettings.json#Llm.Model\"].");
            var items = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                    throw Error(path, line, name, $"item {items.Count + 1} is {JsonTokenText.WithArticle(reader.TokenType)}, not a string.", "Write every item in double quotes.");
                var item = reader.GetString()!;
                if (field.CheckItem(item, out var itemFix) is { } itemProblem) throw Error(path, line, name, itemProblem, itemFix);
                items.Add(item);
            }
            return items.ToArray();
        }
        if (reader.TokenType != JsonTokenType.String)
            throw Error(path, line, name, $"expected a string or null but found {JsonTokenText.WithArticle(reader.TokenType)}.",
                field.Kind == LedgerFieldKind.Date ? LedgerFields.DateFix(field.Name) : "Write the value in double quotes, or null when there is none.");
        if (!field.TryParseText(reader.GetString()!, out var value, out var problem, out var fix))
            throw Error(path, line, name, problem, fix);
        return value;
    }

    private static ModelLedgerException Error(string path, int line, string? field, string problem, string fix) =>
        FileErrors.Invalid(ErrorIds.LedgerInvalid, Kind, path, line, field, problem, fix);

}
