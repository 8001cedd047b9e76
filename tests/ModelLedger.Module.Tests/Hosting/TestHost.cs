using System;
using System.Globalization;
using System.IO;
using System.Management.Automation.Host;

namespace ModelLedger.Module.Tests.Hosting;

/// <summary>
/// A minimal PSHost: without one, a runspace drops everything written to $Host.UI, and Out-Default has
/// nowhere to render format views. Output goes to the given writers so tests can read it back.
/// </summary>
public sealed class TestHost : PSHost
{
    private readonly TestHostUserInterface _ui;

    public TestHost(TextWriter output, TextWriter error, TextReader input, int width = 160, bool plainText = true)
    {
        PlainText = plainText;
        _ui = new TestHostUserInterface(output, error, input, width, plainText);
    }

    /// <summary>True when output must carry no ANSI colour sequences (redirected output, logs, tests).</summary>
    public bool PlainText { get; }

    /// <summary>The code passed to <c>exit</c> at the top level of the session, if any.</summary>
    public int? ExitCode { get; private set; }

    public override string Name => "ModelLedger.Tests";
    public override Version Version { get; } = typeof(TestHost).Assembly.GetName().Version ?? new Version(0, 1);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
    public override void EnterNestedPrompt() => throw new NotSupportedException("The test host has no interactive prompt.");
    public override void ExitNestedPrompt() => throw new NotSupportedException("The test host has no interactive prompt.");
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
}
