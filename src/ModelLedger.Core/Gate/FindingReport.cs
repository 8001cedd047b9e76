using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using ModelLedger.Rendering;

namespace ModelLedger.Gate;

/// <summary>The gate's findings as files for a pipeline (JUnit) or a change ticket (Markdown), and as Azure DevOps logging commands.</summary>
internal static class FindingReport
{
    /// <summary>
    /// JUnit XML as Azure DevOps' PublishTestResults reads it: one testcase per service and check (classname =
    /// service, name = check). Fail is a &lt;failure&gt;; Warn passes with the warning in &lt;system-out&gt;, so a
    /// warning never fails the publish step but stays visible.
    /// </summary>
    public static string ToJUnitXml(IReadOnlyList<LedgerFinding> findings, string suiteName = "ModelLedger release gate", DateTimeOffset? timestamp = null)
    {
        var failures = findings.Count(f => f.Status == FindingStatus.Fail);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using var buffer = new StringWriterUtf8();
        using (var w = XmlWriter.Create(buffer, settings))
        {
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", suiteName);
            w.WriteAttributeString("tests", findings.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("time", "0");
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", suiteName);
            w.WriteAttributeString("tests", findings.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("skipped", "0");
            w.WriteAttributeString("time", "0");
            w.WriteAttributeString("timestamp", (timestamp ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            if (AnyEscaped(findings))
            {
                // JUnit has no free-text header; a suite property is what PublishTestResults keeps and shows.
                w.WriteStartElement("properties");
                w.WriteStartElement("property");
                w.WriteAttributeString("name", "escaping");
                w.WriteAttributeString("value", UntrustedText.EscapeNote);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            foreach (var f in findings)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", f.Service == null ? "(no service)" : UntrustedText.ForDisplay(f.Service));
                w.WriteAttributeString("name", f.Check);
                w.WriteAttributeString("time", "0");
                if (f.Status == FindingStatus.Fail)
                {
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("message", UntrustedText.ForDisplay(f.Message));
                    w.WriteAttributeString("type", f.Check);
                    w.WriteString(UntrustedText.ForDisplay($"{f.Service} {f.Check}: {f.Message}"));
                    w.WriteEndElement();
                }
                else
                {
                    w.WriteElementString("system-out", UntrustedText.ForDisplay($"{f.Status.ToString().ToUpperInvariant()}: {f.Message}"));
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return buffer.ToString();
    }

    /// <summary>A Markdown table for a change ticket, failures first, plus a one-line verdict.</summary>
    public static string ToMarkdown(IReadOnlyList<LedgerFinding> findings)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"**Gate result: {Verdict(findings)}** ({Count(findings, FindingStatus.Fail)} failed, {Count(findings, FindingStatus.Warn)} warnings, {Count(findings, FindingStatus.Pass)} passed)");
        sb.AppendLine();
        sb.AppendLine("| Service | Check | Status | Model ID | Message |");
        sb.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var f in findings.OrderByDescending(f => f.Status))
            sb.AppendLine($"| {UntrustedText.ForMarkdownText(f.Service)} | {f.Check} | {f.Status} | {UntrustedText.ForMarkdownCode(f.ModelId)} | {UntrustedText.ForMarkdownText(f.Message)} |");
        if (AnyEscaped(findings))
        {
            sb.AppendLine();
            sb.AppendLine(UntrustedText.ForMarkdownText(UntrustedText.EscapeNote));
        }
        return sb.ToString();
    }

    /// <summary>"PASSED", "PASSED WITH WARNINGS" or "FAILED".</summary>
    public static string Verdict(IReadOnlyList<LedgerFinding> findings) =>
        findings.Any(f => f.Status == FindingStatus.Fail) ? "FAILED" : findings.Any(f => f.Status == FindingStatus.Warn) ? "PASSED WITH WARNINGS" : "PASSED";

    /// <summary>Azure DevOps logging commands for each Fail and Warn: <c>##vso[task.logissue type=error]...</c>.</summary>
    public static IEnumerable<string> AzureDevOpsIssues(IEnumerable<LedgerFinding> findings)
    {
        foreach (var f in findings)
        {
            if (f.Status == FindingStatus.Pass) continue;
            var type = f.Status == FindingStatus.Fail ? "error" : "warning";
            yield return $"##vso[task.logissue type={type};code={EscapeProperty(f.Check)}{SourceProperties(f.Location)}]{EscapeData(UntrustedText.ForDisplay($"{f.Service} {f.Check}: {f.Message}"))}";
        }
    }

    // "path:line" -> ;sourcepath=path;linenumber=line, so the pipeline's summary links the config line.
    private static string SourceProperties(string? location)
    {
        if (location == null) return "";
        var colon = location.LastIndexOf(':');
        var hasLine = colon > 0 && int.TryParse(location.Substring(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
        var path = hasLine ? location.Substring(0, colon) : location;
        return $";sourcepath={EscapeProperty(path)}" + (hasLine ? $";linenumber={location.Substring(colon + 1)}" : "");
    }

    private static int Count(IReadOnlyList<LedgerFinding> findings, FindingStatus status) => findings.Count(f => f.Status == status);

    // Azure DevOps logging-command escaping (azure-pipelines-task-lib): data escapes %, CR, LF; properties also ; and ].
    private static string EscapeData(string s) => s.Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string s) => EscapeData(s).Replace(";", "%3B").Replace("]", "%5D");

    /// <summary>True when a report of these findings shows some value escaped (and so carries <see cref="UntrustedText.EscapeNote"/>).</summary>
    public static bool AnyEscaped(IEnumerable<LedgerFinding> findings) =>
        findings.Any(f => UntrustedText.NeedsEscape(f.Service) || UntrustedText.NeedsEscape(f.ModelId) || UntrustedText.NeedsEscape(f.Message));

    private sealed class StringWriterUtf8 : StringWriter
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
