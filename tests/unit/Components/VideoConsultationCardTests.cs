using Bunit;
using CareWorkspace.Web.Features.Video;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

/// <summary>The video launch: Start for the host, Join for participants in the window, the reason otherwise.</summary>
public sealed class VideoConsultationCardTests : BunitTestBase
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static VideoConsultationView View(bool participant = true, bool host = false, bool open = true, string? startedBy = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Check-up", Start, Start.AddMinutes(30), Start.AddMinutes(-10), participant, host, open,
            startedBy is null ? null : Start.AddMinutes(-5), startedBy, startedBy is null ? null : "u-" + startedBy);

    private IRenderedComponent<VideoConsultationCard> RenderCard(VideoConsultationView view, DateTimeOffset now, Action? onStart = null) =>
        Render<VideoConsultationCard>(p => p.Add(c => c.View, view).Add(c => c.Now, now).Add(c => c.OnStart, onStart ?? (() => { })));

    [Fact]
    public void Host_InWindow_NotStarted_GetsStartAndJoin()
    {
        var started = false;
        var view = View(host: true);
        var cut = RenderCard(view, Start.AddMinutes(-5), () => started = true);

        cut.Find("[data-testid=video-start]").Click();

        Assert.True(started);
        Assert.Equal(VideoEndpoints.JoinPath(view.AppointmentId), cut.Find("[data-testid=video-join]").GetAttribute("href"));
        Assert.Equal("_blank", cut.Find("[data-testid=video-join]").GetAttribute("target"));
    }

    [Fact]
    public void Participant_AfterStart_SeesWhoStartedAndJoin_ButNoStart()
    {
        var cut = RenderCard(View(startedBy: "Mette Hansen"), Start);

        Assert.Contains("Mette Hansen started the video consultation", cut.Find("[data-testid=video-started]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=video-start]"));
        Assert.Single(cut.FindAll("[data-testid=video-join]"));
    }

    [Fact]
    public void NonParticipant_GetsNoJoinButTheReason()
    {
        var cut = RenderCard(View(participant: false), Start);

        Assert.Empty(cut.FindAll("[data-testid=video-join]"));
        Assert.Contains("Only the participants", cut.Find("[data-testid=video-not-participant]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void BeforeTheWindow_SaysWhenItOpens_AfterIt_ThatItEnded()
    {
        var early = RenderCard(View(open: false), Start.AddHours(-3));
        Assert.Empty(early.FindAll("[data-testid=video-join]"));
        Assert.Contains("10 minutes before the start", early.Find("[data-testid=video-closed]").TextContent, StringComparison.Ordinal);

        var late = RenderCard(View(open: false), Start.AddHours(3));
        Assert.Contains("has ended", late.Find("[data-testid=video-closed]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void InDanish_TheButtonsAreDanish()
    {
        UseLanguage(CareCultures.Danish);

        var cut = RenderCard(View(host: true), Start);

        Assert.Contains("Start videokonsultation", cut.Find("[data-testid=video-start]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Deltag", cut.Find("[data-testid=video-join]").TextContent, StringComparison.Ordinal);
    }
}
