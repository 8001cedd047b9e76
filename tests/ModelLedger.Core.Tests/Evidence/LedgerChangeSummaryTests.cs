using System;
using System.IO;
using ModelLedger.Evidence;

namespace ModelLedger.Core.Tests.Evidence;

/// <summary>The summary's "Ledger rows before and after": what changed must be visible to the reviewer who reads it.</summary>
public class LedgerChangeSummaryTests
{
    private static string Rows(string before, string after)
    {
        using var t = new TempFiles();
        var request = new EvidenceRequest
        {
            LedgerPath = t.Write("ledger.json", after),
            PreviousLedgerPath = t.Write("previous.json", before),
            ApprovedBy = "j.doe",
            ApprovedAt = DateTimeOffset.Parse("2026-11-24T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            RecordedBy = "release-bot",
            CreatedAt = DateTimeOffset.Parse("2026-11-24T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            ModuleVersion = "0.0.0-test",
        };
        var bundle = EvidenceWriter.Write(Path.Combine(t.Dir, "bundle"), request, force: false);
        var summary = File.ReadAllText(Path.Combine(bundle.Path, "summary.md"));
        var start = summary.IndexOf("## Ledger rows before and after", StringComparison.Ordinal);
        return summary.Substring(start, summary.IndexOf("\n## ", start + 3, StringComparison.Ordinal) - start);
    }

    private static string Ledger(string current, string notes) =>
        "[{\"service\":\"svc\",\"currentModelId\":" + System.Text.Json.JsonSerializer.Serialize(current) + ",\"rollbackModelId\":\"gpt-4o-2024-05-13\",\"owner\":\"team\",\"notes\":" + System.Text.Json.JsonSerializer.Serialize(notes) + "}]";

    [Theory]
    [InlineData("gpt-4o-2024-08-06 ", "trailing space")]
    [InlineData("gpt-4\u043E-2024-08-06", "CYRILLIC SMALL LETTER O")]
    [InlineData("gpt-4o-2024-08-06\u200B", "ZERO WIDTH SPACE")]
    public void AChangeThatLooksTheSameIsSpelledOut(string after, string shows)
    {
        var rows = Rows(Ledger("gpt-4o-2024-08-06", "n"), Ledger(after, "n"));
        var note = Assert.Single(rows.Split('\n'), l => l.StartsWith("Note: currentModelId changed from 'gpt-4o-2024-08-06' to '", StringComparison.Ordinal));
        Assert.Contains("which look the same", note);
        if (shows != "trailing space") Assert.Contains(shows, note);
        else Assert.Contains("to 'gpt-4o-2024-08-06 '", note);
    }

    [Fact]
    public void AnOrdinaryChangeHasNoNoteAndAHugeValueIsShortened()
    {
        var huge = new string('x', 50_000);
        var rows = Rows(Ledger("gpt-4o-2024-08-06", "n"), Ledger("gpt-5.1-2025-11-13", huge));
        Assert.DoesNotContain("Note:", rows);
        Assert.Contains("`gpt-4o-2024-08-06` | `gpt-5.1-2025-11-13`", rows);
        Assert.Contains("... (50000 characters)", rows);
        Assert.True(rows.Length < 2_000, $"the rows section is {rows.Length} characters");
    }
}
