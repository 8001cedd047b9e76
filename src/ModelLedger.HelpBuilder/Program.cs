using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace ModelLedger.HelpBuilder;

/// <summary>
/// ModelLedger.HelpBuilder &lt;docs/help folder&gt; &lt;output .dll-Help.xml&gt; [--assembly &lt;ModelLedger.dll&gt;]
/// Errors and warnings are printed as "file(line): error|warning MLHELPnnn: message" so MSBuild reports them
/// against the markdown file. Exit code 0 written, 1 a doc is malformed (nothing is written), 2 bad arguments.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out);

    public static int Run(string[] args, TextWriter log)
    {
        string? assembly = null;
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--assembly" && i + 1 < args.Length) assembly = args[++i];
            else positional.Add(args[i]);
        }
        if (positional.Count != 2)
        {
            log.WriteLine("ModelLedger.HelpBuilder: error MLHELP000: usage: ModelLedger.HelpBuilder <docs/help folder> <output ModelLedger.dll-Help.xml> [--assembly <ModelLedger.dll>]");
            return 2;
        }
        return Generate(positional[0], positional[1], assembly, log);
    }

    public static int Generate(string docsDir, string outputPath, string? assemblyPath, TextWriter log)
    {
        if (!Directory.Exists(docsDir))
        {
            log.WriteLine($"{docsDir}: error MLHELP000: the help source folder does not exist.");
            return 2;
        }
        var cmdlets = assemblyPath != null ? CmdletMetadataReader.Read(assemblyPath) : new List<CmdletMeta>();
        var byName = cmdlets.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

        var errors = 0;
        var commands = new List<(CommandDoc, CmdletMeta?)>();
        var broken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(docsDir, "*.md").OrderBy(f => f, StringComparer.Ordinal))
        {
            // Only Verb-Noun.md files are cmdlet help; a README.md in the folder is for people.
            if (!Path.GetFileNameWithoutExtension(file).Contains('-')) continue;
            CommandDoc doc;
            try
            {
                doc = MarkdownHelpParser.ParseFile(file);
            }
            catch (HelpFormatException ex)
            {
                log.WriteLine(ex.ToBuildMessage());
                errors++;
                broken.Add(Path.GetFileNameWithoutExtension(file));
                continue;
            }
            byName.TryGetValue(doc.Name, out var meta);
            if (meta == null && assemblyPath != null)
                log.WriteLine($"{file}(1): warning MLHELP003: {doc.Name} is not a cmdlet in {Path.GetFileName(assemblyPath)}; its help has no generated syntax.");
            if (meta != null)
            {
                var known = new HashSet<string>(meta.Parameters.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
                if (meta.SupportsShouldProcess) { known.Add("WhatIf"); known.Add("Confirm"); }
                foreach (var p in doc.Parameters.Where(p => !known.Contains(p.Name)))
                {
                    log.WriteLine(new HelpFormatException(file, p.Line,
                        $"{doc.Name} has no parameter -{p.Name}. Remove the '### -{p.Name}' section or fix its name (parameters: {string.Join(", ", meta.Parameters.Select(x => "-" + x.Name))}).").ToBuildMessage());
                    errors++;
                }
                foreach (var p in meta.Parameters.Where(p => doc.FindParameter(p.Name) == null))
                    log.WriteLine($"{file}(1): warning MLHELP002: {doc.Name} -{p.Name} is not documented. Add a '### -{p.Name}' section under '## PARAMETERS'.");
            }
            commands.Add((doc, meta));
        }
        foreach (var c in cmdlets.Where(c => !broken.Contains(c.Name) && !commands.Any(d => string.Equals(d.Item1.Name, c.Name, StringComparison.OrdinalIgnoreCase))))
            log.WriteLine($"{Path.Combine(docsDir, c.Name + ".md")}(1): warning MLHELP004: {c.Name} has no help doc; Get-Help shows only its syntax. Write {c.Name}.md (see the other docs for the layout).");

        if (errors > 0)
        {
            log.WriteLine($"ModelLedger.HelpBuilder: error MLHELP000: {errors} problem(s) in {docsDir}; '{outputPath}' was not written.");
            return 1;
        }

        var xml = MamlWriter.Write(commands);
        WriteAtomically(outputPath, xml);
        log.WriteLine($"ModelLedger.HelpBuilder: wrote help for {commands.Count} cmdlet(s) to {outputPath}");
        return 0;
    }

    private static void WriteAtomically(string path, System.Xml.Linq.XDocument xml)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
            using (var writer = XmlWriter.Create(temp, settings)) xml.Save(writer);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
