using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelLedger.Rendering;

/// <summary>
/// The text of the module's default views (module/formats/*.Format.ps1xml call these). Lines are laid out for the
/// host's width (80 in a redirected CI log) and never exceed it, so pwsh never cuts one: a model ID or config ref
/// never shares a line with other text once it does not fit beside its label (it moves to its own line, and one
/// longer than the whole line is cut into line-long pieces that stand alone), and messages wrap at spaces, so a
/// Fail or Warn is read whole. Untrusted text goes through <see cref="UntrustedText.ForDisplay"/> first.
/// </summary>
public static class ConsoleView
{
    private const int Indent = 6;
    private const int CheckColumn = 22;

    /// <summary>
    /// Whether a view colours its status words, from pwsh's <c>$PSStyle.OutputRendering</c> (empty in Windows
    /// PowerShell 5.1, which gets none) and whether standard output is redirected. <c>NO_COLOR</c> (any non-empty
    /// value, no-color.org) always wins; <c>PlainText</c> never colours and <c>Ansi</c> always does (the user asked);
    /// <c>Host</c> colours a console, but a redirected log (<c>&gt; gate.log</c>, a scheduled task) only when the
    /// host renders the codes: Azure DevOps (<c>TF_BUILD=True</c>). pwsh 7.6 itself keeps its own colours (error,
    /// warning and table-header lines) in a redirected log under <c>Host</c>; the module leaves <c>$PSStyle</c> alone.
    /// </summary>
    public static bool Color(string? outputRendering, bool redirected) =>
        Color(outputRendering, redirected, Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TF_BUILD"));

    /// <summary><see cref="Color(string?, bool)"/> with the environment given.</summary>
    public static bool Color(string? outputRendering, bool redirected, string? noColor, string? tfBuild)
    {
        if (!string.IsNullOrEmpty(noColor)) return false;
        if (string.Equals(outputRendering, "Ansi", StringComparison.OrdinalIgnoreCase)) return true;
        if (!string.Equals(outputRendering, "Host", StringComparison.OrdinalIgnoreCase)) return false;
        return !redirected || string.Equals(tfBuild, "True", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The width to lay out for: the host's, else 80; never so narrow that nothing fits.</summary>
    public static int Usable(int hostWidth) => Math.Max(40, (hostWidth <= 0 ? 80 : hostWidth) - 1);

    /// <summary>One gate finding under its service's group header: status, check and model ID; then, for Warn and Fail, the message.</summary>
    public static string Finding(LedgerFinding finding, int hostWidth, bool color)
    {
        var width = Usable(hostWidth);
        var status = finding.Status.ToString();
        var head = Colored(status.PadRight(4), StatusColor(status), color) + "  " + UntrustedText.ForDisplay(finding.Check).PadRight(CheckColumn);
        var lines = Token(head + "  ", finding.ModelId, width, Indent);
        // A Warn or Fail says what to do; a Pass read from a file (a config ref) says where the ID was found.
        if (finding.Status != FindingStatus.Pass || !string.IsNullOrEmpty(finding.Location))
            lines.AddRange(Wrap(UntrustedText.ForDisplay(finding.Message), width - Indent).Select(l => new string(' ', Indent) + l));
        if (finding.Status != FindingStatus.Pass)
        {
            if (!string.IsNullOrEmpty(finding.Location))
                lines.AddRange(Wrap("at " + UntrustedText.ForDisplay(finding.Location!), width - Indent).Select(l => new string(' ', Indent) + l));
        }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The group header of findings: the service they are about.</summary>
    public static string ServiceHeader(string? service) => UntrustedText.ForDisplay(service ?? "(no service)");

    /// <summary>A ledger entry: the service, each approved ID on its own line, then who owns it and when it was validated.</summary>
    public static string LedgerEntry(ModelLedger.LedgerEntry entry, int hostWidth)
    {
        var width = Usable(hostWidth);
        var owner = Or(entry.Owner, "(none)") + (string.IsNullOrEmpty(entry.RollbackOwner) ? "" : " (rollback: " + UntrustedText.ForDisplay(entry.RollbackOwner!) + ")")
            + ", validated " + (entry.LastValidated?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never");
        var lines = Wrap(UntrustedText.ForDisplay(entry.Service ?? "(no service)"), width);
        lines.AddRange(Labeled("current", entry.CurrentModelId, width));
        lines.AddRange(Labeled("rollback", entry.RollbackModelId, width));
        lines.AddRange(Labeled("emergency", entry.EmergencyAlternative, width));
        lines.AddRange(Wrap(owner, width - Labeled0).Select((l, i) => (i == 0 ? Pad("owner") : new string(' ', Labeled0)) + l));
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>A dry-run result: status, service and whether the config was restored; the three IDs; the times; the message.</summary>
    public static string DryRun(DryRunResult result, int hostWidth, bool color)
    {
        var width = Usable(hostWidth);
        var status = result.Status.ToString();
        var tone = status == "Passed" ? "Pass" : status == "Failed" ? "Fail" : "Warn";
        var lines = new List<string> { Colored(status, StatusColor(tone), color) + "  " + UntrustedText.ForDisplay(result.Service ?? "(no service)") + "  restored: " + (result.Restored ? "True" : "False") };
        lines.AddRange(Labeled("forward", result.ForwardModelId, width));
        lines.AddRange(Labeled("rollback", result.RollbackModelId, width));
        lines.AddRange(Labeled("observed", result.ObservedModelId, width));
        if (result.SwitchedAt != null || result.RestoredAt != null)
            lines.Add(Pad("times") + "switched " + Time(result.SwitchedAt) + ", restored " + Time(result.RestoredAt));
        if (!string.IsNullOrEmpty(result.Message))
            lines.AddRange(Wrap(UntrustedText.ForDisplay(result.Message!), width - Labeled0).Select(l => new string(' ', Labeled0) + l));
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One model of a listing: its ID whole, then who owns it and when it was created when they fit.</summary>
    public static string Model(CometModel model, int hostWidth)
    {
        var width = Usable(hostWidth);
        var id = UntrustedText.ForDisplay(model.Id);
        var meta = Or(model.OwnedBy, "-").PadRight(14) + " " + (model.Created?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
        var idColumn = Math.Max(ModelIdColumn, id.Length + 2);
        if (idColumn + meta.Length <= width) return id.PadRight(idColumn) + meta;
        var lines = Token("", model.Id, width, 0);
        lines.Add(new string(' ', ModelIdColumn) + meta);
        return string.Join(Environment.NewLine, lines);
    }

    private const int ModelIdColumn = 44;

    /// <summary>The column headers of a model listing, under its capture header.</summary>
    public static string ModelColumns() =>
        "Id".PadRight(ModelIdColumn) + "OwnedBy".PadRight(15) + "Created" + Environment.NewLine
        + "--".PadRight(ModelIdColumn) + "-------".PadRight(15) + "-------";

    /// <summary>The group header of a model listing: where and when it was captured, with which credential.</summary>
    public static string CaptureHeader(CometModel model, int hostWidth)
    {
        var label = string.IsNullOrEmpty(model.CredentialLabel) ? "" : ", credential " + UntrustedText.ForDisplay(model.CredentialLabel!);
        var text = "Models from " + UntrustedText.ForDisplay(model.Source ?? "(unknown source)") + " (captured " + Time(model.CapturedAt) + label + ")";
        return string.Join(Environment.NewLine, Wrap(text, Usable(hostWidth))) + Environment.NewLine + Environment.NewLine + ModelColumns();
    }

    /// <summary>One snapshot difference: added/removed, the ID, and for an approved ID at risk, as what it is approved.</summary>
    public static string Difference(SnapshotDifference difference, int hostWidth, bool color)
    {
        var width = Usable(hostWidth);
        var change = difference.Change.ToString().PadRight(8);
        var head = (difference.AtRisk ? Colored(change, StatusColor("Fail"), color) : change);
        var lines = Token(head + "  ", difference.Id, width, 10);
        if (difference.AtRisk || !string.IsNullOrEmpty(difference.ApprovedAs))
        {
            var text = (difference.AtRisk ? "AT RISK: approved as " : "approved as ") + UntrustedText.ForDisplay(difference.ApprovedAs ?? "");
            if (difference.RollbackWindowUntil is DateTimeOffset until) text += "; its rollback window is open until " + Time(until);
            lines.AddRange(Wrap(text, width - 10).Select(l => new string(' ', 10) + l));
        }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One model reference found in a file: where, the ID, and what the ledger says of it; the config ref when there is one.</summary>
    public static string Reference(ModelReference reference, int hostWidth)
    {
        var width = Usable(hostWidth);
        var where = UntrustedText.ForDisplay(reference.Path) + ":" + reference.Line.ToString(CultureInfo.InvariantCulture) + ":" + reference.Column.ToString(CultureInfo.InvariantCulture);
        var lines = new List<string>();
        lines.AddRange(Wrap(where, width));
        lines.AddRange(Labeled("id", reference.ModelId, width));
        var ledger = reference.InLedger ? "in ledger as " + UntrustedText.ForDisplay(reference.LedgerRole ?? "")
            : reference.NearMissOf != null ? "NOT IN LEDGER: near miss of " + UntrustedText.ForDisplay(reference.NearMissOf) + " (IDs are exact strings)"
            : "not in the ledger";
        lines.AddRange(Wrap(ledger, width - Labeled0).Select((l, i) => (i == 0 ? Pad("ledger") : new string(' ', Labeled0)) + l));
        // A config ref is one token (a quoted key segment may hold a space): it is never wrapped at its spaces.
        if (!string.IsNullOrEmpty(reference.ConfigRef)) lines.AddRange(Labeled("ref", reference.ConfigRef, width));
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One file check of an evidence folder: status, file, and the message.</summary>
    public static string EvidenceFile(EvidenceFileCheck check, int hostWidth, bool color)
    {
        var width = Usable(hostWidth);
        var status = check.Status.ToString();
        var lines = Wrap(UntrustedText.ForDisplay(check.File), width - Indent);
        lines[0] = Colored(status.PadRight(4), StatusColor(status), color) + "  " + lines[0];
        for (var i = 1; i < lines.Count; i++) lines[i] = new string(' ', Indent) + lines[i];
        if (check.Status != EvidenceFileStatus.Pass)
            lines.AddRange(Wrap(UntrustedText.ForDisplay(check.Message), width - Indent).Select(l => new string(' ', Indent) + l));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>An evidence bundle: where it is, the manifest hash for the change ticket, its files and what is missing.</summary>
    public static string Evidence(EvidenceBundle bundle, int hostWidth)
    {
        var width = Usable(hostWidth);
        var lines = new List<string>();
        lines.AddRange(Field("Evidence", UntrustedText.ForDisplay(bundle.Path), width));
        lines.AddRange(Field("Manifest", UntrustedText.ForDisplay(bundle.ManifestPath), width));
        if (!string.IsNullOrEmpty(bundle.ManifestSha256)) lines.AddRange(Field("SHA-256", bundle.ManifestSha256, width));
        lines.AddRange(Field("Files", string.Join(", ", bundle.Files.Select(UntrustedText.ForDisplay)), width));
        lines.AddRange(Field("Missing", bundle.Missing.Length == 0 ? "nothing" : string.Join("; ", bundle.Missing.Select(UntrustedText.ForDisplay)), width));
        if (bundle.Checklist.Length > 0) lines.Add("Checklist");
        foreach (var answer in bundle.Checklist)
        {
            var wrapped = Wrap(UntrustedText.ForDisplay(answer.Item), width - 10);
            for (var i = 0; i < wrapped.Count; i++) lines.Add((i == 0 ? "  " + answer.Status.PadRight(8) : new string(' ', 10)) + wrapped[i]);
        }
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }

    private const int Labeled0 = 13;

    private static string Pad(string label) => ("  " + label).PadRight(Labeled0);

    private static List<string> Labeled(string label, string? id, int width) =>
        string.IsNullOrEmpty(id) ? new List<string> { Pad(label) + "(none)" } : Token(Pad(label), id, width, Labeled0);

    private static IEnumerable<string> Field(string label, string value, int width)
    {
        const int column = 10;
        var wrapped = Wrap(value, width - column);
        for (var i = 0; i < wrapped.Count; i++) yield return (i == 0 ? label.PadRight(column) : new string(' ', column)) + wrapped[i];
    }

    /// <summary>
    /// A head followed by one token that must never be broken among other text (a model ID, a config ref): on the
    /// head's line when it fits; else on its own line indented by <paramref name="indent"/>; else, longer than that
    /// line, cut into pieces of the whole width, each alone on its line (pwsh would cut it at the width anyway).
    /// </summary>
    public static List<string> Token(string head, string? token, int width, int indent)
    {
        var lines = new List<string>();
        var safe = string.IsNullOrEmpty(token) ? "" : UntrustedText.ForDisplay(token!);
        if (safe.Length == 0) { lines.Add(head.TrimEnd()); return lines; }
        if (Visible(head) + safe.Length <= width) { lines.Add(head + safe); return lines; }
        if (head.Trim().Length > 0) lines.Add(head.TrimEnd());
        if (indent + safe.Length <= width) { lines.Add(new string(' ', indent) + safe); return lines; }
        lines.AddRange(Pieces(safe, width));
        return lines;
    }

    // A head may carry colour sequences; they take no columns.
    private static int Visible(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "").Length;

    private static IEnumerable<string> Pieces(string word, int width)
    {
        for (var i = 0; i < word.Length; i += width) yield return word.Substring(i, Math.Min(width, word.Length - i));
    }

    private static string Or(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : UntrustedText.ForDisplay(value!);

    private static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static string StatusColor(string status) => status switch
    {
        "Fail" => "\u001b[91m",
        "Warn" => "\u001b[93m",
        _ => "\u001b[92m",
    };

    private static string Colored(string text, string color, bool enabled) => enabled ? color + text + "\u001b[0m" : text;

    /// <summary>
    /// Word-wraps at spaces; a word longer than the width (a path, a quoted ID) stands alone on its own lines, cut
    /// into pieces of the whole width, so no line is wider than <paramref name="width"/> and pwsh never cuts one.
    /// </summary>
    public static List<string> Wrap(string text, int width)
    {
        width = Math.Max(20, width);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                if (word.Length == 0) continue;
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                if (word.Length > width)
                {
                    lines.AddRange(Pieces(word, width));
                    continue;
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }
}
