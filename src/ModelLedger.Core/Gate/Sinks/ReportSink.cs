using System;
using System.Collections.Generic;

namespace ModelLedger.Gate.Sinks;

/// <summary>
/// A report file: keeps every finding (a report needs all of them, failures first or counted), renders once at the
/// end and hands the text to <c>deliver</c>, which writes it (the cmdlet's -OutputPath writer) and says whether it could.
/// </summary>
internal abstract class ReportSink : IFindingSink
{
    private readonly Func<string, bool> _deliver;
    private readonly List<LedgerFinding> _findings = new();

    protected ReportSink(Func<string, bool> deliver) => _deliver = deliver;

    public abstract ReportFormat Format { get; }

    public void Write(LedgerFinding finding) => _findings.Add(finding);

    public bool Complete() => _deliver(Render(_findings));

    protected abstract string Render(IReadOnlyList<LedgerFinding> findings);
}

/// <summary>JUnit XML for PublishTestResults (see <see cref="FindingReport.ToJUnitXml"/>).</summary>
internal sealed class JUnitSink : ReportSink
{
    public JUnitSink(Func<string, bool> deliver) : base(deliver) { }

    public override ReportFormat Format => ReportFormat.JUnit;

    protected override string Render(IReadOnlyList<LedgerFinding> findings) => FindingReport.ToJUnitXml(findings);
}

/// <summary>A Markdown table for a change ticket (see <see cref="FindingReport.ToMarkdown"/>).</summary>
internal sealed class MarkdownSink : ReportSink
{
    public MarkdownSink(Func<string, bool> deliver) : base(deliver) { }

    public override ReportFormat Format => ReportFormat.Markdown;

    protected override string Render(IReadOnlyList<LedgerFinding> findings) => FindingReport.ToMarkdown(findings);
}
