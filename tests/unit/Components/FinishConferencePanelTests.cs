using Bunit;
using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Conferences;

namespace CareWorkspace.UnitTests.Components;

/// <summary>Finishing: attendees are chosen from the participants (those who wrote are ticked), then the minutes lock.</summary>
public sealed class FinishConferencePanelTests : BunitTestBase
{
    [Fact]
    public async Task Finish_SendsTheChosenAttendees()
    {
        IReadOnlyList<ConferenceAttendee>? sent = null;
        var cut = Render<FinishConferencePanel>(p => p
            .Add(c => c.Participants, [new ConferenceParticipantView("Mette Hansen", null), new ConferenceParticipantView("Anne Holm", null), new ConferenceParticipantView("Jens Jensen", null)])
            .Add(c => c.Entries, [new MinutesEntryView(Guid.NewGuid(), "u-mette", "Mette Hansen", "Lungemedicinsk afdeling", Sector.Hospital, "Plan", Guid.NewGuid(), DateTimeOffset.UnixEpoch)])
            .Add(c => c.Finish, attendees =>
            {
                sent = attendees;
                return Task.FromResult<string?>(null);
            }));

        await cut.Find("[data-testid=conference-finish]").ClickAsync();
        // Mette wrote, so she is ticked; Anne is ticked by hand, Jens is left out.
        var boxes = cut.FindAll("input[data-testid=conference-attendee]");
        Assert.Equal(3, boxes.Count);
        // In the order offered: Mette, Anne, Jens.
        await boxes[1].ChangeAsync(true);
        await cut.Find("[data-testid=conference-finish-confirm]").ClickAsync();

        Assert.NotNull(sent);
        Assert.Equal(["Anne Holm", "Mette Hansen"], sent!.Select(a => a.Name).Order());
        Assert.Empty(cut.FindAll("[data-testid=conference-finish-panel]"));
    }

    [Fact]
    public async Task Finish_Refused_ShowsWhyAndStaysOpen()
    {
        var cut = Render<FinishConferencePanel>(p => p
            .Add(c => c.Participants, [new ConferenceParticipantView("Mette Hansen", null)])
            .Add(c => c.Entries, [new MinutesEntryView(Guid.NewGuid(), "u-mette", "Mette Hansen", null, null, "Plan", Guid.NewGuid(), DateTimeOffset.UnixEpoch)])
            .Add(c => c.Finish, _ => Task.FromResult<string?>("The minutes were finished by Peter Larsen.")));

        await cut.Find("[data-testid=conference-finish]").ClickAsync();
        await cut.Find("[data-testid=conference-finish-confirm]").ClickAsync();

        Assert.Contains("finished by Peter Larsen", cut.Find("[data-testid=conference-finish-error]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=conference-finish-panel]"));
    }
}
