using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using YamlDotNet.RepresentationModel;

namespace ModelLedger.Module.Tests;

/// <summary>
/// examples/azure-pipelines.consumer.yml, read as YAML: a service repository's pipeline that gates with the module
/// installed from a feed, never with this repository's files, and takes its approval from an environment.
/// </summary>
public class ConsumerPipelineTests
{
    private static readonly string PipelineFile = Repo.File("examples", "azure-pipelines.consumer.yml");
    private static readonly string[] ScriptKeys = { "script", "pwsh", "powershell", "bash" };

    private static YamlMappingNode Root()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(PipelineFile);
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlMappingNode> Mappings(YamlNode root) => root.AllNodes.OfType<YamlMappingNode>();

    /// <summary>Every step of every job (the items of each steps: list).</summary>
    private static IEnumerable<YamlMappingNode> Steps(YamlNode root) =>
        Mappings(root).Select(m => Child(m, "steps")).OfType<YamlSequenceNode>().SelectMany(s => s.Children.OfType<YamlMappingNode>());

    /// <summary>Each step that runs code, with the code: a PowerShell task's inline script, or a script shortcut.</summary>
    private static List<(YamlMappingNode Step, string Code)> CodeSteps(YamlNode root)
    {
        var steps = new List<(YamlMappingNode, string)>();
        foreach (var step in Steps(root))
        {
            if ((Text(step, "task") ?? "").StartsWith("PowerShell@", StringComparison.Ordinal) && Child(step, "inputs") is YamlMappingNode inputs)
            {
                Assert.True(Text(inputs, "filePath") == null, "a PowerShell task names a file in this repository: " + Text(inputs, "filePath"));
                steps.Add((step, Text(inputs, "script") ?? ""));
            }
            foreach (var key in ScriptKeys.Where(k => Text(step, k) != null))
                steps.Add((step, Text(step, key)!));
        }
        return steps;
    }

    private static Dictionary<string, string> Variables(YamlMappingNode root) =>
        ((YamlSequenceNode)Child(root, "variables")!).Children.OfType<YamlMappingNode>().Where(v => Text(v, "name") != null)
            .ToDictionary(v => Text(v, "name")!, v => Text(v, "value") ?? "");

    /// <summary>The one call of release-gate.ps1 in the pipeline's scripts, parsed by PowerShell's own parser.</summary>
    private static (YamlMappingNode Step, CommandAst Call) GateCall(YamlNode root)
    {
        var calls = new List<(YamlMappingNode, CommandAst)>();
        foreach (var (step, code) in CodeSteps(root))
        {
            var ast = Parser.ParseInput(code, out _, out var errors);
            Assert.True(errors.Length == 0, "a script does not parse: " + string.Join("; ", errors.Select(e => e.Message)) + "\n" + code);
            calls.AddRange(ast.FindAll(a => a is CommandAst c && c.CommandElements[0].Extent.Text.Contains("release-gate.ps1", StringComparison.Ordinal), true)
                .Cast<CommandAst>().Select(c => (step, c)));
        }
        return Assert.Single(calls);
    }

    /// <summary>-Name value pairs of a call (a switch maps to null), values unquoted.</summary>
    private static Dictionary<string, string?> Arguments(CommandAst call)
    {
        var args = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var elements = call.CommandElements;
        for (var i = 1; i < elements.Count; i++)
        {
            if (elements[i] is not CommandParameterAst p) continue;
            var value = p.Argument ?? (i + 1 < elements.Count && elements[i + 1] is not CommandParameterAst ? elements[++i] : null);
            args.Add(p.ParameterName, value is StringConstantExpressionAst s ? s.Value : value?.Extent.Text);
        }
        return args;
    }

    [Fact]
    public void ItGatesWithTheModuleInstalledFromTheFeedNeverWithThisRepositorysFiles()
    {
        var raw = File.ReadAllText(PipelineFile);
        var root = Root();
        foreach (var text in new[] { raw }.Concat(root.AllNodes.OfType<YamlScalarNode>().Select(s => s.Value ?? "")))
            foreach (var local in new[] { "../ModelLedger.psd1", "examples/data", "CometModelOps.sln" })
                Assert.DoesNotContain(local, text);

        var install = Assert.Single(CodeSteps(root), s => s.Code.Contains("Install-PSResource", StringComparison.Ordinal)).Code;
        var installCall = (CommandAst)Parser.ParseInput(install, out _, out _).Find(a => a is CommandAst c && c.GetCommandName() == "Install-PSResource", true)!;
        var installArgs = Arguments(installCall);
        Assert.Equal("ModelLedger", installArgs["Name"]);
        var feed = System.Text.RegularExpressions.Regex.Match(installArgs["Repository"] ?? "", @"^\$\((\w+)\)$");
        Assert.True(feed.Success && Variables(root).ContainsKey(feed.Groups[1].Value), "-Repository is not a pipeline variable: " + installArgs["Repository"]);

        var (_, gate) = GateCall(root);
        Assert.Contains("$($module.ModuleBase)/examples/release-gate.ps1", gate.CommandElements[0].Extent.Text);
        var gateCode = Assert.Single(CodeSteps(root), s => s.Code.Contains("release-gate.ps1", StringComparison.Ordinal)).Code;
        Assert.Contains("Get-Module ModelLedger -ListAvailable", gateCode);
    }

    [Fact]
    public void EveryParameterPassedToTheReleaseGateIsOneOfItsParametersAndTheBaselineIsTheWorktree()
    {
        var declared = Parser.ParseFile(Repo.File("examples", "release-gate.ps1"), out _, out var errors).ParamBlock.Parameters
            .Select(p => p.Name.VariablePath.UserPath).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Empty(errors);
        Assert.Contains("BaselineLedgerPath", declared);

        var root = Root();
        var (_, gate) = GateCall(root);
        var args = Arguments(gate);
        foreach (var name in args.Keys)
            Assert.True(declared.Contains(name), $"release-gate.ps1 has no parameter -{name}");

        var variables = Variables(root);
        Assert.Equal("$(Build.SourcesDirectory)", args["ConfigRoot"]);
        Assert.Equal("$(baselineRoot)", args["BaselineConfigRoot"]);
        Assert.StartsWith("$(baselineRoot)/", args["BaselineLedgerPath"], StringComparison.Ordinal);
        Assert.Equal(args["LedgerPath"]!.Replace("$(Build.SourcesDirectory)", "$(baselineRoot)", StringComparison.Ordinal), args["BaselineLedgerPath"]);
        Assert.True(args.ContainsKey("Live") || args.ContainsKey("SnapshotPath"), "the gate has no models list");

        var worktree = Assert.Single(CodeSteps(root), s => s.Code.Contains("git worktree add", StringComparison.Ordinal)).Code;
        Assert.Contains("'$(baselineRoot)' '$(previousReleaseRef)'", worktree);
        Assert.True(variables.ContainsKey("baselineRoot") && variables.ContainsKey("previousReleaseRef"));

        var publish = Assert.Single(Mappings(root), m => Text(m, "task") == "PublishTestResults@2");
        var inputs = (YamlMappingNode)Child(publish, "inputs")!;
        Assert.Equal("JUnit", Text(inputs, "testResultsFormat"));
        Assert.Equal(args["JUnitPath"], Text(inputs, "testResultsFiles"));
        Assert.Equal("succeededOrFailed()", Text(publish, "condition"));   // a blocked gate still shows why
    }

    [Fact]
    public void TheReleaseWaitsForAnEnvironmentApprovalAfterTheGateNeverForTheRequestersName()
    {
        var raw = File.ReadAllText(PipelineFile);
        Assert.DoesNotContain("RequestedFor", raw, StringComparison.OrdinalIgnoreCase);

        var root = Root();
        var stages = ((YamlSequenceNode)Child(root, "stages")!).Children.Cast<YamlMappingNode>().ToList();
        var gateStage = Assert.Single(stages, s => s.AllNodes.OfType<YamlScalarNode>().Any(n => (n.Value ?? "").Contains("release-gate.ps1", StringComparison.Ordinal)));
        var releaseStage = Assert.Single(stages, s => Mappings(s).Any(m => Child(m, "deployment") != null));
        var deployment = Mappings(releaseStage).Single(m => Child(m, "deployment") != null);

        var environment = Child(deployment, "environment");
        var environmentName = environment is YamlMappingNode e ? Text(e, "name") : (environment as YamlScalarNode)?.Value;
        Assert.False(string.IsNullOrWhiteSpace(environmentName), "the deployment job names no environment");
        Assert.NotNull(Child(deployment, "strategy"));
        Assert.Equal(Text(gateStage, "stage"), Text(releaseStage, "dependsOn"));
        Assert.Equal("succeeded()", Text(releaseStage, "condition"));
        Assert.DoesNotContain(Mappings(gateStage), m => Child(m, "deployment") != null);   // the gate itself never waits for approval
    }

    [Fact]
    public void TheKeyIsMappedFromASecretIntoTheGatesEnvironmentAndNoScriptHoldsIt()
    {
        var root = Root();
        var variableList = ((YamlSequenceNode)Child(root, "variables")!).Children.OfType<YamlMappingNode>().ToList();
        Assert.Contains(variableList, v => Text(v, "group") != null);   // where the secret lives
        Assert.DoesNotContain(variableList, v => (Text(v, "name") ?? "").StartsWith("COMETAPI_API_KEY", StringComparison.Ordinal));

        var (gateStep, _) = GateCall(root);
        var env = Assert.IsType<YamlMappingNode>(Child(gateStep, "env"));
        Assert.Equal("$(COMETAPI_API_KEY)", Text(env, "COMETAPI_API_KEY"));

        foreach (var (_, code) in CodeSteps(root))
            foreach (var line in code.Split('\n'))
                Assert.False(line.Contains("COMETAPI_API_KEY", StringComparison.Ordinal), "a script line names the key: " + line);

        // The secret's macro appears only as an env value, never in a script, input or display name.
        var envValues = Mappings(root).Select(m => Child(m, "env")).OfType<YamlMappingNode>().SelectMany(m => m.Children.Values).ToHashSet();
        foreach (var scalar in root.AllNodes.OfType<YamlScalarNode>().Where(s => (s.Value ?? "").Contains("$(COMETAPI_API_KEY", StringComparison.Ordinal)))
            Assert.True(envValues.Contains(scalar), $"the key's variable is used outside env: line {scalar.Start.Line}");
    }
}
