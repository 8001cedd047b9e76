using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelLedger.Ledger
{
    /// <summary>
    /// The ledger's fields, shared by the JSON and CSV readers (the same names, as properties or columns). Names
    /// match case-insensitively so a ledger round-tripped through ConvertTo-Json or Export-Csv (PascalCase) reads back.
    /// </summary>
    internal static class LedgerFields
    {
        public const string Service = "service";
        public const string LastValidated = "lastValidated";
        public const string ConfigRefs = "configRefs";

        public static readonly IReadOnlyList<string> Names = new[]
        {
            "service", "useCase", "currentModelId", "rollbackModelId", "emergencyAlternative", "owner",
            "rollbackOwner", "lastValidated", "validationMethod", "changeRef", "notes", "configRefs",
        };

        private static readonly Dictionary<string, string> Canonical =
            Names.ToDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase);

        public static bool TryCanonical(string name, out string canonical) => Canonical.TryGetValue(name, out canonical!);

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

        /// <summary>Sets a string field; empty becomes null, anything else is kept exactly.</summary>
        public static void SetString(LedgerEntry entry, string canonical, string? value)
        {
            if (value is { Length: 0 }) value = null;
            switch (canonical)
            {
                case "service": entry.Service = value; break;
                case "useCase": entry.UseCase = value; break;
                case "currentModelId": entry.CurrentModelId = value; break;
                case "rollbackModelId": entry.RollbackModelId = value; break;
                case "emergencyAlternative": entry.EmergencyAlternative = value; break;
                case "owner": entry.Owner = value; break;
                case "rollbackOwner": entry.RollbackOwner = value; break;
                case "validationMethod": entry.ValidationMethod = value; break;
                case "changeRef": entry.ChangeRef = value; break;
                case "notes": entry.Notes = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(canonical), canonical, "not a string field");
            }
        }

        /// <summary>Parses lastValidated: an ISO 8601 date or date-time; a value without an offset is taken as UTC.</summary>
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

        /// <summary>
        /// Checks each config ref against the grammar; a malformed one is LedgerInvalid naming file, line and field.
        /// Refs are kept exactly as written.
        /// </summary>
        public static string[]? CheckConfigRefs(string path, int line, string field, IReadOnlyList<string> refs)
        {
            if (refs.Count == 0) return null;
            foreach (var text in refs)
            {
                try
                {
                    Config.ConfigRef.ParseSyntax(text);
                }
                catch (Config.ConfigRefSyntaxException ex)
                {
                    throw FileErrors.Invalid(ErrorIds.LedgerInvalid, "Ledger", path, line, field,
                        $"config ref '{Config.SharedText.Visible(text)}' is not valid: {ex.Message}", ConfigRefFix);
                }
            }
            return refs.ToArray();
        }

        public const string ConfigRefFix =
            "Write each ref as <path>[@<document>]#<key>[#<template>], for example 'deploy/litellm/config.yaml#model_list[model_name=report-writer].litellm_params.model#openai/{id}' (see about_ModelLedger).";

        public const string DateFix = "Write lastValidated as an ISO 8601 date or UTC time, for example \"2026-05-10\" or \"2026-05-10T09:30:00Z\".";
    }
}
