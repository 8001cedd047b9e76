using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ModelLedger.Rendering;

namespace ModelLedger.ModelIds;

/// <summary>
/// Characters that make two model IDs look the same but differ: letters from other scripts that look Latin,
/// full-width forms, and invisible characters (soft hyphen, zero-width, bidi controls, fillers, variation selectors,
/// tag characters). Used to name them in a message (<see cref="Describe"/>) and to fold them away for near-miss
/// hints (<see cref="Fold"/>). A small table of the characters that matter, and a generic form for the rest.
/// </summary>
internal static class LookAlikes
{
    // Look-alike letters: the character, its Unicode name, and the Latin letter it passes for.
    private static readonly (char Char, string Name, char Latin)[] Letters =
    {
        ('\u0430', "CYRILLIC SMALL LETTER A", 'a'), ('\u0435', "CYRILLIC SMALL LETTER IE", 'e'), ('\u043E', "CYRILLIC SMALL LETTER O", 'o'),
        ('\u0440', "CYRILLIC SMALL LETTER ER", 'p'), ('\u0441', "CYRILLIC SMALL LETTER ES", 'c'), ('\u0443', "CYRILLIC SMALL LETTER U", 'y'),
        ('\u0445', "CYRILLIC SMALL LETTER HA", 'x'), ('\u0456', "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I", 'i'),
        ('\u0458', "CYRILLIC SMALL LETTER JE", 'j'), ('\u0455', "CYRILLIC SMALL LETTER DZE", 's'), ('\u0501', "CYRILLIC SMALL LETTER KOMI DE", 'd'),
        ('\u04BB', "CYRILLIC SMALL LETTER SHHA", 'h'), ('\u0410', "CYRILLIC CAPITAL LETTER A", 'A'), ('\u0412', "CYRILLIC CAPITAL LETTER VE", 'B'),
        ('\u0415', "CYRILLIC CAPITAL LETTER IE", 'E'), ('\u041A', "CYRILLIC CAPITAL LETTER KA", 'K'), ('\u041C', "CYRILLIC CAPITAL LETTER EM", 'M'),
        ('\u041D', "CYRILLIC CAPITAL LETTER EN", 'H'), ('\u041E', "CYRILLIC CAPITAL LETTER O", 'O'), ('\u0420', "CYRILLIC CAPITAL LETTER ER", 'P'),
        ('\u0421', "CYRILLIC CAPITAL LETTER ES", 'C'), ('\u0422', "CYRILLIC CAPITAL LETTER TE", 'T'), ('\u0425', "CYRILLIC CAPITAL LETTER HA", 'X'),
        ('\u0405', "CYRILLIC CAPITAL LETTER DZE", 'S'), ('\u0406', "CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I", 'I'), ('\u0408', "CYRILLIC CAPITAL LETTER JE", 'J'),
        ('\u03BF', "GREEK SMALL LETTER OMICRON", 'o'), ('\u03B1', "GREEK SMALL LETTER ALPHA", 'a'), ('\u03BD', "GREEK SMALL LETTER NU", 'v'),
        ('\u03C1', "GREEK SMALL LETTER RHO", 'p'), ('\u03B9', "GREEK SMALL LETTER IOTA", 'i'), ('\u03BA', "GREEK SMALL LETTER KAPPA", 'k'),
        ('\u0391', "GREEK CAPITAL LETTER ALPHA", 'A'), ('\u0392', "GREEK CAPITAL LETTER BETA", 'B'), ('\u0395', "GREEK CAPITAL LETTER EPSILON", 'E'),
        ('\u0396', "GREEK CAPITAL LETTER ZETA", 'Z'), ('\u0397', "GREEK CAPITAL LETTER ETA", 'H'), ('\u0399', "GREEK CAPITAL LETTER IOTA", 'I'),
        ('\u039A', "GREEK CAPITAL LETTER KAPPA", 'K'), ('\u039C', "GREEK CAPITAL LETTER MU", 'M'), ('\u039D', "GREEK CAPITAL LETTER NU", 'N'),
        ('\u039F', "GREEK CAPITAL LETTER OMICRON", 'O'), ('\u03A1', "GREEK CAPITAL LETTER RHO", 'P'), ('\u03A4', "GREEK CAPITAL LETTER TAU", 'T'),
        ('\u03A5', "GREEK CAPITAL LETTER UPSILON", 'Y'), ('\u03A7', "GREEK CAPITAL LETTER CHI", 'X'),
        ('\u2010', "HYPHEN", '-'), ('\u2011', "NON-BREAKING HYPHEN", '-'), ('\u2012', "FIGURE DASH", '-'), ('\u2013', "EN DASH", '-'),
        ('\u2212', "MINUS SIGN", '-'), ('\u0131', "LATIN SMALL LETTER DOTLESS I", 'i'),
    };

    // Characters that show nothing (or nearly nothing) and so hide a difference.
    private static readonly (char Char, string Name)[] Invisible =
    {
        ('\u00AD', "SOFT HYPHEN"), ('\u034F', "COMBINING GRAPHEME JOINER"), ('\u3164', "HANGUL FILLER"), ('\u115F', "HANGUL CHOSEONG FILLER"),
        ('\u1160', "HANGUL JUNGSEONG FILLER"), ('\uFFA0', "HALFWIDTH HANGUL FILLER"), ('\u180E', "MONGOLIAN VOWEL SEPARATOR"),
        ('\u200B', "ZERO WIDTH SPACE"), ('\u200C', "ZERO WIDTH NON-JOINER"), ('\u200D', "ZERO WIDTH JOINER"), ('\u2060', "WORD JOINER"),
        ('\uFEFF', "ZERO WIDTH NO-BREAK SPACE"), ('\u061C', "ARABIC LETTER MARK"), ('\u200E', "LEFT-TO-RIGHT MARK"), ('\u200F', "RIGHT-TO-LEFT MARK"),
        ('\u202A', "LEFT-TO-RIGHT EMBEDDING"), ('\u202B', "RIGHT-TO-LEFT EMBEDDING"), ('\u202C', "POP DIRECTIONAL FORMATTING"),
        ('\u202D', "LEFT-TO-RIGHT OVERRIDE"), ('\u202E', "RIGHT-TO-LEFT OVERRIDE"), ('\u2066', "LEFT-TO-RIGHT ISOLATE"), ('\u2067', "RIGHT-TO-LEFT ISOLATE"),
        ('\u2068', "FIRST STRONG ISOLATE"), ('\u2069', "POP DIRECTIONAL ISOLATE"), ('\u00A0', "NO-BREAK SPACE"), ('\u2007', "FIGURE SPACE"),
        ('\u202F', "NARROW NO-BREAK SPACE"), ('\u3000', "IDEOGRAPHIC SPACE"), ('\u0301', "COMBINING ACUTE ACCENT"), ('\u0300', "COMBINING GRAVE ACCENT"),
        ('\u0308', "COMBINING DIAERESIS"),
    };

    private static readonly Dictionary<char, (string Name, char Latin)> LetterTable = Letters.ToDictionary(l => l.Char, l => (l.Name, l.Latin));
    private static readonly Dictionary<char, string> InvisibleTable = Invisible.ToDictionary(i => i.Char, i => i.Name);

    private static readonly string[] Punctuation =
    {
        "EXCLAMATION MARK", "QUOTATION MARK", "NUMBER SIGN", "DOLLAR SIGN", "PERCENT SIGN", "AMPERSAND", "APOSTROPHE", "LEFT PARENTHESIS",
        "RIGHT PARENTHESIS", "ASTERISK", "PLUS SIGN", "COMMA", "HYPHEN-MINUS", "FULL STOP", "SOLIDUS",
    };

    /// <summary>True when the text holds a character outside printable ASCII.</summary>
    public static bool OutsidePrintableAscii(string? text) => text != null && text.Any(c => c < 0x20 || c > 0x7E);

    /// <summary>
    /// " 'id' holds characters outside printable ASCII: \u043E CYRILLIC SMALL LETTER O (character 5), ..." or "".
    /// Supplementary characters (tag characters) show as their two UTF-16 units, as JSON writes them.
    /// </summary>
    public static string Describe(string? id)
    {
        if (!OutsidePrintableAscii(id)) return "";
        var parts = new List<string>();
        var position = 0;
        for (var i = 0; i < id!.Length; i++)
        {
            position++;
            var c = id[i];
            if (c >= 0x20 && c <= 0x7E) continue;
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, id[i + 1]);
                parts.Add($"{Escape(c)}{Escape(id[i + 1])} {Name(cp)} (character {position})");
                i++;
                continue;
            }
            parts.Add($"{Escape(c)} {Name(c)} (character {position})");
        }
        var shown = parts.Count > 12 ? string.Join(", ", parts.Take(12)) + $" and {parts.Count - 12} more" : string.Join(", ", parts);
        return $" '{UntrustedText.Excerpt(id)}' holds characters outside printable ASCII: {shown}.";
    }

    /// <summary>
    /// The ID as it looks: NFKC (full-width forms, composed accents), invisible characters dropped, look-alike
    /// letters read as the Latin letter they pass for. Two IDs with the same fold are a near miss, never a match.
    /// </summary>
    public static string Fold(string id)
    {
        if (!OutsidePrintableAscii(id)) return id;
        string normal;
        try { normal = id.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { normal = id; }   // an unpaired surrogate: fold what can be folded
        var sb = new StringBuilder(normal.Length);
        for (var i = 0; i < normal.Length; i++)
        {
            var c = normal[i];
            if (char.IsHighSurrogate(c) && i + 1 < normal.Length && char.IsLowSurrogate(normal[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, normal[i + 1]);
                i++;
                if (cp >= 0xE0000 && cp <= 0xE007F) continue;   // tag characters
                sb.Append(c).Append(normal[i]);
                continue;
            }
            if (InvisibleTable.ContainsKey(c) || (c >= '\uFE00' && c <= '\uFE0F') || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark)
                continue;
            sb.Append(LetterTable.TryGetValue(c, out var l) ? l.Latin : c);
        }
        return sb.ToString();
    }

    private static string Escape(char c) => @"\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    internal static string Name(int cp)
    {
        if (cp <= 0xFFFF)
        {
            var c = (char)cp;
            if (LetterTable.TryGetValue(c, out var l)) return l.Name;
            if (InvisibleTable.TryGetValue(c, out var n)) return n;
            if (c >= '\uFE00' && c <= '\uFE0F') return "VARIATION SELECTOR-" + (c - 0xFE00 + 1).ToString(CultureInfo.InvariantCulture);
            if (c >= '\uFF01' && c <= '\uFF5E') return "FULLWIDTH " + AsciiName((char)(c - 0xFF01 + 0x21));
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return "CONTROL CHARACTER";
        }
        if (cp == 0xE0001) return "LANGUAGE TAG";
        if (cp == 0xE007F) return "CANCEL TAG";
        if (cp >= 0xE0020 && cp <= 0xE007E) return "TAG " + AsciiName((char)(cp - 0xE0000));
        // The generic form: the category the runtime knows, without a name table for every character.
        var category = cp <= 0xFFFF ? CharUnicodeInfo.GetUnicodeCategory((char)cp) : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(cp), 0);
        return $"(a character of category {category})";
    }

    private static string AsciiName(char c)
    {
        if (c >= 'A' && c <= 'Z') return "LATIN CAPITAL LETTER " + c;
        if (c >= 'a' && c <= 'z') return "LATIN SMALL LETTER " + char.ToUpperInvariant(c);
        if (c >= '0' && c <= '9') return "DIGIT " + new[] { "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE" }[c - '0'];
        if (c == ' ') return "SPACE";
        if (c >= '!' && c <= '/') return Punctuation[c - '!'];
        return c switch
        {
            ':' => "COLON", ';' => "SEMICOLON", '<' => "LESS-THAN SIGN", '=' => "EQUALS SIGN", '>' => "GREATER-THAN SIGN", '?' => "QUESTION MARK",
            '@' => "COMMERCIAL AT", '[' => "LEFT SQUARE BRACKET", '\\' => "REVERSE SOLIDUS", ']' => "RIGHT SQUARE BRACKET", '^' => "CIRCUMFLEX ACCENT",
            '_' => "LOW LINE", '`' => "GRAVE ACCENT", '{' => "LEFT CURLY BRACKET", '|' => "VERTICAL LINE", '}' => "RIGHT CURLY BRACKET", '~' => "TILDE",
            _ => $"U+{(int)c:X4}",
        };
    }
}
