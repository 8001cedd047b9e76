using System;
using System.Collections.Generic;
using System.Linq;
using ModelLedger.Gate;
using ModelLedger.ModelIds;
using ModelLedger.Snapshots;

namespace ModelLedger.Core.Tests.Gate;

/// <summary>Issue 22 item 6: look-alike and invisible differences are named in the gate's messages and are near misses.</summary>
public class LookAlikeTests
{
    [Theory]
    [InlineData("gpt-4\u043E", @"\u043E CYRILLIC SMALL LETTER O (character 6)")]
    [InlineData("gpt-4\u03BF", @"\u03BF GREEK SMALL LETTER OMICRON (character 6)")]
    [InlineData("\uFF47pt-4o", @"\uFF47 FULLWIDTH LATIN SMALL LETTER G (character 1)")]
    [InlineData("gpt\uFF0D4o", @"\uFF0D FULLWIDTH HYPHEN-MINUS (character 4)")]
    [InlineData("gpt-\u00AD4o", @"\u00AD SOFT HYPHEN (character 5)")]
    [InlineData("gpt-4o\u034F", @"\u034F COMBINING GRAPHEME JOINER (character 7)")]
    [InlineData("gpt\u31644o", @"\u3164 HANGUL FILLER (character 4)")]
    [InlineData("gpt-4o\uFE0F", @"\uFE0F VARIATION SELECTOR-16 (character 7)")]
    [InlineData("gpt\u180E-4o", @"\u180E MONGOLIAN VOWEL SEPARATOR (character 4)")]
    [InlineData("gpt-4o\U000E0061", @"\uDB40\uDC61 TAG LATIN SMALL LETTER A (character 7)")]
    [InlineData("gpt-4o\u202E", @"\u202E RIGHT-TO-LEFT OVERRIDE (character 7)")]
    [InlineData("gpt-\u200B4o", @"\u200B ZERO WIDTH SPACE (character 5)")]
    [InlineData("gpt-4e\u0301", @"\u0301 COMBINING ACUTE ACCENT (character 7)")]
    [InlineData("gpt-4\u00F6", @"\u00F6 (a character of category LowercaseLetter) (character 6)")]
    public void EveryCharacterOutsidePrintableAsciiIsNamed(string id, string named)
    {
        var text = LookAlikes.Describe(id);
        Assert.Contains(" holds characters outside printable ASCII: ", text);
        Assert.Contains(named, text);
    }

    [Fact]
    public void PlainAsciiIsNotDescribed() => Assert.Equal("", LookAlikes.Describe("gpt-4o-2024-08-06"));

    [Theory]
    [InlineData("gpt-4\u043E")]            // Cyrillic o
    [InlineData("gpt-4\u03BF")]            // Greek omicron
    [InlineData("\uFF47\uFF50\uFF54-4o")]  // full-width letters
    [InlineData("gpt-\u00AD4o")]           // soft hyphen
    [InlineData("gpt-4o\u034F")]
    [InlineData("gpt\u3164-4o")]
    [InlineData("gpt-4o\uFE0F")]
    [InlineData("gpt\u180E-4o")]
    [InlineData("gpt-4o\U000E0061\U000E007F")]  // tag characters
    [InlineData("gpt-\u200D4o\u202E")]
    public void LookAlikesOfAnAsciiIdAreNearMisses(string lookAlike)
    {
        Assert.Equal(new[] { "gpt-4o" }, new ModelIdHints(new[] { "gpt-4o", "gpt-4" }).For(lookAlike));
        Assert.Equal(new[] { lookAlike }, new ModelIdHints(new[] { lookAlike, "claude" }).For("gpt-4o"));
    }

    [Fact]
    public void NfdAndNfcSpellingsAreNearMissesOfEachOther()
    {
        var nfc = "mod\u00E8le-1";
        var nfd = "mode\u0300le-1";
        Assert.Equal(new[] { nfc }, new ModelIdHints(new[] { nfc }).For(nfd));
    }

    private static List<LedgerFinding> Gate(LedgerEntry entry, string[] snapshotIds, IReadOnlyDictionary<string, DeployedRelease>? deployed = null)
    {
        var snapshot = ModelSnapshot.FromModels(snapshotIds.Select(id => new CometModel { Id = id }).ToList(), DateTimeOffset.UtcNow);
        return new GateEvaluator(snapshot, new GateOptions { Deployed = deployed }).Evaluate(entry).ToList();
    }

    [Fact]
    public void DeployedMatchesLedgerNamesTheLookAlikeAndCallsItANearMiss()
    {
        var entry = new LedgerEntry { Service = "svc", CurrentModelId = "gpt-4o", RollbackModelId = "gpt-4", Owner = "o" };
        var deployed = new Dictionary<string, DeployedRelease>(StringComparer.OrdinalIgnoreCase) { ["svc"] = new DeployedRelease("gpt-4\u043E", false, Array.Empty<string>()) };
        var f = Gate(entry, new[] { "gpt-4o", "gpt-4" }, deployed).Single(x => x.Check == CheckNames.DeployedMatchesLedger);
        Assert.Equal(FindingStatus.Fail, f.Status);
        Assert.Contains("look-alike characters: a near miss is still a different model", f.Message);
        Assert.Contains(@"'gpt-4" + "\u043E" + @"' holds characters outside printable ASCII: \u043E CYRILLIC SMALL LETTER O (character 6).", f.Message);
    }

    [Fact]
    public void AvailabilityChecksNameTheNearMissAndItsInvisibleCharacters()
    {
        // The ledger was pasted with a soft hyphen; the snapshot lists the clean ID.
        var entry = new LedgerEntry { Service = "svc", CurrentModelId = "gpt-\u00AD4o", RollbackModelId = "gpt-4\uFF4F", Owner = "o" };
        var findings = Gate(entry, new[] { "gpt-4o" });
        var current = findings.Single(x => x.Check == CheckNames.CurrentModelAvailable);
        Assert.Equal(FindingStatus.Fail, current.Status);
        Assert.Contains("Near miss in the list: 'gpt-4o'", current.Message);
        Assert.Contains(@"\u00AD SOFT HYPHEN (character 5)", current.Message);
        var rollback = findings.Single(x => x.Check == CheckNames.RollbackModelAvailable);
        Assert.Contains("Near miss in the list: 'gpt-4o'", rollback.Message);
        Assert.Contains(@"\uFF4F FULLWIDTH LATIN SMALL LETTER O (character 6)", rollback.Message);
    }
}
