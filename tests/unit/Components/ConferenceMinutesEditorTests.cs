using Bunit;
using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Conferences;

namespace CareWorkspace.UnitTests.Components;

/// <summary>The shared minutes: others' entries arrive live while the viewer's own draft is kept.</summary>
public sealed class ConferenceMinutesEditorTests : BunitTestBase
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);

    private static MinutesEntryView Entry(string userId, string name, string text) =>
        new(Guid.NewGuid(), userId, name, "Org " + name, Sector.Hospital, text, Guid.NewGuid(), At);

    private static ConferenceMinutesView Minutes(params MinutesEntryView[] entries) => new(entries, true, true, null, null, []);

    private IRenderedComponent<ConferenceMinutesEditor> RenderEditor(ConferenceMinutesView minutes, Func<string, Guid?, Task<MinutesSaveResult>> save) =>
        Render<ConferenceMinutesEditor>(p => p.Add(c => c.Minutes, minutes).Add(c => c.OwnUserId, "u-me").Add(c => c.Save, save));

    [Fact]
    public async Task OthersSave_WhileITyped_MyDraftStaysAndTheirTextAppears()
    {
        var cut = RenderEditor(Minutes(), (_, _) => Task.FromResult(new MinutesSaveResult(Guid.NewGuid(), null)));
        await cut.Find("textarea[data-testid=minutes-input]").InputAsync("My notes, not saved yet");

        cut.Render(p => p.Add(c => c.Minutes, Minutes(Entry("u-gp", "Peter Larsen", "GP follow-up within 7 days"))));

        Assert.Equal("My notes, not saved yet", cut.Find("textarea[data-testid=minutes-input]").GetAttribute("value") ?? cut.Find("textarea[data-testid=minutes-input]").TextContent);
        Assert.Contains("GP follow-up within 7 days", cut.Find("[data-testid=minutes-entry-text]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_SendsMyTextFromMyVersion_AndAFailureKeepsIt()
    {
        var mine = Entry("u-me", "Me", "Old text");
        (string Text, Guid? BasedOn)? sent = null;
        var cut = RenderEditor(Minutes(mine), (text, basedOn) =>
        {
            sent = (text, basedOn);
            return Task.FromResult(new MinutesSaveResult(null, "Your part of the minutes was changed by Me."));
        });

        await cut.Find("textarea[data-testid=minutes-input]").InputAsync("New text");
        await cut.Find("[data-testid=minutes-save]").ClickAsync();

        Assert.Equal(("New text", (Guid?)mine.Version), sent);
        Assert.Contains("was changed by Me", cut.Find("[data-testid=minutes-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal("New text", cut.Find("textarea[data-testid=minutes-input]").GetAttribute("value") ?? cut.Find("textarea[data-testid=minutes-input]").TextContent);
    }

    [Fact]
    public void Finished_ShowsTheLockAndAttendees_AndNoInput()
    {
        var finished = new ConferenceMinutesView([Entry("u-me", "Me", "Plan agreed")], false, false, At, "Peter Larsen",
            [new ConferenceAttendee("Mette Hansen", "Lungemedicinsk afdeling"), new ConferenceAttendee("Peter Larsen", null)]);

        var cut = RenderEditor(finished, (_, _) => throw new InvalidOperationException("No save on locked minutes"));

        Assert.Empty(cut.FindAll("[data-testid=minutes-input]"));
        Assert.Contains("Finished by Peter Larsen", cut.Find("[data-testid=minutes-finished]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Mette Hansen (Lungemedicinsk afdeling), Peter Larsen", cut.Find("[data-testid=minutes-attendees]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Plan agreed", cut.Find("[data-testid=minutes-entry-text]").TextContent, StringComparison.Ordinal);
    }
}
