using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelLedger.HelpBuilder;

/// <summary>
/// Reads the platyPS-like markdown layout of docs/help/&lt;Verb-Noun&gt;.md. Deliberately small: headings, paragraphs,
/// list items, fenced code and [text](uri) links; anything that would give Get-Help a hole (no synopsis, an example
/// without code, an empty parameter) is a <see cref="HelpFormatException"/> naming the file and line.
/// </summary>
public static class MarkdownHelpParser
{
    public static readonly IReadOnlyList<string> KnownSections = new[]
    {
        "SYNOPSIS", "SYNTAX", "ALIASES", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private static readonly Regex Heading = new(@"^(#{1,3})\s+(.*?)\s*#*\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex Link = new(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)$", RegexOptions.CultureInvariant);
    private static readonly Regex ListItem = new(@"^([-*+]|\d+\.)\s+", RegexOptions.CultureInvariant);

    public static CommandDoc ParseFile(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    public static CommandDoc Parse(string text, string filePath)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var sections = Split(lines, filePath);
        var expectedName = Path.GetFileNameWithoutExtension(filePath);

        var title = sections.FirstOrDefault(s => s.Level == 1);
        if (title == null)
            throw new HelpFormatException(filePath, 1, $"The doc has no '# {expectedName}' title line. Start the file with '# {expectedName}'.");
        if (!string.Equals(title.Title, expectedName, StringComparison.Ordinal))
            throw new HelpFormatException(filePath, title.Line, $"The title '# {title.Title}' does not match the file name '{expectedName}.md'. Name the file after the cmdlet (Verb-Noun.md) and use the same name in the title.");

        var doc = new CommandDoc { Name = title.Title, FilePath = filePath };
        Section? h2 = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sections)
        {
            if (s.Level == 1)
            {
                if (!ReferenceEquals(s, title))
                    throw new HelpFormatException(filePath, s.Line, $"A second '# {s.Title}' title: one doc describes one cmdlet. Use '##' for sections and '###' for examples and parameters.");
                RequireNoText(s, filePath, "before the first '##' section");
                continue;
            }
            if (s.Level == 2)
            {
                h2 = s;
                var name = s.Title.ToUpperInvariant();
                if (!KnownSections.Contains(name))
                    throw new HelpFormatException(filePath, s.Line, $"Unknown section '## {s.Title}'. Use the platyPS sections: {string.Join(", ", KnownSections)}.");
                if (!seen.Add(name))
                    throw new HelpFormatException(filePath, s.Line, $"Section '## {name}' appears twice. Merge the two into one.");
                switch (name)
                {
                    case "SYNOPSIS":
                        doc.Synopsis = string.Join(" ", Paragraphs(s.Body, filePath));
                        break;
                    case "DESCRIPTION":
                        doc.Description.AddRange(Paragraphs(s.Body, filePath));
                        break;
                    case "NOTES":
                        doc.Notes.AddRange(Paragraphs(s.Body, filePath));
                        break;
                    case "RELATED LINKS":
                        doc.Links.AddRange(Links(s.Body));
                        break;
                    case "INPUTS":
                    case "OUTPUTS":
                        var loose = Paragraphs(s.Body, filePath);
                        if (loose.Count > 0)
                        {
                            var t = new TypeDoc { Name = loose[0] };
                            t.Description.AddRange(loose.Skip(1));
                            (name == "INPUTS" ? doc.Inputs : doc.Outputs).Add(t);
                        }
                        break;
                    case "EXAMPLES":
                    case "PARAMETERS":
                        RequireNoText(s, filePath, $"directly under '## {name}' (put it under a '###' heading)");
                        break;
                }
                continue;
            }

            // Level 3: belongs to the enclosing section.
            var parent = h2?.Title.ToUpperInvariant();
            switch (parent)
            {
                case "EXAMPLES":
                    doc.Examples.Add(Example(s, filePath, doc.Examples.Count + 1));
                    break;
                case "PARAMETERS":
                    if (string.Equals(s.Title, "CommonParameters", StringComparison.OrdinalIgnoreCase)) break;
                    var p = Parameter(s, filePath);
                    if (doc.FindParameter(p.Name) != null)
                        throw new HelpFormatException(filePath, s.Line, $"Parameter -{p.Name} is documented twice. Keep one '### -{p.Name}' section.");
                    doc.Parameters.Add(p);
                    break;
                case "INPUTS":
                case "OUTPUTS":
                    var type = new TypeDoc { Name = s.Title };
                    type.Description.AddRange(Paragraphs(s.Body, filePath));
                    (parent == "INPUTS" ? doc.Inputs : doc.Outputs).Add(type);
                    break;
                case "SYNTAX":
                case "ALIASES":
                    break; // The syntax is generated from the cmdlet's own parameter metadata.
                default:
                    throw new HelpFormatException(filePath, s.Line, $"'### {s.Title}' is outside EXAMPLES, PARAMETERS, INPUTS or OUTPUTS. Move it under the section it belongs to, or make it a '##' section.");
            }
        }

        if (!seen.Contains("SYNOPSIS") || doc.Synopsis.Length == 0)
            throw new HelpFormatException(filePath, seen.Contains("SYNOPSIS") ? sections.First(x => x.Level == 2 && x.Title.ToUpperInvariant() == "SYNOPSIS").Line : title.Line,
                $"{doc.Name} has no SYNOPSIS. Add '## SYNOPSIS' with one line saying what the cmdlet does.");
        if (doc.Description.Count == 0)
            throw new HelpFormatException(filePath, title.Line, $"{doc.Name} has no DESCRIPTION. Add '## DESCRIPTION' with at least one paragraph.");
        if (doc.Examples.Count == 0)
            throw new HelpFormatException(filePath, title.Line, $"{doc.Name} has no examples. Add '## EXAMPLES' with '### Example 1: <title>' and a ```powershell code block.");
        return doc;
    }

    private static ExampleDoc Example(Section s, string filePath, int number)
    {
        var example = new ExampleDoc { Title = s.Title, Line = s.Line };
        var before = new List<(string, int)>();
        var after = new List<(string, int)>();
        string? code = null;
        for (var i = 0; i < s.Body.Count; i++)
        {
            var (text, line) = s.Body[i];
            if (code == null && IsFence(text))
            {
                var (block, next) = ReadFence(s.Body, i, filePath);
                code = block;
                i = next;
                continue;
            }
            (code == null ? before : after).Add((text, line));
        }
        if (code == null || code.Trim().Length == 0)
            throw new HelpFormatException(filePath, s.Line, $"Example {number} ('{s.Title}') has no code. Add a ```powershell block with the command the example runs.");
        example.Code = code;
        example.Introduction.AddRange(Paragraphs(before, filePath));
        example.Remarks.AddRange(Paragraphs(after, filePath));
        return example;
    }

    private static ParameterDoc Parameter(Section s, string filePath)
    {
        var title = s.Title.Trim();
        if (!title.StartsWith("-", StringComparison.Ordinal) || title.Length < 2 || title.Skip(1).Any(c => !char.IsLetterOrDigit(c) && c != '_'))
            throw new HelpFormatException(filePath, s.Line, $"'### {title}' under PARAMETERS is not a parameter heading. Write it as '### -ParameterName'.");
        var p = new ParameterDoc { Name = title.Substring(1), Line = s.Line };
        var text = new List<(string, int)>();
        for (var i = 0; i < s.Body.Count; i++)
        {
            var (line, _) = s.Body[i];
            if (IsFence(line) && line.Trim().Substring(3).Trim().Equals("yaml", StringComparison.OrdinalIgnoreCase))
            {
                var (block, next) = ReadFence(s.Body, i, filePath);
                foreach (var kv in block.Split('\n'))
                {
                    var colon = kv.IndexOf(':');
                    if (colon > 0 && kv.Substring(0, colon).Trim().Equals("Default value", StringComparison.OrdinalIgnoreCase))
                        p.DefaultValue = kv.Substring(colon + 1).Trim();
                }
                i = next;
                continue;
            }
            text.Add(s.Body[i]);
        }
        p.Description.AddRange(Paragraphs(text, filePath));
        if (p.Description.Count == 0)
            throw new HelpFormatException(filePath, s.Line, $"Parameter -{p.Name} has no description. Say what it does, what it accepts and its default.");
        return p;
    }

    private static IEnumerable<LinkDoc> Links(List<(string Text, int Line)> body)
    {
        foreach (var (raw, _) in body)
        {
            var text = ListItem.Replace(raw.Trim(), "");
            if (text.Length == 0) continue;
            var m = Link.Match(text);
            if (!m.Success)
            {
                yield return new LinkDoc { Text = text };
                continue;
            }
            var uri = m.Groups["uri"].Value.Trim();
            // Links to sibling docs (Get-CometModel.md) become plain command names, as Get-Help expects.
            yield return new LinkDoc
            {
                Text = m.Groups["text"].Value.Trim(),
                Uri = uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? uri : "",
            };
        }
    }

    /// <summary>
    /// Paragraphs for maml:para: lines joined by blank lines, each list item its own paragraph, fenced code kept
    /// verbatim (without the fences) as one paragraph.
    /// </summary>
    public static List<string> Paragraphs(List<(string Text, int Line)> body, string filePath)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) result.Add(current.ToString().Trim());
            current.Clear();
        }
        for (var i = 0; i < body.Count; i++)
        {
            var line = body[i].Text;
            if (IsFence(line))
            {
                Flush();
                var (block, next) = ReadFence(body, i, filePath);
                if (block.Trim().Length > 0) result.Add(block);
                i = next;
                continue;
            }
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }
            if (ListItem.IsMatch(trimmed)) Flush();
            if (current.Length > 0) current.Append(' ');
            current.Append(trimmed);
        }
        Flush();
        return result;
    }

    private static bool IsFence(string line) => line.TrimStart().StartsWith("```", StringComparison.Ordinal);

    private static (string Block, int EndIndex) ReadFence(List<(string Text, int Line)> body, int start, string filePath)
    {
        var lines = new List<string>();
        for (var i = start + 1; i < body.Count; i++)
        {
            if (body[i].Text.Trim() == "```") return (string.Join("\n", lines).TrimEnd(), i);
            lines.Add(body[i].Text.TrimEnd());
        }
        throw new HelpFormatException(filePath, body[start].Line, "A ``` code block is never closed. Close it with a line holding only ```.");
    }

    private static void RequireNoText(Section s, string filePath, string where)
    {
        var stray = s.Body.FirstOrDefault(b => b.Text.Trim().Length > 0);
        if (stray.Text != null)
            throw new HelpFormatException(filePath, stray.Line, $"Text {where} would be lost: '{Shorten(stray.Text.Trim())}'.");
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s.Substring(0, 57) + "...";

    private sealed class Section
    {
        public int Level { get; init; }
        public string Title { get; init; } = "";
        public int Line { get; init; }
        public List<(string Text, int Line)> Body { get; } = new();
    }

    /// <summary>Headings (outside code fences) with the lines under them; a yaml front matter block is skipped.</summary>
    private static List<Section> Split(string[] lines, string filePath)
    {
        var sections = new List<Section>();
        var start = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
            if (end < 0) throw new HelpFormatException(filePath, 1, "The '---' front matter is never closed. Close it with a '---' line.");
            start = end + 1;
        }
        Section? current = null;
        var inFence = false;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            var fence = IsFence(line);
            var m = inFence || fence ? Match.Empty : Heading.Match(line);
            if (fence) inFence = !inFence || line.Trim() != "```";
            if (m.Success)
            {
                current = new Section { Level = m.Groups[1].Length, Title = m.Groups[2].Value.Trim(), Line = i + 1 };
                sections.Add(current);
                continue;
            }
            if (current == null)
            {
                if (line.Trim().Length > 0)
                    throw new HelpFormatException(filePath, i + 1, $"Text before the '# {Path.GetFileNameWithoutExtension(filePath)}' title: '{Shorten(line.Trim())}'. Start the file with the title.");
                continue;
            }
            current.Body.Add((line, i + 1));
        }
        return sections;
    }
}
