using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelLedger.Module.Tests;

/// <summary>The default response cap the help and README state is the one the code applies.</summary>
public class ResponseCapDocumentationTests
{
    [Fact]
    public void HelpReadmeAndCodeStateTheSameDefaultResponseCap()
    {
        using var ps = new PowerShellHarness();
        // The core is internal (only the output types, errors and what the views call are public): read the constant by reflection.
        var run = ps.Run("[ModelLedger.ErrorIds].Assembly.GetType('ModelLedger.Client.CometApiRequestOptions', $true).GetField('DefaultMaximumResponseBytes').GetValue($null); " +
                         "(Get-Command Get-CometModel).ImplementingType::new().MaximumResponseBytes; " +
                         "(Get-Help Get-CometModel -Parameter MaximumResponseBytes).defaultValue");
        Assert.Empty(run.AllErrors);
        var code = (long)run.Output[0].BaseObject;
        Assert.Equal(code, (long)run.Output[1].BaseObject);
        var help = run.Output[2].BaseObject.ToString()!;
        Assert.StartsWith(code.ToString(System.Globalization.CultureInfo.InvariantCulture), help);
        Assert.Contains($"({code / (1024 * 1024)} MiB)", help);

        var doc = File.ReadAllText(Repo.File("docs", "help", "Get-CometModel.md"));
        var stated = Regex.Matches(doc, @"Default(?: value)?: (\d+) \((\d+) MiB\)").Select(m => m.Groups).ToList();
        Assert.NotEmpty(stated);
        Assert.All(stated, g => Assert.Equal(code, long.Parse(g[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains($"default {code / (1024 * 1024)} MiB", File.ReadAllText(Repo.File("README.md")));
    }
}
