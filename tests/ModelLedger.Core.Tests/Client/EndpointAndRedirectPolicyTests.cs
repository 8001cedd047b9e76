using System;
using ModelLedger.Client;

namespace ModelLedger.Core.Tests.Client;

public class EndpointAndRedirectPolicyTests
{
    private const string Key = "sk-test-0123456789abcdef";

    [Theory]
    [InlineData("htps://host.example/?api_key=" + Key, "htps://host.example/?...")]
    [InlineData("host.example/v1?key=" + Key, "host.example/v1?...")]
    [InlineData("https://user:" + Key + "@host.example/v1", "https://...@host.example/v1")]
    [InlineData("https://host.example/#" + Key, "https://host.example/?...")]
    [InlineData("api.cometapi.com", "api.cometapi.com")]
    public void ATypedBaseUriIsQuotedWithoutItsQueryFragmentOrUserInfo(string typed, string shown) =>
        Assert.Equal(shown, ModelsEndpoint.DisplayTyped(typed));

    [Theory]
    [InlineData("htps://host.example/?api_key=" + Key)]
    [InlineData("https://user:" + Key + "@host.example")]
    [InlineData("https://host.example/v1?key=" + Key)]
    public void ABadBaseUriErrorNeverHoldsWhatFollowsTheHost(string typed)
    {
        var ex = Assert.Throws<ModelLedgerException>(() => ModelsEndpoint.Resolve(typed));
        Assert.Equal(ErrorIds.CometApiBaseUriInvalid, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, ex.Category);
        Assert.DoesNotContain(Key, ex.Message);
        Assert.DoesNotContain(Key, ex.Target?.ToString());
    }

    [Fact]
    public void DisplayDropsUserInfoQueryAndFragment() =>
        Assert.Equal("https://host.example:8443/v1/models", ModelsEndpoint.Display(new Uri($"https://{Key}@host.example:8443/v1/models?key={Key}#x")));

    [Theory]
    [InlineData("https://api.cometapi.com", "https://api.cometapi.com/v1/models")]
    [InlineData("https://gw.example/v1", "https://gw.example/v1/models")]
    [InlineData("https://gw.example/v1/models/", "https://gw.example/v1/models")]
    [InlineData(null, "https://api.cometapi.com/v1/models")]
    public void TheModelsUrlIsTheApiRootPlusV1Models(string? baseUri, string expected) =>
        Assert.Equal(expected, ModelsEndpoint.Resolve(baseUri).AbsoluteUri);

    [Fact]
    public void PlainHttpIsOnlyForLoopback()
    {
        Assert.True(ModelsEndpoint.IsSecureFor(new Uri("http://127.0.0.1:5000/v1/models")));
        Assert.True(ModelsEndpoint.IsSecureFor(new Uri("https://api.cometapi.com/v1/models")));
        var ex = Assert.Throws<ModelLedgerException>(() => ModelsEndpoint.EnsureSecure(new Uri("http://api.example/v1/models"), new Uri("http://api.example/v1/models")));
        Assert.Equal(ErrorIds.CometApiInsecureTransport, ex.ErrorId);
        Assert.Equal(FailureCategory.SecurityError, ex.Category);
    }

    private static RedirectChain Chain(string start = "https://api.example/v1/models") =>
        new(new Uri(start), start, _ => { });

    [Fact]
    public void ASameOriginRedirectToAModelsPathKeepsTheKey()
    {
        var chain = Chain();
        chain.Follow(308, new Uri("/api/v1/models", UriKind.Relative));
        Assert.True(chain.SendKey);
        Assert.Equal("https://api.example/api/v1/models", chain.Current.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://other.example/v1/models")]
    [InlineData("http://api.example/v1/models")]          // a downgrade to http on the same host
    [InlineData("https://api.example:8443/v1/models")]    // another port
    public void LeavingTheOriginDropsTheKeyAndIsRemembered(string target)
    {
        var chain = Chain();
        chain.Follow(301, new Uri(target));
        Assert.False(chain.SendKey);
        Assert.NotNull(chain.LeftOriginFor);
    }

    [Theory]
    [InlineData("https://" + Key + "@api.example/v1/models", "credentials")]
    [InlineData("https://api.example/login", "not a models endpoint")]
    [InlineData("ftp://api.example/v1/models", "not a models endpoint")]
    [InlineData("https://other.example/v1/models?next=1", "not a models endpoint")]
    public void RedirectsToAnythingButAModelsEndpointAreRefusedWithoutQuotingTheTarget(string target, string reason)
    {
        var ex = Assert.Throws<ModelLedgerException>(() => Chain().Follow(302, new Uri(target)));
        Assert.Equal(ErrorIds.CometApiSchemaMismatch, ex.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, ex.Category);
        Assert.Equal(302, ex.HttpStatus);
        Assert.Contains(reason, ex.Message);
        Assert.DoesNotContain(Key, ex.Message);
        Assert.DoesNotContain("next=1", ex.Message);
    }

    [Fact]
    public void ARedirectWithoutLocationOrPastTheHopLimitIsRefused()
    {
        Assert.Contains("without a Location", Assert.Throws<ModelLedgerException>(() => Chain().Follow(301, null)).Message);
        var chain = Chain();
        for (var i = 0; i < RedirectChain.MaximumRedirects; i++) chain.Follow(307, new Uri("/v1/models", UriKind.Relative));
        var ex = Assert.Throws<ModelLedgerException>(() => chain.Follow(307, new Uri("/v1/models", UriKind.Relative)));
        Assert.Equal(ErrorIds.CometApiSchemaMismatch, ex.ErrorId);
        Assert.Contains($"more than {RedirectChain.MaximumRedirects} redirects", ex.Message);
    }
}
