using System;
using System.Collections.Generic;

namespace ModelLedger.Gate.Sinks;

/// <summary>
/// Where a gate run's findings go, decided in one place: the console (unless -Quiet), the CI system's logging
/// commands (when the run is inside one), and the -OutputFormat report. A new report format is one enum value,
/// one <see cref="ReportSink"/> class and one arm of <see cref="Report"/>.
/// </summary>
internal static class FindingSinks
{
    /// <param name="console">Writes one finding to the pipeline; null with -Quiet.</param>
    /// <param name="checks">-Check: the console shows only these checks' findings (the other sinks get all).</param>
    /// <param name="ci">The CI system the run is inside (<see cref="CiDetection"/>).</param>
    /// <param name="hostLine">Writes one line to the host (for logging commands).</param>
    /// <param name="format">-OutputFormat, or null.</param>
    /// <param name="deliverReport">Writes the rendered report to -OutputPath; false when it could not.</param>
    public static IReadOnlyList<IFindingSink> Create(Action<LedgerFinding>? console, IEnumerable<string>? checks, CiHost ci, Action<string> hostLine,
        ReportFormat? format, Func<string, bool> deliverReport)
    {
        var sinks = new List<IFindingSink>();
        if (console != null) sinks.Add(new ConsoleSink(console, checks));
        if (ci == CiHost.AzureDevOps) sinks.Add(new AzureDevOpsSink(hostLine));
        if (format is ReportFormat f) sinks.Add(Report(f, deliverReport));
        return sinks;
    }

    public static ReportSink Report(ReportFormat format, Func<string, bool> deliver) => format switch
    {
        ReportFormat.JUnit => new JUnitSink(deliver),
        ReportFormat.Markdown => new MarkdownSink(deliver),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a report format."),
    };
}
