using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ModelLedger.Rendering;

/// <summary>
/// How text the module does not control (model IDs from a server, ledger values, server messages, -ApprovedBy)
/// is shown in each sink. The data objects and JSON files keep every value exact; only renderings go through here.
/// <list type="bullet">
/// <item>Console, streams, log lines, JUnit XML (<see cref="ForDisplay"/>): one line; control characters, line
/// breaks, bidirectional overrides and invisible characters become visible escapes (<c>\n</c>, <c>\r</c>,
/// <c>\t</c>, otherwise <c>\uXXXX</c> such as <c>\u202E</c> or <c>\u001B</c>); <c>##vso[</c> and <c>##[</c>
/// become <c>#\u0023vso[</c> so an Azure DevOps agent never reads a logging command in them. Characters outside
/// the Basic Multilingual Plane (a correct surrogate pair) stay as they are. A backslash is not escaped, so
/// <c>\n</c> may also be two literal characters: the exact value is in the object or the JSON file.</item>
/// <item>Markdown text (<see cref="ForMarkdownText"/>): the display form, with Markdown's own characters
/// backslash-escaped so a value cannot open a heading, image, link, emphasis, HTML tag or table cell.</item>
/// <item>Markdown code spans (<see cref="ForMarkdownCode"/>): the display form between enough backticks that a
/// backtick inside cannot close the span.</item>
/// </list>
/// Inside a message (which <see cref="ModelLedgerException"/> and the findings also pass through <see cref="ForDisplay"/>):
/// <list type="bullet">
/// <item><see cref="Quote"/>: a value quoted as data, <c>'like this'</c>, with line breaks and control characters
/// escaped and an inner quote doubled; <see cref="QuoteAll"/> a list of them.</item>
/// <item><see cref="EscapeControls"/>: control characters as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uxxxx</c>;
/// <see cref="Excerpt"/> the same after <see cref="Shorten"/> (a config value of 6 KB is not a model ID).</item>
/// <item><see cref="OneLine"/>: server or exception text as one short line, control characters and runs of
/// spaces folded into single spaces. (Keys are the scrubber's job.)</item>
/// </list>
/// </summary>
public static class UntrustedText
{
    /// <summary>The sentence every report adds when it escaped something, so a reader knows how to read it.</summary>
    public const string EscapeNote =
        "Some values held characters that could change how this report displays (control characters, line breaks, " +
        "bidirectional or invisible formatting characters, or the Azure DevOps command prefix ##vso[). They are shown " +
        @"as escapes such as \n, \u202E and #\u0023vso[; the exact values are in the JSON files and the cmdlets' output objects.";

    /// <summary>The value as one safe line for a console table, a stream message, a log line or an XML report.</summary>
    public static string ForDisplay(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? "";
        if (!NeedsEscape(value!)) return value!;
        var sb = new StringBuilder(value!.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
                continue;
            }
            if (c == '#' && StartsCommand(value, i))
            {
                // Keep the first '#', escape the second: the text stays readable and no longer parses as a command.
                sb.Append('#').Append(@"\u0023");
                i++;
                continue;
            }
            if (!IsUnsafe(c))
            {
                sb.Append(c);
                continue;
            }
            switch (c)
            {
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                default: sb.Append(@"\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>True when <see cref="ForDisplay"/> would change <paramref name="value"/>.</summary>
    public static bool NeedsEscape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        for (var i = 0; i < value!.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (IsUnsafe(c) || (c == '#' && StartsCommand(value, i))) return true;
        }
        return false;
    }

    /// <summary>The value as Markdown paragraph or table-cell text: displayed literally, never as markup.</summary>
    public static string ForMarkdownText(string? value)
    {
        var shown = ForDisplay(value);
        var sb = new StringBuilder(shown.Length + 8);
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            // Any ASCII punctuation may be backslash-escaped in CommonMark; these are the ones that start markup
            // mid-line (emphasis, code, links, images, HTML, entities, strikethrough, table cells, headings).
            if (MarkdownSpecial.IndexOf(c) >= 0 || (i == 0 && LineStartSpecial.IndexOf(c) >= 0)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The value as a Markdown code span (the display form, shown verbatim). Inside a table cell a '|' is written
    /// as '\|', which GitHub-flavoured tables read as part of the cell even inside code.
    /// </summary>
    public static string ForMarkdownCode(string? value, bool inTableCell = true)
    {
        if (value == null) return "";
        var shown = ForDisplay(value);
        if (inTableCell) shown = shown.Replace("|", "\\|");
        var fence = new string('`', LongestBacktickRun(shown) + 1);
        // A span that starts or ends with a backtick needs a space between it and the fence; one space each side is stripped.
        var pad = shown.Length > 0 && (shown[0] == '`' || shown[shown.Length - 1] == '`' || shown[0] == ' ') ? " " : "";
        return fence + pad + shown + pad + fence;
    }

    /// <summary>How many characters of a value <see cref="Excerpt"/> and <see cref="Shorten"/> keep.</summary>
    public const int ExcerptLimit = 120;

    /// <summary>
    /// An untrusted value inside a message, as data: in single quotes, line breaks, control characters and the line
    /// and paragraph separators escaped, an inner single quote doubled, so a ledger value can neither start a new
    /// log line (an Azure DevOps "##vso[" command) nor look like part of the sentence. Null is <c>(none)</c>.
    /// </summary>
    public static string Quote(string? value)
    {
        if (value == null) return "(none)";
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\'': sb.Append("''"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029') sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>Each value <see cref="Quote"/>d, joined with ", ".</summary>
    public static string QuoteAll(IEnumerable<string> values) => string.Join(", ", values.Select(Quote));

    /// <summary>At most <see cref="ExcerptLimit"/> characters of the value, then "... (N characters)"; control characters escaped.</summary>
    public static string Excerpt(string value) => EscapeControls(Shorten(value));

    /// <summary>At most <see cref="ExcerptLimit"/> characters of the value, then "... (N characters)" with its full length.</summary>
    public static string Shorten(string value)
    {
        if (value.Length <= ExcerptLimit) return value;
        var cut = char.IsHighSurrogate(value[ExcerptLimit - 1]) ? ExcerptLimit - 1 : ExcerptLimit;
        return value.Substring(0, cut) + $"... ({value.Length} characters)";
    }

    /// <summary>The value with each control character escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>, otherwise <c>\uxxxx</c>); nothing else changes.</summary>
    public static string EscapeControls(string value)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsControl(c)) { sb?.Append(c); continue; }
            sb ??= new StringBuilder(value, 0, i, value.Length + 8);
            sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) });
        }
        return sb?.ToString() ?? value;
    }

    /// <summary>
    /// Server or exception text fit to quote in a message: control characters become spaces, runs of spaces one
    /// space, and past <paramref name="max"/> characters it is cut and ends in "...". Null is empty.
    /// </summary>
    public static string OneLine(string? text, int max = 300)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var chars = text!.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var s = string.Join(" ", new string(chars).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
        return s.Length > max ? s.Substring(0, max) + "..." : s;
    }

    private const string MarkdownSpecial = "\\`*_[]<>|~&#!";
    private const string LineStartSpecial = "-+=";

    private static int LongestBacktickRun(string s)
    {
        int longest = 0, run = 0;
        foreach (var c in s)
        {
            run = c == '`' ? run + 1 : 0;
            if (run > longest) longest = run;
        }
        return longest;
    }

    // "##vso[" (any case) is an Azure DevOps logging command wherever it appears in a line; "##[" starts its
    // formatting commands (##[error], ##[group]).
    private static bool StartsCommand(string s, int i)
    {
        if (i + 2 >= s.Length || s[i + 1] != '#') return false;
        if (s[i + 2] == '[') return true;
        return i + 5 < s.Length && string.Compare(s, i + 2, "vso[", 0, 4, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private static bool IsUnsafe(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) // C0 and C1 controls, DEL: line breaks, ESC sequences, NUL
        || c == '\u061C' || c == '\u200E' || c == '\u200F' // Arabic letter mark, LRM, RLM
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') // bidi embeddings, overrides, isolates
        || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF' // zero-width characters that hide differences
        || c == '\u2028' || c == '\u2029' // line and paragraph separators
        || c == '\uFFFE' || c == '\uFFFF' // not characters; XML cannot carry them
        || char.IsSurrogate(c); // a surrogate half without its pair (a valid pair is handled before this)
}
