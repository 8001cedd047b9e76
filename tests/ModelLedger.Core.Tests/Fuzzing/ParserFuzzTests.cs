using System.Linq;
using System.Text;
using ModelLedger.Ledger;
using ModelLedger.Snapshots;
using Xunit.Abstractions;

namespace ModelLedger.Core.Tests.Fuzzing;

/// <summary>
/// Bounded fuzzing of every file reader. CI tries 20,000 inputs per reader in a few seconds; the long run is
///   MODELLEDGER_FUZZ_ITERATIONS=1000000 dotnet test tests/ModelLedger.Core.Tests --filter Category=Fuzz
/// (MODELLEDGER_FUZZ_SEED picks another seed). The only errors allowed out are LedgerInvalid, SnapshotInvalid,
/// CometApiSchemaMismatch (the model-list reader) and the dry run's config errors.
/// </summary>
[Trait("Category", "Fuzz")]
public class ParserFuzzTests
{
    private const int CiIterations = 20_000;
    private readonly ITestOutputHelper _output;

    public ParserFuzzTests(ITestOutputHelper output) => _output = output;

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static readonly byte[][] JsonLedgers =
    {
        Utf8("{\n  \"schemaVersion\": 1,\n  \"entries\": [\n    { \"service\": \"support-router\", \"useCase\": \"Intent classification\", \"currentModelId\": \"gpt-4o-2024-08-06\", \"rollbackModelId\": \"gpt-4o-2024-05-13\", \"emergencyAlternative\": null, \"owner\": \"platform-ai\", \"rollbackOwner\": \"sre-oncall\", \"lastValidated\": \"2026-05-10T09:30:00Z\", \"validationMethod\": \"models snapshot\", \"changeRef\": \"CHG-1042\", \"notes\": \"keep \\\"rollback\\\" \\u00e9\" },\n    { \"service\": \"report-writer\", \"currentModelId\": \"gpt-5.1\", \"rollbackModelId\": \"\", \"owner\": \"data\" }\n  ]\n}\n"),
        Utf8("// comment\n{ \"schemaVersion\": 1, \"entries\": [ { \"Service\": \"a\", \"LastValidated\": \"2026-05-10\", }, ], }"),
    };

    private static readonly byte[][] CsvLedgers =
    {
        Utf8("service,useCase,currentModelId,rollbackModelId,emergencyAlternative,owner,rollbackOwner,lastValidated,validationMethod,changeRef,notes\r\nsupport-router,Intent,gpt-4o-2024-08-06,gpt-4o-2024-05-13,,platform-ai,sre,2026-05-10,snapshot,CHG-1,\"a, \"\"b\"\"\nc\"\r\n"),
        Utf8("#TYPE ModelLedger.LedgerEntry\n\"Service\",\"CurrentModelId\",\"RollbackModelId\",\"Owner\"\n\"a\",\"m1\",\"m0\",\"t\"\n\n"),
    };

    private static readonly byte[][] Snapshots =
    {
        SnapshotWriter.ToUtf8(new ModelSnapshot
        {
            CapturedAt = new System.DateTimeOffset(2026, 11, 24, 8, 0, 0, System.TimeSpan.Zero),
            Source = "https://api.cometapi.com/v1/models",
            CredentialLabel = "production",
            ResponseSha256 = new string('0', 64),
            Models =
            {
                new CometModel { Id = "gpt-5.4-mini", OwnedBy = "openai", Created = System.DateTimeOffset.FromUnixTimeSeconds(1626777600), Object = "model" },
                new CometModel { Id = "gpt-5.4-mini-2026-03-17" },
            },
        }),
    };

    private static readonly byte[][] ModelLists =
    {
        Utf8("{\"success\":true,\"data\":[{\"id\":\"gpt-5.4-mini\",\"object\":\"model\",\"created\":1626777600,\"owned_by\":\"openai\",\"supported_endpoint_types\":[\"openai\"]},{\"id\":\"claude-haiku-4-5-20251001\",\"owned_by\":\"anthropic\"}],\"object\":\"list\"}"),
        Utf8("{\"object\":\"list\",\"data\":[{\"id\":\"a\",\"created\":1700000000}],\"has_more\":false,\"links\":{\"next\":null}}"),
    };

    private static readonly byte[][] StagingConfigs =
    {
        Utf8("{\n  // staging\n  \"llm\": { \"chat\": { \"model\": \"gpt-5.4-mini-2026-03-17\", \"temperature\": 0.1, }, },\n  \"routes\": [ { \"model\": \"x\" } ]\n}\n"),
    };

    private void Check(FuzzOutcome outcome)
    {
        _output.WriteLine(outcome.ToString());
        Assert.True(outcome.Failures.Count == 0, string.Join("\n", outcome.Failures.Where(f => f.Length > 0)));
        // A mutator that never produced a parseable input, or never a rejected one, would prove nothing.
        Assert.True(outcome.Accepted > 0, "no mutated input parsed: " + outcome);
        Assert.True(outcome.Rejected > outcome.Tried / 4, "too few inputs were rejected: " + outcome);
    }

    [Fact]
    public void JsonLedgerReaderOnlyEverRaisesLedgerInvalid() =>
        Check(FuzzRun.Run("ledger.json", JsonLedgers, b => LedgerReader.Parse("fuzz.json", b), new[] { ErrorIds.LedgerInvalid }, FuzzRun.Iterations(CiIterations), FuzzRun.Seed));

    [Fact]
    public void CsvLedgerReaderOnlyEverRaisesLedgerInvalid() =>
        Check(FuzzRun.Run("ledger.csv", CsvLedgers, b => LedgerReader.Parse("fuzz.csv", b), new[] { ErrorIds.LedgerInvalid }, FuzzRun.Iterations(CiIterations), FuzzRun.Seed + 1));

    [Fact]
    public void SnapshotReaderOnlyEverRaisesSnapshotInvalid() =>
        Check(FuzzRun.Run("snapshot", Snapshots, b => SnapshotReader.Parse("fuzz-snapshot.json", b), new[] { ErrorIds.SnapshotInvalid }, FuzzRun.Iterations(CiIterations), FuzzRun.Seed + 2));

    [Fact]
    public void ModelListParserOnlyEverRaisesCometApiSchemaMismatch() =>
        Check(FuzzRun.Run("models list", ModelLists, b => ModelLedger.Client.ModelListParser.Parse(b, "https://api.cometapi.com/v1/models"), new[] { ErrorIds.CometApiSchemaMismatch }, FuzzRun.Iterations(CiIterations), FuzzRun.Seed + 3));

    [Fact]
    public void DryRunConfigLocatorOnlyEverRaisesItsConfigErrors() =>
        Check(FuzzRun.Run("staging config", StagingConfigs, b => ModelLedger.Config.ConfigFile.Parse("fuzz.json", b, ModelLedger.Config.ConfigFormat.Json).Locate(null, ModelLedger.Config.ConfigKeyPath.Parse("llm.chat.model")).RequireString(),
            new[] { ErrorIds.DryRunConfigInvalid, ErrorIds.DryRunConfigKeyNotFound }, FuzzRun.Iterations(CiIterations), FuzzRun.Seed + 4));

    [Fact]
    public void MutatorIsDeterministicForASeed()
    {
        var a = new Mutator(7);
        var b = new Mutator(7);
        for (var i = 0; i < 100; i++) Assert.Equal(a.Mutate(JsonLedgers), b.Mutate(JsonLedgers));
    }
}
