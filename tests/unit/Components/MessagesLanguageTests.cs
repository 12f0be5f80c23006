using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Web.Features.Messages;
using CareWorkspace.Web.Localization;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

/// <summary>The message screens speak the reader's language: Danish texts in Danish, English in English.</summary>
public sealed class MessagesLanguageTests : BunitTestBase
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 29, 13, 30, 0, TimeSpan.Zero);

    private static ThreadView Thread() => new(
        Guid.NewGuid(), Guid.NewGuid(), "Ny dosis", MessageCategory.Medication, SharedWithPatient: true, SharedWithRelatives: true,
        NeedsAction: true, ActionHandledBy: null,
        [new MessageView(Guid.NewGuid(), "Lise Dahl", UserRole.MunicipalNurse, "Aarhus Kommune", "Hej", Sent, NeedsAction: true, [], [], IsMine: true)]);

    private IRenderedComponent<ThreadPanel> RenderPanel()
    {
        Render<MudPopoverProvider>();
        return Render<ThreadPanel>(p => p
            .Add(x => x.Thread, Thread())
            .Add(x => x.CanMarkHandled, true)
            .Add(x => x.Reply, (_, _, _) => Task.FromResult<string?>(null)));
    }

    [Fact]
    public void ThreadPanel_InDanish_ShowsDanishTextsAndDanishTime()
    {
        UseLanguage(CareCultures.Danish);

        var text = RenderPanel().Find("[data-testid=thread-panel]").TextContent;

        Assert.Contains("Medicin", text, StringComparison.Ordinal);
        Assert.Contains("Delt med patient og pårørende", text, StringComparison.Ordinal);
        Assert.Contains("Markér som håndteret", text, StringComparison.Ordinal);
        Assert.Contains("Kræver handling", text, StringComparison.Ordinal);
        Assert.Contains("Ikke læst endnu", text, StringComparison.Ordinal);
        Assert.Contains("Send svar", text, StringComparison.Ordinal);
        Assert.Contains("29. nov. 2026", text, StringComparison.Ordinal);
        Assert.Contains("14.30", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Needs action", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreadPanel_InEnglish_ShowsEnglishTexts()
    {
        var text = RenderPanel().Find("[data-testid=thread-panel]").TextContent;

        Assert.Contains("Medication", text, StringComparison.Ordinal);
        Assert.Contains("Shared with patient and relatives", text, StringComparison.Ordinal);
        Assert.Contains("Mark as handled", text, StringComparison.Ordinal);
        Assert.Contains("Not read yet", text, StringComparison.Ordinal);
        Assert.Contains("29 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains("14:30", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreadList_InDanish_CountsMessagesInDanish()
    {
        UseLanguage(CareCultures.Danish);
        var summary = new ThreadSummary(Guid.NewGuid(), Guid.NewGuid(), "Jens Jensen", "Udskrivelse", MessageCategory.Discharge,
            true, true, Sent, "Lise Dahl", 3, Unread: true, NeedsAction: true);

        var cut = Render<ThreadList>(p => p.Add(x => x.Threads, [summary]));

        var text = cut.Find("[data-testid=thread-item]").TextContent;
        Assert.Contains("3 beskeder", text, StringComparison.Ordinal);
        Assert.Contains("Kræver handling", text, StringComparison.Ordinal);
        var labels = cut.FindAll("[aria-label]").Select(e => e.GetAttribute("aria-label")).ToList();
        Assert.Contains("Ulæst", labels);
        Assert.Contains("Beskedtråde", labels);
    }

    [Fact]
    public void AcuteNote_InDanish_PointsTo112()
    {
        UseLanguage(CareCultures.Danish);

        var text = Render<AcuteNote>().Find("[data-testid=acute-note]").TextContent;

        Assert.Contains("Beskeder er ikke til akutte henvendelser.", text, StringComparison.Ordinal);
        Assert.Contains("ring 112", text, StringComparison.Ordinal);
    }
}
