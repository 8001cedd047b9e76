using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace ModelLedger.HelpBuilder;

/// <summary>
/// Writes the command/maml help Get-Help reads: text from the markdown, syntax and binding facts (types, required,
/// position, pipeline input, aliases, wildcards, valid values) from the cmdlet's metadata.
/// </summary>
public static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public const string WhatIfText = "Shows what would happen if the cmdlet runs. The cmdlet is not run.";
    public const string ConfirmText = "Prompts you for confirmation before running the cmdlet.";

    public static XDocument Write(IEnumerable<(CommandDoc Doc, CmdletMeta? Meta)> commands)
    {
        var root = new XElement(Msh + "helpItems",
            new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev));
        foreach (var (doc, meta) in commands.OrderBy(c => c.Doc.Name, StringComparer.Ordinal))
            root.Add(CommandElement(doc, meta));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement CommandElement(CommandDoc doc, CmdletMeta? meta)
    {
        var dash = doc.Name.IndexOf('-');
        var parameters = Parameters(doc, meta);
        var outputs = doc.Outputs.Count > 0
            ? doc.Outputs
            : (meta?.OutputTypes ?? new List<string>()).Select(t => new TypeDoc { Name = t }).ToList();
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", doc.Name),
                new XElement(Command + "verb", dash > 0 ? doc.Name.Substring(0, dash) : doc.Name),
                new XElement(Command + "noun", dash > 0 ? doc.Name.Substring(dash + 1) : ""),
                Description(Maml + "description", new[] { doc.Synopsis })),
            Description(Maml + "description", doc.Description),
            new XElement(Command + "syntax", SyntaxItems(doc.Name, meta, parameters)),
            new XElement(Command + "parameters", parameters.Select(p => ParameterElement(p, syntax: false, set: null))),
            new XElement(Command + "inputTypes", doc.Inputs.Select(t => TypeElement(Command + "inputType", t))),
            new XElement(Command + "returnValues", outputs.Select(t => TypeElement(Command + "returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(doc.Notes))),
            new XElement(Command + "examples", doc.Examples.Select((e, i) => Example(e, i + 1))),
            new XElement(Command + "relatedLinks", doc.Links.Select(l =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
    }

    /// <summary>A parameter as help shows it: the doc's text over the metadata's facts.</summary>
    public sealed class HelpParameter
    {
        public string Name { get; set; } = "";
        public List<string> Description { get; set; } = new();
        public ParameterMeta? Meta { get; set; }
        public string? DefaultValue { get; set; }
    }

    private static List<HelpParameter> Parameters(CommandDoc doc, CmdletMeta? meta)
    {
        var list = new List<HelpParameter>();
        if (meta == null)
        {
            list.AddRange(doc.Parameters.Select(p => new HelpParameter { Name = p.Name, Description = p.Description, DefaultValue = p.DefaultValue }));
            return list;
        }
        foreach (var m in meta.Parameters)
        {
            var d = doc.FindParameter(m.Name);
            list.Add(new HelpParameter { Name = m.Name, Meta = m, Description = d?.Description ?? new List<string>(), DefaultValue = d?.DefaultValue });
        }
        if (meta.SupportsShouldProcess)
        {
            foreach (var (name, alias, text) in new[] { ("WhatIf", "wi", WhatIfText), ("Confirm", "cf", ConfirmText) })
            {
                var d = doc.FindParameter(name);
                var m = new ParameterMeta { Name = name, TypeName = "System.Management.Automation.SwitchParameter" };
                m.Aliases.Add(alias);
                m.Sets.Add(new ParameterSetMeta());
                list.Add(new HelpParameter { Name = name, Meta = m, Description = d?.Description ?? new List<string> { text }, DefaultValue = d?.DefaultValue ?? "False" });
            }
        }
        return list;
    }

    private static IEnumerable<XElement> SyntaxItems(string name, CmdletMeta? meta, List<HelpParameter> parameters)
    {
        if (meta == null)
        {
            yield return new XElement(Command + "syntaxItem", new XElement(Maml + "name", name),
                parameters.Select(p => ParameterElement(p, syntax: true, set: null)));
            yield break;
        }
        var sets = meta.Parameters.SelectMany(p => p.Sets).Select(s => s.Name).Where(s => s != ParameterSetMeta.AllSets).Distinct().ToList();
        if (sets.Count == 0) sets.Add(ParameterSetMeta.AllSets);
        if (meta.DefaultParameterSet != null && sets.Remove(meta.DefaultParameterSet)) sets.Insert(0, meta.DefaultParameterSet);
        foreach (var set in sets)
        {
            var inSet = parameters
                .Select((p, index) => (p, index, s: SetFor(p.Meta!, set)))
                .Where(x => x.s != null)
                .OrderBy(x => x.s!.Position ?? int.MaxValue).ThenBy(x => x.index)
                .Select(x => ParameterElement(x.p, syntax: true, set: x.s));
            yield return new XElement(Command + "syntaxItem", new XElement(Maml + "name", name), inSet);
        }
    }

    private static ParameterSetMeta? SetFor(ParameterMeta p, string set) =>
        p.Sets.FirstOrDefault(s => s.Name == set) ?? p.Sets.FirstOrDefault(s => s.Name == ParameterSetMeta.AllSets);

    private static XElement ParameterElement(HelpParameter p, bool syntax, ParameterSetMeta? set)
    {
        var m = p.Meta;
        var sets = set != null ? new List<ParameterSetMeta> { set } : m?.Sets ?? new List<ParameterSetMeta>();
        var required = sets.Count > 0 && sets.All(s => s.Mandatory);
        var positions = sets.Select(s => s.Position).Distinct().ToList();
        var position = positions.Count == 1 && positions[0] is int pos ? pos.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named";
        var kinds = new List<string>();
        if (sets.Any(s => s.ByValue)) kinds.Add("ByValue");
        if (sets.Any(s => s.ByPropertyName)) kinds.Add("ByPropertyName");
        var pipeline = kinds.Count == 0 ? "False" : $"True ({string.Join(", ", kinds)})";
        var isSwitch = m?.IsSwitch == true;

        var e = new XElement(Command + "parameter",
            new XAttribute("required", required ? "true" : "false"),
            new XAttribute("variableLength", m != null && m.TypeName.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", m?.SupportsWildcards == true ? "true" : "false"),
            new XAttribute("pipelineInput", pipeline),
            new XAttribute("position", position),
            new XAttribute("aliases", m != null && m.Aliases.Count > 0 ? string.Join(", ", m.Aliases) : "none"),
            new XElement(Maml + "name", p.Name),
            Description(Maml + "description", p.Description));
        if (m == null) return e;

        if (syntax && m.ValidateSet.Count > 0)
        {
            e.Add(new XElement(Command + "parameterValueGroup", m.ValidateSet.Select(v =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))));
        }
        else if (!(syntax && isSwitch))
        {
            e.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", isSwitch ? "false" : "true"),
                new XAttribute("variableLength", m.TypeName.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
                m.ShortTypeName));
        }
        e.Add(new XElement(Dev + "type", new XElement(Maml + "name", m.TypeName), new XElement(Maml + "uri")));
        e.Add(new XElement(Dev + "defaultValue", p.DefaultValue ?? (isSwitch ? "False" : "None")));
        return e;
    }

    private static XElement TypeElement(XName name, TypeDoc t) =>
        new(name,
            new XElement(Dev + "type", new XElement(Maml + "name", t.Name), new XElement(Maml + "uri")),
            Description(Maml + "description", t.Description));

    private static XElement Example(ExampleDoc e, int number)
    {
        var title = e.Title.StartsWith("Example", StringComparison.OrdinalIgnoreCase) ? e.Title : $"Example {number}: {e.Title}";
        return new XElement(Command + "example",
            new XElement(Maml + "title", $"-------------------------- {title} --------------------------"),
            new XElement(Maml + "introduction", Paras(e.Introduction)),
            new XElement(Dev + "code", e.Code),
            new XElement(Dev + "remarks", Paras(e.Remarks)));
    }

    private static XElement Description(XName name, IEnumerable<string> paragraphs) => new(name, Paras(paragraphs));

    private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));
}
