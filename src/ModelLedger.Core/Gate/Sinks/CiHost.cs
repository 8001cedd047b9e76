using System;

namespace ModelLedger.Gate.Sinks;

/// <summary>The CI system a run is inside, when it has a logging-command sink of its own.</summary>
internal enum CiHost
{
    None,

    /// <summary>Azure DevOps (<c>TF_BUILD=True</c>): failures and warnings also become <c>##vso[task.logissue]</c> lines.</summary>
    AzureDevOps,
}

/// <summary>Reads which CI system a run is inside from its environment; the gate's sinks take the answer, so tests pass it in.</summary>
internal static class CiDetection
{
    /// <summary>From <paramref name="variable"/> (an environment lookup): Azure DevOps agents set TF_BUILD to True.</summary>
    public static CiHost Detect(Func<string, string?> variable) =>
        string.Equals(variable("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase) ? CiHost.AzureDevOps : CiHost.None;

    /// <summary>From this process's environment.</summary>
    public static CiHost FromProcess() => Detect(Environment.GetEnvironmentVariable);
}
