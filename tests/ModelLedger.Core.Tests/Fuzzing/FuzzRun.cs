using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLedger.Core.Tests.Fuzzing;

/// <summary>Counts of one fuzz campaign.</summary>
public sealed record FuzzOutcome(string Target, int Tried, int Accepted, int Rejected, IReadOnlyList<string> Failures)
{
    public override string ToString() =>
        $"{Target}: {Tried} inputs, {Accepted} parsed, {Rejected} rejected with an allowed error, {Failures.Count} escaped";
}

/// <summary>
/// Feeds mutated inputs to a parser. The only acceptable outcomes are a parse or a <see cref="ModelLedgerException"/>
/// with one of the allowed error IDs; anything else (another exception type, another ID) is a failure, recorded
/// with the seed and iteration that reproduce it.
/// </summary>
public static class FuzzRun
{
    /// <summary>Inputs per target: the CI default, or MODELLEDGER_FUZZ_ITERATIONS for a long run.</summary>
    public static int Iterations(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("MODELLEDGER_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : ciDefault;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("MODELLEDGER_FUZZ_SEED"), out var s) ? s : 20261124;

    public static FuzzOutcome Run(string target, IReadOnlyList<byte[]> corpus, Action<byte[]> parse, IReadOnlyCollection<string> allowedErrorIds, int iterations, int seed)
    {
        var mutator = new Mutator(seed);
        int accepted = 0, rejected = 0;
        var failures = new List<string>();
        for (var i = 0; i < iterations; i++)
        {
            var input = mutator.Mutate(corpus);
            try
            {
                parse(input);
                accepted++;
            }
            catch (ModelLedgerException ex) when (allowedErrorIds.Contains(ex.ErrorId))
            {
                rejected++;
            }
            catch (Exception ex)
            {
                if (failures.Count < 5)
                    failures.Add($"seed {seed} iteration {i}: {ex.GetType().Name} {(ex as ModelLedgerException)?.ErrorId} {ex.Message} input(base64)={Convert.ToBase64String(input)}");
                else failures.Add("");
            }
        }
        return new FuzzOutcome(target, iterations, accepted, rejected, failures);
    }
}
