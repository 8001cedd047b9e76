using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace ModelLedger.HelpBuilder.Tests;

public sealed class GeneratorTests : IDisposable
{
    private static readonly XNamespace Maml = MamlWriter.Maml;
    private static readonly XNamespace Command = MamlWriter.Command;
    private static readonly XNamespace Dev = MamlWriter.Dev;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mlhelp-" + Guid.NewGuid().ToString("N"));

    public GeneratorTests() => Directory.CreateDirectory(Path.Combine(_dir, "docs"));

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private static string CmdletAssembly => Path.Combine(RepoRoot(), "module", "ModelLedger.dll");

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CometModelOps.sln"))) return d.FullName;
        throw new InvalidOperationException("CometModelOps.sln not found");
    }

    private string Docs => Path.Combine(_dir, "docs");
    private string Output => Path.Combine(_dir, "en-US", "ModelLedger.dll-Help.xml");

    private (int Code, string Log) Generate(string? assembly = null)
    {
        var log = new StringWriter();
        var code = Program.Run(assembly == null ? new[] { Docs, Output } : new[] { Docs, Output, "--assembly", assembly }, log);
        return (code, log.ToString());
    }

    [Fact]
    public void MetadataReaderReadsTheRealCmdletAssembly()
    {
        var cmdlets = CmdletMetadataReader.Read(CmdletAssembly);

        var get = cmdlets.Single(c => c.Name == "Get-ModelLedger");
        Assert.Equal("Path", get.DefaultParameterSet);
        Assert.Contains("ModelLedger.LedgerEntry", get.OutputTypes);
        var path = get.Parameters.Single(p => p.Name == "Path");
        Assert.Equal("System.String[]", path.TypeName);
        Assert.Equal("String[]", path.ShortTypeName);
        Assert.True(path.SupportsWildcards);
        var set = Assert.Single(path.Sets);
        Assert.Equal(("Path", true, (int?)0, true, true), (set.Name, set.Mandatory, set.Position, set.ByValue, set.ByPropertyName));
        Assert.Equal(new[] { "PSPath", "FullName", "LP" }, get.Parameters.Single(p => p.Name == "LiteralPath").Aliases);

        var gate = cmdlets.Single(c => c.Name == "Test-ModelLedger");
        Assert.True(gate.SupportsShouldProcess);
        Assert.Equal(new[] { "JUnit", "Markdown" }, gate.Parameters.Single(p => p.Name == "OutputFormat").ValidateSet);
        Assert.Equal("System.DateTimeOffset", gate.Parameters.Single(p => p.Name == "AsOf").TypeName); // DateTimeOffset? unwrapped
        Assert.True(gate.Parameters.Single(p => p.Name == "Quiet").IsSwitch);
        Assert.Equal(2, gate.Parameters.Single(p => p.Name == "Path").Sets.Count);
        Assert.Contains("System.Boolean", gate.OutputTypes);
    }

    [Fact]
    public void WritesMamlWithSyntaxFromMetadataAndTextFromMarkdown()
    {
        File.Copy(Path.Combine(RepoRoot(), "docs", "help", "Test-ModelLedger.md"), Path.Combine(Docs, "Test-ModelLedger.md"));
        var (code, log) = Generate(CmdletAssembly);

        Assert.True(code == 0, log);
        var command = XDocument.Load(Output).Root!.Elements(Command + "command").Single();
        Assert.Equal("Test-ModelLedger", command.Element(Command + "details")!.Element(Command + "name")!.Value);
        Assert.StartsWith("The release gate", command.Element(Command + "details")!.Element(Maml + "description")!.Value);

        var syntax = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(4, syntax.Count);
        var first = syntax[0].Elements(Command + "parameter").ToList();
        Assert.Equal(new[] { "Path", "SnapshotPath" }, first.Take(2).Select(p => p.Element(Maml + "name")!.Value)); // positional first
        Assert.Contains(first, p => p.Element(Maml + "name")!.Value == "WhatIf");
        var quiet = first.Single(p => p.Element(Maml + "name")!.Value == "Quiet");
        Assert.Null(quiet.Element(Command + "parameterValue")); // a switch shows as [-Quiet]
        var format = first.Single(p => p.Element(Maml + "name")!.Value == "OutputFormat");
        Assert.Equal(new[] { "JUnit", "Markdown" }, format.Element(Command + "parameterValueGroup")!.Elements().Select(e => e.Value));

        var parameters = command.Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
        var age = parameters.Single(p => p.Element(Maml + "name")!.Value == "MaxSnapshotAge");
        Assert.Equal("1.00:00:00 (24 hours)", age.Element(Dev + "defaultValue")!.Value);
        var input = parameters.Single(p => p.Element(Maml + "name")!.Value == "InputObject");
        Assert.Equal(("true", "True (ByValue)", "named"), (input.Attribute("required")!.Value, input.Attribute("pipelineInput")!.Value, input.Attribute("position")!.Value));
        Assert.All(parameters, p => Assert.NotEmpty(p.Element(Maml + "description")!.Elements(Maml + "para")));

        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.True(examples.Count >= 2);
        Assert.All(examples, e => Assert.Contains("Test-ModelLedger", e.Element(Dev + "code")!.Value));
        Assert.Contains("ModelLedger.LedgerFinding", command.Element(Command + "returnValues")!.Value);
    }

    [Fact]
    public void AMalformedDocFailsNamingTheFileAndWritesNothing()
    {
        File.WriteAllText(Path.Combine(Docs, "Get-ModelLedger.md"), "# Get-ModelLedger\n## DESCRIPTION\nText.\n## EXAMPLES\n### Example 1: x\n```powershell\nGet-ModelLedger\n```\n");
        File.WriteAllText(Path.Combine(Docs, "Get-Other.md"), "# Get-Other\n## SYNOPSIS\nx\n## DESCRIPTION\nText.\n## EXAMPLES\n### Example 1: x\nno code\n");
        var (code, log) = Generate(CmdletAssembly);

        Assert.Equal(1, code);
        Assert.Contains(Path.Combine(Docs, "Get-ModelLedger.md") + "(1): error MLHELP001: Get-ModelLedger has no SYNOPSIS", log);
        Assert.Contains("error MLHELP001", log);
        Assert.Contains("has no code", log); // every bad file is reported, not only the first
        Assert.DoesNotContain("Get-ModelLedger has no help doc", log); // a broken doc is not also reported as a missing one
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void ADocumentedParameterTheCmdletDoesNotHaveIsAnError()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "help", "Get-ModelLedger.md"))
            .Replace("## INPUTS", "### -Servce\nTypo.\n\n## INPUTS");
        File.WriteAllText(Path.Combine(Docs, "Get-ModelLedger.md"), doc);
        var (code, log) = Generate(CmdletAssembly);

        Assert.Equal(1, code);
        Assert.Contains("Get-ModelLedger has no parameter -Servce", log);
    }

    [Fact]
    public void UndocumentedParametersAndCmdletsAreWarnings()
    {
        File.WriteAllText(Path.Combine(Docs, "Get-ModelLedger.md"),
            "# Get-ModelLedger\n## SYNOPSIS\nx\n## DESCRIPTION\ny\n## EXAMPLES\n### Example 1: a\n```powershell\nGet-ModelLedger x.json\n```\n## PARAMETERS\n### -Path\nThe file.\n");
        File.WriteAllText(Path.Combine(Docs, "README.md"), "Not cmdlet help: no Verb-Noun name.");
        var (code, log) = Generate(CmdletAssembly);

        Assert.True(code == 0, log);
        Assert.Contains("warning MLHELP002: Get-ModelLedger -Service is not documented", log);
        Assert.Contains("warning MLHELP004: Get-CometModel has no help doc", log);
        Assert.DoesNotContain("README", log);
        var parameters = XDocument.Load(Output).Descendants(Command + "parameters").Single().Elements().Select(p => p.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "Path", "LiteralPath", "Service" }, parameters); // undocumented ones still get syntax and binding facts
    }

    [Fact]
    public void BadArgumentsAreExitCodeTwo()
    {
        Assert.Equal(2, Program.Run(new[] { Docs }, new StringWriter()));
        Assert.Equal(2, Program.Run(new[] { Path.Combine(_dir, "missing"), Output }, new StringWriter()));
    }
}
