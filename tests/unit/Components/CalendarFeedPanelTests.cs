using Bunit;
using CareWorkspace.Web.Features.CalendarFeeds;

namespace CareWorkspace.UnitTests.Components;

/// <summary>Calendar subscriptions: the new address is shown once with a copy button; stopping one takes it away.</summary>
public sealed class CalendarFeedPanelTests : BunitTestBase
{
    private const string Address = "https://care.example/calendar/feed/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics";

    [Fact]
    public async Task Create_ShowsTheAddressOnce_AndCopiesIt()
    {
        var id = Guid.NewGuid();
        var cut = Render<CalendarFeedPanel>(p => p
            .Add(c => c.Subscriptions, [])
            .Add(c => c.Create, () => Task.FromResult<(NewCalendarFeed?, string?)>((new NewCalendarFeed(id, Address), null)))
            .Add(c => c.Revoke, _ => Task.FromResult<string?>(null)));
        var clipboard = JSInterop.SetupVoid("navigator.clipboard.writeText", Address);
        clipboard.SetVoidResult();

        await cut.Find("[data-testid=calendar-feed-create]").ClickAsync();
        await cut.Find("[data-testid=calendar-feed-copy]").ClickAsync();

        Assert.Equal(Address, cut.Find("[data-testid=calendar-feed-address]").TextContent);
        Assert.Single(clipboard.Invocations);
        Assert.Contains("Copied.", cut.Find("[data-testid=calendar-feed-created]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_SendsTheSubscription_AndHidesItsAddress()
    {
        var id = Guid.NewGuid();
        Guid? revoked = null;
        var cut = Render<CalendarFeedPanel>(p => p
            .Add(c => c.Subscriptions, [new CalendarFeedSubscriptionView(id, DateTimeOffset.UnixEpoch)])
            .Add(c => c.Create, () => Task.FromResult<(NewCalendarFeed?, string?)>((new NewCalendarFeed(id, Address), null)))
            .Add(c => c.Revoke, s =>
            {
                revoked = s;
                return Task.FromResult<string?>(null);
            }));

        await cut.Find("[data-testid=calendar-feed-create]").ClickAsync();
        await cut.Find("[data-testid=calendar-feed-revoke]").ClickAsync();

        Assert.Equal(id, revoked);
        Assert.Empty(cut.FindAll("[data-testid=calendar-feed-created]"));
    }

    [Fact]
    public async Task Create_Refused_ShowsWhy()
    {
        var cut = Render<CalendarFeedPanel>(p => p
            .Add(c => c.Subscriptions, [])
            .Add(c => c.Create, () => Task.FromResult<(NewCalendarFeed?, string?)>((null, "Calendar subscriptions are for the patient and relatives.")))
            .Add(c => c.Revoke, _ => Task.FromResult<string?>(null)));

        await cut.Find("[data-testid=calendar-feed-create]").ClickAsync();

        Assert.Contains("for the patient and relatives", cut.Find("[data-testid=calendar-feed-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=calendar-feed-address]"));
    }
}
