using AngleSharp.Dom;
using Bunit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Web.Features.Pathway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class EditConflictDialogTests : BunitTestBase
{
    private static readonly DateTimeOffset ChangedAt = new(2025, 3, 7, 9, 30, 15, TimeSpan.Zero);

    private static readonly StaleEditException Conflict = new("This care team member", "Bo Doctor", ChangedAt, new Dictionary<string, string?>
    {
        ["Person"] = "Karen Hjemmepleje",
        ["Phone"] = "+45 99 88 77 66",
        ["To"] = null,
    });

    private static readonly Dictionary<string, string?> Yours = new()
    {
        ["Person"] = "Mette Sygeplejerske",
        ["Phone"] = "+45 99 88 77 66",
        ["To"] = "2025-06-30",
    };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<ConflictChoice> Choice)> AskAsync()
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var resolver = new ConflictResolver(Services.GetRequiredService<IDialogService>(), Services.GetRequiredService<IStringLocalizer<ConflictResolver>>(), NullLogger<ConflictResolver>.Instance);
        Task<ConflictChoice> choice = null!;
        // A statement lambda: start asking, but do not wait on the renderer for the answer.
        await provider.InvokeAsync(() => { choice = resolver.AskAsync(Conflict, Yours); });
        provider.WaitForElement("[data-testid=conflict-message]", Timeout);
        return (provider, choice);
    }

    private static IElement Button(IRenderedComponent<MudDialogProvider> provider, string text) =>
        provider.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task ShowAsync_Conflict_NamesWhoAndWhen()
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<EditConflictDialog>
        {
            { d => d.Item, Conflict.Item },
            { d => d.ChangedBy, Conflict.ChangedBy },
            { d => d.ChangedAt, Conflict.ChangedAt },
            { d => d.TheirValues, Conflict.CurrentValues },
            { d => d.YourValues, Yours },
        };

        await provider.InvokeAsync(() => dialogs.ShowAsync<EditConflictDialog>("Someone else changed this first", parameters));

        var message = provider.WaitForElement("[data-testid=conflict-message]", Timeout).TextContent;
        Assert.Contains("This care team member was changed by", message, StringComparison.Ordinal);
        Assert.Contains("Bo Doctor", message, StringComparison.Ordinal);
        // 09:30 UTC is 10:30 in Copenhagen in March, whatever the server's time zone.
        Assert.Contains("7 Mar 2025, 10:30", message, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this first", provider.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_Conflict_ShowsTheirAndYourValuesSideBySide()
    {
        var (provider, _) = await AskAsync();

        var rows = provider.FindAll("tbody tr");
        Assert.Equal(["Person", "Phone", "To"], rows.Select(r => r.Children[0].TextContent.Trim()));
        Assert.Equal(["Karen Hjemmepleje", "+45 99 88 77 66", "—"], provider.FindAll("[data-testid=conflict-theirs]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["Mette Sygeplejerske", "+45 99 88 77 66", "2025-06-30"], provider.FindAll("[data-testid=conflict-yours]").Select(c => c.TextContent.Trim()));
        Assert.Equal([true, false, true], rows.Select(r => r.ClassList.Contains("conflict--differs")));
        Assert.Contains("Now saved (Bo Doctor)", provider.Find("thead").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_ApplyMyChangeAgain_ResolvesApplyMineAgain()
    {
        var (provider, choice) = await AskAsync();

        await Button(provider, "Apply my change again").ClickAsync(new());

        Assert.Equal(ConflictChoice.ApplyMineAgain, await choice.WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken));
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=conflict-message]")), Timeout);
    }

    [Fact]
    public async Task AskAsync_ReloadTheirVersion_ResolvesReload()
    {
        var (provider, choice) = await AskAsync();

        await Button(provider, "Reload their version").ClickAsync(new());

        Assert.Equal(ConflictChoice.Reload, await choice.WaitAsync(Timeout, Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AskAsync_BeforeAnyClick_StaysOpen()
    {
        var (provider, choice) = await AskAsync();

        Assert.False(choice.IsCompleted);
        Assert.Equal(2, provider.FindAll("button").Count(b => b.TextContent.Trim() is "Apply my change again" or "Reload their version"));
    }

    [Fact]
    public async Task AskAsync_InDanish_ExplainsTheConflictInDanish()
    {
        UseLanguage(CareWorkspace.Web.Localization.CareCultures.Danish);

        var (provider, _) = await AskAsync();

        var message = provider.Find("[data-testid=conflict-message]").TextContent;
        Assert.Contains("Dette medlem af behandlingsteamet blev ændret af Bo Doctor den 7. mar. 2025 kl. 10.30", message, StringComparison.Ordinal);
        Assert.Contains("En anden har ændret det først", provider.Markup, StringComparison.Ordinal);
        Assert.Equal(["Person", "Telefon", "Til"], provider.FindAll("tbody tr").Select(r => r.Children[0].TextContent.Trim()));
        Assert.Equal(2, provider.FindAll("button").Count(b => b.TextContent.Trim() is "Gem min ændring igen" or "Hent den gemte version"));
    }
}
