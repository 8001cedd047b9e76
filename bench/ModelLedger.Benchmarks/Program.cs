using BenchmarkDotNet.Running;

namespace ModelLedger.Benchmarks;

public static class Program
{
    /// <summary>
    /// dotnet run -c Release --project bench/ModelLedger.Benchmarks -- side-by-side   (the README's table)
    /// dotnet run -c Release --project bench/ModelLedger.Benchmarks -- --filter '*'   (BenchmarkDotNet suites)
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "side-by-side") return SideBySide.Run(args);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
