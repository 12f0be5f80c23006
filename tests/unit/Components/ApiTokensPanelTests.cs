using Bunit;
using CareWorkspace.Web.Features.Account;

namespace CareWorkspace.UnitTests.Components;

/// <summary>The account page's API tokens: a new token is shown once with a copy button; revoking sends the token and hides it.</summary>
public sealed class ApiTokensPanelTests : BunitTestBase
{
    private const string Secret = "cwk_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    [Fact]
    public async Task Create_SendsTheNameAndLifetime_ShowsTheSecretOnce_AndCopiesIt()
    {
        var id = Guid.NewGuid();
        (string Name, int Days)? asked = null;
        var cut = Render<ApiTokensPanel>(p => p
            .Add(c => c.Tokens, [])
            .Add(c => c.Create, (name, days) =>
            {
                asked = (name, days);
                return Task.FromResult<(NewApiToken?, string?)>((new NewApiToken(id, name, Secret, DateTimeOffset.UnixEpoch), null));
            })
            .Add(c => c.Revoke, _ => Task.FromResult<string?>(null)));
        var clipboard = JSInterop.SetupVoid("navigator.clipboard.writeText", Secret);
        clipboard.SetVoidResult();

        await cut.Find("#api-token-name").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Reporting script" });
        await cut.Find("[data-testid=api-token-create]").ClickAsync();
        await cut.Find("[data-testid=api-token-copy]").ClickAsync();

        Assert.Equal(("Reporting script", 90), asked);
        Assert.Equal(Secret, cut.Find("[data-testid=api-token-secret]").TextContent);
        Assert.Contains("shown only this once", cut.Find("[data-testid=api-token-created]").TextContent, StringComparison.Ordinal);
        Assert.Single(clipboard.Invocations);
        Assert.Contains("Copied.", cut.Find("[data-testid=api-token-created]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_SendsTheToken_AndHidesItsSecret()
    {
        var id = Guid.NewGuid();
        Guid? revoked = null;
        var cut = Render<ApiTokensPanel>(p => p
            .Add(c => c.Tokens, [new ApiTokenView(id, "Script", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(90), null)])
            .Add(c => c.Create, (name, _) => Task.FromResult<(NewApiToken?, string?)>((new NewApiToken(id, name, Secret, DateTimeOffset.UnixEpoch), null)))
            .Add(c => c.Revoke, t =>
            {
                revoked = t;
                return Task.FromResult<string?>(null);
            }));

        await cut.Find("[data-testid=api-token-create]").ClickAsync();
        Assert.Contains("Revoke the token Script", cut.Find("[data-testid=api-token-revoke]").GetAttribute("aria-label"), StringComparison.Ordinal);
        await cut.Find("[data-testid=api-token-revoke]").ClickAsync();

        Assert.Equal(id, revoked);
        Assert.Empty(cut.FindAll("[data-testid=api-token-created]"));
    }

    [Fact]
    public async Task Create_Refused_ShowsWhy_AndNoSecret()
    {
        var cut = Render<ApiTokensPanel>(p => p
            .Add(c => c.Tokens, [])
            .Add(c => c.Create, (_, _) => Task.FromResult<(NewApiToken?, string?)>((null, "Token name is required.")))
            .Add(c => c.Revoke, _ => Task.FromResult<string?>(null)));

        await cut.Find("[data-testid=api-token-create]").ClickAsync();

        Assert.Contains("Token name is required.", cut.Find("[data-testid=api-token-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=api-token-secret]"));
        Assert.NotNull(cut.Find("[data-testid=api-tokens-none]"));
    }
}
