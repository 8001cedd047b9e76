using System;
using System.IO;
using System.Linq;
using System.Text;
using ModelLedger.IO;
using ModelLedger.Snapshots;

namespace ModelLedger.Core.Tests;

public class SnapshotFileTests
{
    private static ModelSnapshot Sample() => new()
    {
        CapturedAt = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero),
        Source = "https://api.cometapi.com/v1/models",
        CredentialLabel = "production",
        ResponseSha256 = new string('a', 64),
        Models =
        {
            new CometModel { Id = "gpt-5.4-mini", OwnedBy = "openai", Created = DateTimeOffset.FromUnixTimeSeconds(1626777600), Object = "model" },
            new CometModel { Id = "gpt-5.4-mini-2026-03-17" },
        },
    };

    [Fact]
    public void RoundTripsEveryField()
    {
        using var t = new TempFiles();
        var path = t.PathOf("snap.json");
        SnapshotWriter.WriteFile(path, Sample());
        var read = SnapshotReader.ReadFile(path);
        Assert.Equal(Sample().CapturedAt, read.CapturedAt);
        Assert.Equal("https://api.cometapi.com/v1/models", read.Source);
        Assert.Equal("production", read.CredentialLabel);
        Assert.Equal(new string('a', 64), read.ResponseSha256);
        Assert.Equal(new[] { "gpt-5.4-mini", "gpt-5.4-mini-2026-03-17" }, read.Models.Select(m => m.Id));
        Assert.Equal("openai", read.Models[0].OwnedBy);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1626777600), read.Models[0].Created);
        Assert.Equal("model", read.Models[0].Object);
        Assert.Null(read.Models[1].OwnedBy);
        Assert.All(read.Models, m => Assert.Equal(path, m.Source));
        Assert.All(read.Models, m => Assert.Equal(read.CapturedAt, m.CapturedAt));
    }

    [Theory]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\"}", "models")]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\",\"models\":{}}", "models")]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\",\"models\":[{\"id\":5}]}", "models[].id")]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\",\"models\":[{\"ownedBy\":\"x\"}]}", "models[].id")]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\",\"models\":[{\"id\":\"\"}]}", "models[].id")]
    [InlineData("{\"schemaVersion\":9,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\",\"models\":[]}", "schemaVersion")]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"soon\",\"source\":\"s\",\"models\":[]}", "capturedAt")]
    [InlineData("{\"schemaVersion\":1,\"capturedAt\":\"2026-11-24T08:00:00Z\",\"source\":\"s\",\"models\":[{\"id\":\"a\"}", null)]
    public void WrongShapeIsSnapshotInvalidNeverAnEmptyList(string json, string? field)
    {
        using var t = new TempFiles();
        var p = t.Write("s.json", json);
        var ex = Assert.Throws<ModelLedgerException>(() => SnapshotReader.ReadFile(p));
        Assert.Equal(ErrorIds.SnapshotInvalid, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, ex.Category);
        Assert.Equal(field, ex.Field);
        Assert.Equal(p, ex.FilePath);
        Assert.Contains("Get-CometModel -OutSnapshot", ex.Message);
    }

    [Fact]
    public void MissingSnapshotIsSnapshotNotFound()
    {
        var ex = Assert.Throws<ModelLedgerException>(() => SnapshotReader.ReadFile("/no/such/snapshot.json"));
        Assert.Equal(ErrorIds.SnapshotNotFound, ex.ErrorId);
    }

    [Fact]
    public void AtomicWriteReplacesWholeAndLeavesNoTempFiles()
    {
        using var t = new TempFiles();
        var p = t.PathOf("out.json");
        AtomicFile.WriteAllBytes(p, Encoding.UTF8.GetBytes("old"));
        AtomicFile.WriteAllBytes(p, Encoding.UTF8.GetBytes("new content"));
        Assert.Equal("new content", File.ReadAllText(p));
        Assert.Equal(new[] { "out.json" }, Directory.GetFiles(t.Dir).Select(Path.GetFileName));
    }

    [Fact]
    public void AtomicWriteFailureLeavesTheOldFileAndNoTemp()
    {
        using var t = new TempFiles();
        var target = Path.Combine(t.Dir, "sub");
        Directory.CreateDirectory(target); // a folder where the file should go: the rename must fail
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(target, new byte[] { 1 }));
        Assert.True(Directory.Exists(target));
        Assert.Empty(Directory.GetFiles(t.Dir));
    }
}
