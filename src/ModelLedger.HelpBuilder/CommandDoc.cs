using System;
using System.Collections.Generic;

namespace ModelLedger.HelpBuilder;

/// <summary>One cmdlet's help as written in docs/help/&lt;Verb-Noun&gt;.md.</summary>
public sealed class CommandDoc
{
    public string Name { get; set; } = "";
    public string FilePath { get; set; } = "";
    public string Synopsis { get; set; } = "";
    public List<string> Description { get; } = new();
    public List<ExampleDoc> Examples { get; } = new();
    public List<ParameterDoc> Parameters { get; } = new();
    public List<TypeDoc> Inputs { get; } = new();
    public List<TypeDoc> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<LinkDoc> Links { get; } = new();

    public ParameterDoc? FindParameter(string name) =>
        Parameters.Find(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

public sealed class ParameterDoc
{
    public string Name { get; set; } = "";
    public int Line { get; set; }
    public List<string> Description { get; } = new();

    /// <summary>From an optional platyPS yaml block ("Default value: 30"); null when not stated.</summary>
    public string? DefaultValue { get; set; }
}

public sealed class ExampleDoc
{
    public string Title { get; set; } = "";
    public int Line { get; set; }
    public string Code { get; set; } = "";
    public List<string> Introduction { get; } = new();
    public List<string> Remarks { get; } = new();
}

public sealed class TypeDoc
{
    public string Name { get; set; } = "";
    public List<string> Description { get; } = new();
}

public sealed class LinkDoc
{
    public string Text { get; set; } = "";
    public string Uri { get; set; } = "";
}

/// <summary>A doc that cannot become help. The message names the file and line, as compilers do, so MSBuild shows it as an error.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException(string filePath, int line, string message) : base(message)
    {
        FilePath = filePath;
        Line = line;
    }

    public string FilePath { get; }
    public int Line { get; }

    /// <summary>The canonical "file(line): error CODE: message" form MSBuild's Exec task turns into a build error.</summary>
    public string ToBuildMessage() => $"{FilePath}({Math.Max(Line, 1)}): error MLHELP001: {Message}";
}
