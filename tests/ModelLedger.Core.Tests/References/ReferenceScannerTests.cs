using System.IO;
using System.Linq;
using ModelLedger.References;

namespace ModelLedger.Core.Tests.References;

public class ReferenceScannerTests
{
    private static readonly string[] Ids = { "gpt-4o", "gpt-4o-mini", "gpt-4o-2024-08-06", "gpt-5", "gpt-5.4-mini", "openai/o3", "ft:gpt-4o:acme" };

    private static string[] Found(string text, params string[] ids)
    {
        using var t = new TempFiles();
        var p = t.Write("f.txt", text);
        return new ReferenceScanner(ids.Length == 0 ? Ids : ids, null).Scan(p, t.Dir).Select(r => r.ModelId).ToArray();
    }

    [Theory]
    [InlineData("model: gpt-4o-mini", new[] { "gpt-4o-mini" })]
    [InlineData("model: gpt-4o-2024-08-06", new[] { "gpt-4o-2024-08-06" })]
    [InlineData("\"openai/gpt-4o-2024-08-06\"", new[] { "gpt-4o-2024-08-06" })]
    [InlineData("we use gpt-4o.", new[] { "gpt-4o" })]
    [InlineData("gpt-5.4-mini and gpt-5", new[] { "gpt-5.4-mini", "gpt-5" })]
    [InlineData("my_gpt-4o or gpt-4o_x or xgpt-4o", new string[0])]
    [InlineData("provider openai/o3 and o3 alone", new[] { "openai/o3" })]
    [InlineData("MODEL=ft:gpt-4o:acme", new[] { "ft:gpt-4o:acme", "gpt-4o" })]
    [InlineData("GPT-4o", new string[0])]
    public void IdsAreFoundOnlyAsWholeTokens(string text, string[] expected) => Assert.Equal(expected, Found(text));

    [Fact]
    public void LinesColumnsAndTextPointAtTheHit()
    {
        using var t = new TempFiles();
        var p = t.Write("f.txt", "first line\r\n  x = \"gpt-4o\"\r\n");
        var r = Assert.Single(new ReferenceScanner(Ids, null).Scan(p, t.Dir));
        Assert.Equal((2, 8), (r.Line, r.Column));
        Assert.Equal("  x = \"gpt-4o\"", r.Text);
    }

    [Fact]
    public void LedgerRolesAliasesAndCaseVariantsAreReported()
    {
        using var t = new TempFiles();
        var p = t.Write("f.md", "gpt-4o-2024-08-06 gpt-4o GPT-4O-2024-08-06");
        var ledger = new[] { new LedgerEntry { Service = "router", CurrentModelId = "gpt-4o-2024-08-06" } };
        var refs = new ReferenceScanner(Ids, ledger).Scan(p, t.Dir).ToList();
        Assert.Equal(3, refs.Count);
        Assert.True(refs[0].InLedger);
        Assert.Equal("router current", refs[0].LedgerRole);
        Assert.Equal(("gpt-4o", false, "gpt-4o-2024-08-06"), (refs[1].ModelId, refs[1].InLedger, refs[1].NearMissOf));
        Assert.Equal(("GPT-4O-2024-08-06", false, "gpt-4o-2024-08-06"), (refs[2].ModelId, refs[2].InLedger, refs[2].NearMissOf));
    }

    [Fact]
    public void BinaryAndOversizeFilesAreSkipped()
    {
        using var t = new TempFiles();
        File.WriteAllBytes(t.PathOf("b.dll"), new byte[] { 77, 90, 0, 0, (byte)'g', (byte)'p', (byte)'t', (byte)'-', (byte)'5' });
        var scanner = new ReferenceScanner(Ids, null) { MaxFileBytes = 20 };
        Assert.Empty(scanner.Scan(t.PathOf("b.dll"), t.Dir));
        Assert.Equal("binary", scanner.SkipReason);
        Assert.Empty(scanner.Scan(t.Write("big.txt", new string(' ', 30) + "gpt-5"), t.Dir));
        Assert.StartsWith("larger than", scanner.SkipReason);
    }

    [Fact]
    public void SkippedFoldersAreNotWalked()
    {
        using var t = new TempFiles();
        foreach (var d in new[] { ".git", "bin", "obj", "node_modules", "src" }) Directory.CreateDirectory(Path.Combine(t.Dir, d));
        foreach (var d in new[] { ".git", "bin", "obj", "node_modules", "src" }) File.WriteAllText(Path.Combine(t.Dir, d, "f.txt"), "gpt-5");
        Assert.Equal(new[] { Path.Combine(t.Dir, "src", "f.txt") }, RepositoryFiles.Under(t.Dir).ToArray());
    }

    [Fact]
    public void ConfigRefsPointAtWholeScalarsInJsonYamlAndDotEnv()
    {
        using var t = new TempFiles();
        Directory.CreateDirectory(Path.Combine(t.Dir, "deploy"));
        var json = t.Write("deploy/app.json", "{ // c\n \"Llm\": { \"Model\": \"gpt-4o\", \"Note\": \"use gpt-5 here\", \"List\": [\"x\", \"openai/gpt-5\"], \"a.b\": \"gpt-4o-mini\" } }");
        var yaml = t.Write("deploy/c.yaml", "model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-5.4-mini\n  - model_name: b\n    litellm_params:\n      model: \"gpt-4o\"\n");
        var multi = t.Write("deploy/m.yml", "llm:\n  model: gpt-5\n---\nllm:\n  model: gpt-4o\n");
        var env = t.Write("deploy/.env", "export MODEL=gpt-4o\nTWICE=gpt-5\nTWICE=gpt-5\nQ='gpt-4o-mini' # quoted\n");
        var scanner = new ReferenceScanner(Ids, null);
        string?[] Refs(string p) => scanner.Scan(p, t.Dir).Select(r => r.ConfigRef).ToArray();
        Assert.Equal(new[] { "deploy/app.json#Llm.Model", null, "deploy/app.json#Llm.List.1#openai/{id}", "deploy/app.json#Llm.\"a.b\"" }, Refs(json));
        Assert.Equal(new[] { "deploy/c.yaml#model_list[model_name=a].litellm_params.model#openai/{id}", "deploy/c.yaml#model_list[model_name=b].litellm_params.model" }, Refs(yaml));
        Assert.Equal(new[] { "deploy/m.yml@0#llm.model", "deploy/m.yml@1#llm.model" }, Refs(multi));
        Assert.Equal(new[] { "deploy/.env#MODEL", null, null, "deploy/.env#Q" }, Refs(env));
    }
}
