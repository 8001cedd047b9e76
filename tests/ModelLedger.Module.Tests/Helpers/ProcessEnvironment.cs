using System;

namespace ModelLedger.Module.Tests;

/// <summary>Tests that set process environment variables (TF_BUILD...) must not run beside others.</summary>
[CollectionDefinition("ProcessEnvironment", DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection { }

/// <summary>Sets a process environment variable and puts back what was there before (unset included) on dispose.
/// Use it only in classes of the ProcessEnvironment collection.</summary>
public sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string _name;
    private readonly string? _before;

    public EnvironmentVariableScope(string name, string? value)
    {
        _name = name;
        _before = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _before);
}
