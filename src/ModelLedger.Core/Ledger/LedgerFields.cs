using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelLedger.Rendering;

namespace ModelLedger.Ledger;

/// <summary>
/// The ledger's fields, in ledger order: the one table the JSON and CSV readers, the writers, the diff and the
/// editing cmdlets go through. Adding a field is one line here (plus its LedgerEntry property). Names match
/// case-insensitively so a ledger round-tripped through ConvertTo-Json or Export-Csv (PascalCase) reads back.
/// </summary>
public static class LedgerFields
{
    public static readonly LedgerField Service = Text("service", e => e.Service, (e, v) => e.Service = v);
    public static readonly LedgerField UseCase = Text("useCase", e => e.UseCase, (e, v) => e.UseCase = v);
    public static readonly LedgerField CurrentModelId = Text("currentModelId", e => e.CurrentModelId, (e, v) => e.CurrentModelId = v);
    public static readonly LedgerField RollbackModelId = Text("rollbackModelId", e => e.RollbackModelId, (e, v) => e.RollbackModelId = v);
    public static readonly LedgerField EmergencyAlternative = Text("emergencyAlternative", e => e.EmergencyAlternative, (e, v) => e.EmergencyAlternative = v);
    public static readonly LedgerField Owner = Text("owner", e => e.Owner, (e, v) => e.Owner = v);
    public static readonly LedgerField RollbackOwner = Text("rollbackOwner", e => e.RollbackOwner, (e, v) => e.RollbackOwner = v);
    public static readonly LedgerField LastValidated = Date("lastValidated", e => e.LastValidated, (e, v) => e.LastValidated = v);
    public static readonly LedgerField ValidationMethod = Text("validationMethod", e => e.ValidationMethod, (e, v) => e.ValidationMethod = v);
    public static readonly LedgerField ChangeRef = Text("changeRef", e => e.ChangeRef, (e, v) => e.ChangeRef = v);
    public static readonly LedgerField Notes = Text("notes", e => e.Notes, (e, v) => e.Notes = v);
    public static readonly LedgerField ConfigRefs = List("configRefs", e => e.ConfigRefs, (e, v) => e.ConfigRefs = v, ConfigRefProblem, ConfigRefFix);
    public static readonly LedgerField RollbackUntil = Date("rollbackUntil", e => e.RollbackUntil, (e, v) => e.RollbackUntil = v);

    /// <summary>Every field, in the order files list them.</summary>
    public static readonly IReadOnlyList<LedgerField> All = new[]
    {
        Service, UseCase, CurrentModelId, RollbackModelId, EmergencyAlternative, Owner, RollbackOwner,
        LastValidated, ValidationMethod, ChangeRef, Notes, ConfigRefs, RollbackUntil,
    };

    /// <summary>Field names in ledger order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToArray();

    /// <summary>
    /// Properties an exported entry carries that are not ledger data: where it was read from. Readers accept and
    /// ignore them, so <c>Get-ModelLedger | Export-Csv</c> and <c>| ConvertTo-Json</c> read back.
    /// </summary>
    public static readonly IReadOnlyList<string> ReadOnlyNames = new[] { "SourcePath", "SourceLine" };

    /// <summary>
    /// The suffix of the text twin that module/ModelLedger.Types.ps1xml adds to every non-string field
    /// (<c>LastValidatedText</c>, <c>ConfigRefsText</c>). Export-Csv writes a date in the session's culture
    /// ("05/10/2026" is May or October) and a list as "System.String[]"; the twin holds the one text form of
    /// <see cref="LedgerField.GetText"/>, so a reader that finds it takes it and ignores the culture-dependent column.
    /// </summary>
    public const string TextTwinSuffix = "Text";

    private static readonly Dictionary<string, LedgerField> ByName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, LedgerField> ByTwinName = All.Where(f => f.Kind != LedgerFieldKind.String)
        .ToDictionary(f => f.Name + TextTwinSuffix, StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string name, out LedgerField field) => ByName.TryGetValue(name, out field!);

    /// <summary>The field whose text twin this column or property is (<c>LastValidatedText</c>), if it is one.</summary>
    public static bool TryGetTwin(string name, out LedgerField field) => ByTwinName.TryGetValue(name, out field!);

    public static bool IsReadOnly(string name) => ReadOnlyNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static string KnownList => string.Join(", ", Names);

    /// <summary>A hint for a misspelled field name, or an empty string.</summary>
    public static string Suggest(string name)
    {
        var folded = Fold(name);
        var match = Names.FirstOrDefault(n => Fold(n) == folded);
        return match == null ? "" : $" Did you mean '{match}'?";
    }

    private static string Fold(string s) =>
        new string(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray()).Replace("l", "i").Replace("1", "i");

    /// <summary>Parses a date field: an ISO 8601 date or date-time; a value without an offset is taken as UTC.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value)
        && LooksIso(text);

    // Culture-free parsing still accepts "5/10/2026"; a reviewed ledger should not be ambiguous between regions.
    private static bool LooksIso(string text)
    {
        var t = text.Trim();
        return t.Length >= 10 && char.IsDigit(t[0]) && char.IsDigit(t[1]) && char.IsDigit(t[2]) && char.IsDigit(t[3]) && t[4] == '-' && t[7] == '-';
    }

    public static string DateFix(string name) =>
        $"Write {name} as an ISO 8601 date or UTC time, for example \"2026-05-10\" or \"2026-05-10T09:30:00Z\".";

    private static LedgerField Text(string name, Func<LedgerEntry, string?> get, Action<LedgerEntry, string?> set) =>
        new(name, LedgerFieldKind.String, get, (e, v) => set(e, (string?)v));

    private static LedgerField Date(string name, Func<LedgerEntry, DateTimeOffset?> get, Action<LedgerEntry, DateTimeOffset?> set) =>
        new(name, LedgerFieldKind.Date, e => get(e), (e, v) => set(e, (DateTimeOffset?)v));

    private static LedgerField List(string name, Func<LedgerEntry, string[]?> get, Action<LedgerEntry, string[]?> set,
        Func<string, string?>? checkItem = null, string? itemFix = null) =>
        new(name, LedgerFieldKind.StringList, get, (e, v) => set(e, (string[]?)v), checkItem, itemFix);

    private static string? ConfigRefProblem(string text)
    {
        try
        {
            Config.ConfigRef.ParseSyntax(text);
            return null;
        }
        catch (Config.ConfigRefSyntaxException ex)
        {
            return $"config ref '{UntrustedText.EscapeControls(text)}' is not valid: {ex.Message}";
        }
    }

    public const string ConfigRefFix =
        "Write each ref as <path>[@<document>]#<key>[#<template>], for example 'deploy/litellm/config.yaml#model_list[model_name=report-writer].litellm_params.model#openai/{id}' (see about_ModelLedger).";
}
