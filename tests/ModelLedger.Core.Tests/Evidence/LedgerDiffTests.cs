using System.Linq;
using ModelLedger.Evidence;

namespace ModelLedger.Core.Tests.Evidence;

public class LedgerDiffTests
{
    private static LedgerEntry Row(string service, string current, string? rollback, string? notes = null) =>
        new() { Service = service, CurrentModelId = current, RollbackModelId = rollback, Owner = "team", Notes = notes };

    [Fact]
    public void ReportsAddedRemovedAndChangedRowsFieldByField()
    {
        var before = new[] { Row("a", "m1", "m0"), Row("b", "x", "y"), Row("gone", "g", null) };
        var after = new[] { Row("A", "m2", "m1"), Row("b", "x", "y"), Row("new", "n", "o") };
        var diffs = LedgerDiff.Compare(before, after);
        Assert.Equal(new[] { ("A", LedgerRowChange.Changed), ("new", LedgerRowChange.Added), ("gone", LedgerRowChange.Removed) }, diffs.Select(d => (d.Service, d.Change)));
        var changed = diffs[0];
        Assert.Equal(new[] { "service", "currentModelId", "rollbackModelId" }, changed.Fields.Select(f => f.Name));
        Assert.Equal(("m1", "m2"), (changed.Fields[1].BeforeText, changed.Fields[1].AfterText));
        // An added or removed row lists every field it sets, from or to nothing: the evidence shows them all.
        Assert.Equal(new (string, string?, string?)[] { ("service", null, "new"), ("currentModelId", null, "n"), ("rollbackModelId", null, "o"), ("owner", null, "team") },
            diffs[1].Fields.Select(f => (f.Name, f.BeforeText, f.AfterText)));
        Assert.Equal(new (string, string?, string?)[] { ("service", "gone", null), ("currentModelId", "g", null), ("owner", "team", null) },
            diffs[2].Fields.Select(f => (f.Name, f.BeforeText, f.AfterText)));
    }

    [Theory]
    [InlineData("gpt-4o", "GPT-4o")]
    [InlineData("gpt-4o", "gpt-4o ")]
    [InlineData(null, "")]
    public void IdsCompareAsExactStrings(string? was, string now)
    {
        var diffs = LedgerDiff.Compare(new[] { Row("a", "m", "r", was) }, new[] { Row("a", "m", "r", now) });
        Assert.Equal("notes", Assert.Single(Assert.Single(diffs).Fields).Name);
    }

    [Fact]
    public void ARetargetedConfigRefIsAChangedField()
    {
        var was = Row("a", "m", "r");
        was.ConfigRefs = new[] { "deploy/app.yaml#llm.model" };
        var now = Row("a", "m", "r");
        now.ConfigRefs = new[] { "deploy/app.yaml#llm.chat.model", "deploy/.env#MODEL" };
        var field = Assert.Single(Assert.Single(LedgerDiff.Compare(new[] { was }, new[] { now })).Fields);
        Assert.Equal(("configRefs", "deploy/app.yaml#llm.model", "deploy/app.yaml#llm.chat.model;deploy/.env#MODEL"), (field.Name, field.BeforeText, field.AfterText));
    }

    [Fact]
    public void AnUnchangedLedgerHasNoDiffs() =>
        Assert.Empty(LedgerDiff.Compare(new[] { Row("a", "m", "r") }, new[] { Row("a", "m", "r") }));
}
