using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelLedger.Rendering
{
    /// <summary>
    /// The text of the module's default views (module/formats/*.Format.ps1xml call these). Lines are laid out for the
    /// host's width (80 in a redirected CI log): a model ID is never broken inside a line (it moves to its own line when
    /// it does not fit), and messages wrap at spaces, so a Fail or Warn is read whole. Untrusted text goes through
    /// <see cref="UntrustedText.ForDisplay"/> first.
    /// </summary>
    public static class ConsoleView
    {
        private const int Indent = 6;
        private const int CheckColumn = 22;

        /// <summary>The width to lay out for: the host's, else 80; never so narrow that nothing fits.</summary>
        public static int Usable(int hostWidth) => Math.Max(40, (hostWidth <= 0 ? 80 : hostWidth) - 1);

        /// <summary>One gate finding under its service's group header: status, check and model ID; then, for Warn and Fail, the message.</summary>
        public static string Finding(LedgerFinding finding, int hostWidth, bool color)
        {
            var width = Usable(hostWidth);
            var status = finding.Status.ToString();
            var head = Colored(status.PadRight(4), StatusColor(status), color) + "  " + UntrustedText.ForDisplay(finding.Check).PadRight(CheckColumn);
            var lines = new List<string>();
            AppendWithId(lines, head, 4 + 2 + Math.Max(CheckColumn, finding.Check.Length), finding.ModelId, width);
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
            var lines = new List<string>
            {
                UntrustedText.ForDisplay(entry.Service ?? "(no service)"),
                Labeled("current", entry.CurrentModelId),
                Labeled("rollback", entry.RollbackModelId),
                Labeled("emergency", entry.EmergencyAlternative),
            };
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
            var lines = new List<string>
            {
                Colored(status, StatusColor(tone), color) + "  " + UntrustedText.ForDisplay(result.Service ?? "(no service)") + "  restored: " + (result.Restored ? "True" : "False"),
                Labeled("forward", result.ForwardModelId),
                Labeled("rollback", result.RollbackModelId),
                Labeled("observed", result.ObservedModelId),
            };
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
            var idColumn = Math.Max(44, id.Length + 2);
            if (idColumn + meta.Length <= width) return id.PadRight(idColumn) + meta;
            return id + Environment.NewLine + new string(' ', Indent) + meta;
        }

        /// <summary>The group header of a model listing: where and when it was captured, with which credential.</summary>
        public static string CaptureHeader(CometModel model, int hostWidth)
        {
            var label = string.IsNullOrEmpty(model.CredentialLabel) ? "" : ", credential " + UntrustedText.ForDisplay(model.CredentialLabel!);
            var text = "Models from " + UntrustedText.ForDisplay(model.Source ?? "(unknown source)") + " (captured " + Time(model.CapturedAt) + label + ")";
            return string.Join(Environment.NewLine, Wrap(text, Usable(hostWidth)));
        }

        /// <summary>One snapshot difference: added/removed, the ID, and for an approved ID at risk, as what it is approved.</summary>
        public static string Difference(SnapshotDifference difference, int hostWidth, bool color)
        {
            var width = Usable(hostWidth);
            var change = difference.Change.ToString().PadRight(8);
            var head = (difference.AtRisk ? Colored(change, StatusColor("Fail"), color) : change);
            var lines = new List<string>();
            AppendWithId(lines, head, 8, difference.Id, width);
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
            lines.Add(Pad("id") + UntrustedText.ForDisplay(reference.ModelId));
            var ledger = reference.InLedger ? "in ledger as " + UntrustedText.ForDisplay(reference.LedgerRole ?? "")
                : reference.NearMissOf != null ? "NOT IN LEDGER: near miss of " + UntrustedText.ForDisplay(reference.NearMissOf) + " (IDs are exact strings)"
                : "not in the ledger";
            lines.AddRange(Wrap(ledger, width - Labeled0).Select((l, i) => (i == 0 ? Pad("ledger") : new string(' ', Labeled0)) + l));
            if (!string.IsNullOrEmpty(reference.ConfigRef))
                lines.AddRange(Wrap(UntrustedText.ForDisplay(reference.ConfigRef), width - Labeled0).Select((l, i) => (i == 0 ? Pad("ref") : new string(' ', Labeled0)) + l));
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

        private static string Labeled(string label, string? id)
        {
            var text = string.IsNullOrEmpty(id) ? "(none)" : UntrustedText.ForDisplay(id!);
            return Pad(label) + text;
        }

        private static IEnumerable<string> Field(string label, string value, int width)
        {
            const int column = 10;
            var wrapped = Wrap(value, width - column);
            for (var i = 0; i < wrapped.Count; i++) yield return (i == 0 ? label.PadRight(column) : new string(' ', column)) + wrapped[i];
        }

        // The ID goes on the head line when it fits after the fixed columns, else on its own indented line.
        private static void AppendWithId(List<string> lines, string head, int headWidth, string? id, int width)
        {
            var safe = string.IsNullOrEmpty(id) ? "" : UntrustedText.ForDisplay(id!);
            if (safe.Length == 0) { lines.Add(head.TrimEnd()); return; }
            if (headWidth + 2 + safe.Length <= width) { lines.Add(head + "  " + safe); return; }
            lines.Add(head.TrimEnd());
            lines.Add(new string(' ', Indent) + safe);
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

        /// <summary>Word-wraps at spaces; a word longer than the width (a path, an ID) stays whole on its own line.</summary>
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
                    if (line.Length > 0) line.Append(' ');
                    line.Append(word);
                }
                lines.Add(line.ToString());
            }
            return lines;
        }
    }
}
