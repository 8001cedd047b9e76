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
        Assert.Equal(new[] { "service", "currentModelId", "rollbackModelId" }, changed.Fields.Select(f => f.Field));
        Assert.Equal(("m1", "m2"), (changed.Fields[1].Before, changed.Fields[1].After));
    }

    [Theory]
    [InlineData("gpt-4o", "GPT-4o")]
    [InlineData("gpt-4o", "gpt-4o ")]
    [InlineData(null, "")]
    public void IdsCompareAsExactStrings(string? was, string now)
    {
        var diffs = LedgerDiff.Compare(new[] { Row("a", "m", "r", was) }, new[] { Row("a", "m", "r", now) });
        Assert.Equal("notes", Assert.Single(Assert.Single(diffs).Fields).Field);
    }

    [Fact]
    public void ARetargetedConfigRefIsAChangedField()
    {
        var was = Row("a", "m", "r");
        was.ConfigRefs = new[] { "deploy/app.yaml#llm.model" };
        var now = Row("a", "m", "r");
        now.ConfigRefs = new[] { "deploy/app.yaml#llm.chat.model", "deploy/.env#MODEL" };
        var field = Assert.Single(Assert.Single(LedgerDiff.Compare(new[] { was }, new[] { now })).Fields);
        Assert.Equal(("configRefs", "deploy/app.yaml#llm.model", "deploy/app.yaml#llm.chat.model;deploy/.env#MODEL"), (field.Field, field.Before, field.After));
    }

    [Fact]
    public void AnUnchangedLedgerHasNoDiffs() =>
        Assert.Empty(LedgerDiff.Compare(new[] { Row("a", "m", "r") }, new[] { Row("a", "m", "r") }));
}
