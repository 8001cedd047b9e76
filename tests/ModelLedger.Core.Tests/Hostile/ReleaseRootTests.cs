using System.IO;
using ModelLedger.Config;
using ModelLedger.IO;
using static ModelLedger.Core.Tests.Hostile.HostileFiles;

namespace ModelLedger.Core.Tests.Hostile;

/// <summary>A config ref resolves inside the release root after following every link; one that leaves it is refused unread.</summary>
public class ReleaseRootTests
{
    [Fact]
    public void RealPathFollowsLinksOnTheWayAndDotDotAfterThem()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        Directory.CreateDirectory(t.PathOf("root/deploy"));
        Directory.CreateDirectory(t.PathOf("outside/deep"));
        File.WriteAllText(t.PathOf("outside/secret.env"), "DB_PASSWORD=x\n");
        Link(t, "root/deploy/jump", "../../outside/deep");
        // jump/.. is outside/, not root/deploy/: ".." is taken after the link, as the kernel does.
        Assert.Equal(t.PathOf("outside/secret.env"), RealPath.Of(t.PathOf("root/deploy/jump/../secret.env")));
        Assert.False(RealPath.IsInside(t.PathOf("root"), t.PathOf("root/deploy/jump/../secret.env")));
        Assert.True(RealPath.IsInside(t.PathOf("root"), t.PathOf("root/deploy")));
    }

    [Fact]
    public void ALinkLoopHasNoRealPathAndIsNotInside()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        Link(t, "a", t.PathOf("b"));
        Link(t, "b", t.PathOf("a"));
        Assert.Null(RealPath.Of(t.PathOf("a")));
        Assert.False(RealPath.IsInside(t.Dir, t.PathOf("a")));
    }

    public static TheoryData<string> Leaving => new() { "../outside/secret.env", "/proc/self/environ" };

    [Theory]
    [MemberData(nameof(Leaving))]
    public void ALinkThatLeavesTheRootIsRefusedNamingNothingOfItsTarget(string target)
    {
        if (!Unix) return;
        using var t = new TempFiles();
        Directory.CreateDirectory(t.PathOf("root"));
        Directory.CreateDirectory(t.PathOf("outside"));
        File.WriteAllText(t.PathOf("outside/secret.env"), "DB_PASSWORD=hunter2\n");
        var leak = Link(t, "root/leak.env", target);
        var ex = Assert.Throws<ModelLedgerException>(() => ConfigPathResolver.RequireInside(t.PathOf("root"), leak));
        Assert.Equal(ErrorIds.DryRunConfigUnreadable, ex.ErrorId);
        Assert.Equal(FailureCategory.SecurityError, ex.Category);
        Assert.Contains("leak.env", ex.Message);
        foreach (var shown in new[] { ex.Message, ex.RecommendedAction ?? "", ex.Target?.ToString() ?? "" })
        {
            Assert.DoesNotContain(t.PathOf("outside"), shown);
            Assert.DoesNotContain("secret.env", shown);
            Assert.DoesNotContain("DB_PASSWORD", shown);
            Assert.DoesNotContain("/proc", shown);
        }
    }

    [Fact]
    public void ALinkInsideTheRootIsRead()
    {
        if (!Unix) return;
        using var t = new TempFiles();
        Directory.CreateDirectory(t.PathOf("root/shared"));
        File.WriteAllText(t.PathOf("root/shared/app.env"), "MODEL=gpt-4o\n");
        var link = Link(t, "root/app.env", "shared/app.env");
        ConfigPathResolver.RequireInside(t.PathOf("root"), link);
        ConfigPathResolver.RequireInside(t.PathOf("root"), t.PathOf("root/shared/app.env"));
    }
}
