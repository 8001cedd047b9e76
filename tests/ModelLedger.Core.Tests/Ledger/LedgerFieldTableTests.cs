using System;
using System.Linq;
using System.Reflection;
using ModelLedger.Evidence;
using ModelLedger.Ledger;

namespace ModelLedger.Core.Tests;

/// <summary>The one field table: every LedgerEntry data property has exactly one row, and each kind reads what it writes.</summary>
public class LedgerFieldTableTests
{
    [Fact]
    public void EveryDataPropertyOfLedgerEntryHasOneRowInTheTable()
    {
        var bookkeeping = LedgerFields.ReadOnlyNames;
        var properties = typeof(LedgerEntry).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name).Where(n => !bookkeeping.Contains(n)).OrderBy(n => n);
        Assert.Equal(properties, LedgerFields.All.Select(f => f.PropertyName).OrderBy(n => n));
    }

    [Fact]
    public void RollbackUntilAndConfigRefsAreFieldsWithTheirKinds()
    {
        Assert.Equal(LedgerFieldKind.Date, LedgerFields.RollbackUntil.Kind);
        Assert.Equal(LedgerFieldKind.StringList, LedgerFields.ConfigRefs.Kind);
        Assert.Equal("rollbackUntil", LedgerFields.RollbackUntil.Name);
        Assert.Equal("configRefs", LedgerFields.ConfigRefs.Name);
    }

    [Fact]
    public void EachKindParsesTheTextItWrites()
    {
        var e = new LedgerEntry
        {
            Service = "svc `n ##vso[task.complete]",
            ConfigRefs = new[] { "deploy/a.json#Llm.Model", "deploy/b.yaml@1#model#openai/{id}" },
            RollbackUntil = new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.FromHours(2)),
        };
        var copy = new LedgerEntry();
        foreach (var f in LedgerFields.All)
        {
            var text = f.GetText(e) ?? "";
            Assert.True(f.TryParseText(text, out var value, out _, out _), f.Name);
            f.SetValue(copy, value);
        }
        Assert.Equal(LedgerDiff.Fields(e), LedgerDiff.Fields(copy));
        Assert.Equal("2026-06-01T09:00:00Z", LedgerFields.RollbackUntil.GetText(copy));
        Assert.Equal(e.ConfigRefs, copy.ConfigRefs);
    }

    [Fact]
    public void EmptyTextAndEmptyListsReadAsAbsent()
    {
        var e = new LedgerEntry();
        LedgerFields.ConfigRefs.SetValue(e, Array.Empty<string>());
        LedgerFields.Notes.SetValue(e, "");
        Assert.Null(e.ConfigRefs);
        Assert.Null(e.Notes);
    }

    [Fact]
    public void ADateFieldRejectsCultureFormattedTextNamingTheField()
    {
        Assert.False(LedgerFields.RollbackUntil.TryParseText("06/01/2026 09:00:00 +00:00", out _, out var problem, out var fix));
        Assert.Contains("is not a date", problem);
        Assert.Contains("rollbackUntil", fix);
    }

    [Fact]
    public void TheDiffComparesNewFieldsToo()
    {
        var before = new LedgerEntry { Service = "a", RollbackUntil = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) };
        var after = new LedgerEntry { Service = "a", ConfigRefs = new[] { "x#y" } };
        var d = Assert.Single(LedgerDiff.Compare(new[] { before }, new[] { after }));
        Assert.Equal(new[] { "configRefs", "rollbackUntil" }, d.Fields.Select(f => f.Name));
        Assert.Equal("2026-06-01T00:00:00Z", d.Fields[1].BeforeText);
    }
}
