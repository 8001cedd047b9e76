using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ModelLedger.Module.Tests;

/// <summary>Two real pwsh processes editing one ledger at the same time: every edit lands, and the file stays valid JSON with its comment.</summary>
public class ConcurrentEditorTests
{
    [Fact]
    public void TwoEditorsInParallelLoseNoEdit()
    {
        using var dir = new TempDir();
        var ledger = dir.Write("ledger.json", "// shared ledger\n{\n  \"schemaVersion\": 1,\n  \"entries\": [\n    {\n      \"service\": \"base\",\n      \"owner\": \"team\"\n    }\n  ]\n}\n");
        const string body = @"
foreach ($i in 1..12) {
    Add-ModelLedgerEntry -Path $Ledger -Service ""$Name-$i"" -CurrentModelId ""m-$i"" -Owner $Name -LockWaitSec 60
    Set-ModelLedgerEntry -Path $Ledger -Service base -Notes ""$Name $i"" -LockWaitSec 60
}
'done'
";
        var editors = new[] { "alpha", "beta" }.Select(name => Task.Run(() => RealPwsh.Run(dir, "param($Ledger, $Name)", body, "-Ledger", ledger, "-Name", name))).ToArray();
        Task.WaitAll(editors);
        foreach (var e in editors) Assert.True(e.Result.Code == 0 && e.Result.Out.Contains("done"), e.Result.Out + e.Result.Err);

        using var ps = new PowerShellHarness();
        var services = ps.Run("Get-ModelLedger $p | ForEach-Object Service", new() { ["p"] = ledger }).Output.Select(o => (string)o.BaseObject).ToList();
        var expected = new List<string> { "base" };
        foreach (var name in new[] { "alpha", "beta" }) expected.AddRange(Enumerable.Range(1, 12).Select(i => $"{name}-{i}"));
        Assert.Equal(expected.OrderBy(s => s), services.OrderBy(s => s));
        Assert.StartsWith("// shared ledger\n", File.ReadAllText(ledger));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.Contains(".mltmp-"));
    }
}
