using Bunit;
using CareWorkspace.Web.Features.Video;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

/// <summary>"… started the video consultation — Join" for the other participants, never for the host who started it.</summary>
public sealed class VideoStartedPromptTests : BunitTestBase
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static VideoConsultationView View(string? startedByUserId, bool participant = true, bool open = true) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Check-up", Start, Start.AddMinutes(30), Start.AddMinutes(-10), participant, false, open,
            startedByUserId is null ? null : Start, startedByUserId is null ? null : "Mette Hansen", startedByUserId);

    private IRenderedComponent<VideoStartedPrompt> RenderPrompt(string ownUserId, params VideoConsultationView[] views) =>
        Render<VideoStartedPrompt>(p => p.Add(c => c.Consultations, views).Add(c => c.OwnUserId, ownUserId));

    [Fact]
    public void Started_ByAnother_ShowsWhoAndJoin()
    {
        var view = View("u-mette");
        var cut = RenderPrompt("u-jens", view);

        var prompt = cut.Find("[data-testid=video-started-prompt]");
        Assert.Contains("Mette Hansen started the video consultation", prompt.TextContent, StringComparison.Ordinal);
        Assert.Equal(view.JoinPath, cut.Find("[data-testid=video-started-join]").GetAttribute("href"));
    }

    [Fact]
    public void NotStarted_StartedByMe_NotMine_OrClosed_ShowNothing()
    {
        var cut = RenderPrompt("u-mette", View(null), View("u-mette"), View("u-other", participant: false), View("u-other", open: false));

        Assert.Empty(cut.FindAll("[data-testid=video-started-prompt]"));
    }

    [Fact]
    public void OnAStaffCalendar_SaysWhosePatient_InEnglishAndDanish()
    {
        var view = View("u-mette");
        var names = new Dictionary<Guid, string> { [view.AppointmentId] = "Jens Jensen" };
        var cut = Render<VideoStartedPrompt>(p => p.Add(c => c.Consultations, [view]).Add(c => c.OwnUserId, "u-gp").Add(c => c.PatientNames, names));
        Assert.Contains("Mette Hansen started the video consultation with Jens Jensen", cut.Find("[data-testid=video-started-prompt]").TextContent, StringComparison.Ordinal);

        UseLanguage(CareCultures.Danish);
        var danish = Render<VideoStartedPrompt>(p => p.Add(c => c.Consultations, [view]).Add(c => c.OwnUserId, "u-gp").Add(c => c.PatientNames, names));
        Assert.Contains("Mette Hansen startede videokonsultationen med Jens Jensen", danish.Find("[data-testid=video-started-prompt]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Deltag", danish.Find("[data-testid=video-started-join]").TextContent, StringComparison.Ordinal);
    }
}
