using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Rehabilitation;
using CareWorkspace.Web.Features.Rehabilitation;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

/// <summary>
/// The logged sessions: a correction is offered only where the viewer may make it, what was corrected reads as who, when
/// and each value before and after, and a refused correction is shown with what was typed kept. An earlier plan opens read-only.
/// </summary>
public sealed class RehabilitationSessionListTests : BunitTestBase
{
    private static readonly DateOnly Day = new(2026, 11, 4);

    private static SessionView Session(bool canCorrect, params SessionCorrection[] corrections) =>
        new(Guid.NewGuid(), Day, null, null, SessionOutcome.Done, 2, "Fint", "Jens Jensen", UserRole.Patient, new DateTimeOffset(2026, 11, 4, 17, 0, 0, TimeSpan.Zero))
        {
            Version = Guid.NewGuid(),
            CanCorrect = canCorrect,
            Corrections = corrections,
        };

    [Fact]
    public void A_corrected_session_shows_who_when_and_each_value_before_and_after()
    {
        var correction = new SessionCorrection(new DateTimeOffset(2026, 11, 5, 8, 30, 0, TimeSpan.Zero), "u-physio", "Jonas Mikkelsen",
            [new SessionFieldChange(SessionField.Outcome, "Done", "Partly"), new SessionFieldChange(SessionField.Pain, null, "5")]);

        var cut = Render<RehabilitationSessionList>(p => p.Add(c => c.Sessions, [Session(false, correction)]));

        Assert.Equal("Corrected by Jonas Mikkelsen, 5 Nov 2026, 09:30: How it went: Done → Partly done; Pain: – → 5",
            string.Join(" ", cut.Find("[data-testid=session-correction]").TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(cut.FindAll("[data-testid=correct-session]"));
    }

    [Fact]
    public void A_correction_is_offered_only_for_sessions_the_viewer_may_correct_and_only_when_the_list_takes_corrections()
    {
        var cut = Render<RehabilitationSessionList>(p => p
            .Add(c => c.Sessions, [Session(true), Session(false)])
            .Add(c => c.Correct, (_, _) => Task.FromResult<string?>(null)));
        Assert.Single(cut.FindAll("[data-testid=correct-session]"));

        var readOnly = Render<RehabilitationSessionList>(p => p.Add(c => c.Sessions, [Session(true)]));
        Assert.Empty(readOnly.FindAll("[data-testid=correct-session]"));
    }

    [Fact]
    public async Task A_correction_sends_the_new_values_and_a_refusal_is_shown_with_the_input_kept()
    {
        var session = Session(true);
        var sent = new List<(SessionView Session, SessionInput Input)>();
        var cut = Render<RehabilitationSessionList>(p => p
            .Add(c => c.Sessions, [session])
            .Add(c => c.Correct, (s, input) =>
            {
                sent.Add((s, input));
                return Task.FromResult<string?>("The training session was changed by Jonas Mikkelsen.");
            }));

        await cut.Find("[data-testid=correct-session]").ClickAsync();
        await cut.Find("[data-testid=correction-outcome-NotDone]").ClickAsync();
        await cut.Find($"#correction-note-{session.Id}").ChangeAsync("Glemte det");
        await cut.Find("[data-testid=save-correction]").ClickAsync();

        var (to, input) = Assert.Single(sent);
        Assert.Equal(session.Id, to.Id);
        Assert.Equal(new SessionInput(Day, null, SessionOutcome.NotDone, 2, "Glemte det"), input);
        Assert.Equal("The training session was changed by Jonas Mikkelsen.", cut.Find("[data-testid=correction-error]").TextContent.Trim());
        Assert.Equal("Glemte det", cut.Find($"#correction-note-{session.Id}").GetAttribute("value"));
        Assert.Equal("true", cut.Find("[data-testid=correction-outcome-NotDone]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_saved_correction_closes_the_form()
    {
        var cut = Render<RehabilitationSessionList>(p => p
            .Add(c => c.Sessions, [Session(true)])
            .Add(c => c.Correct, (_, _) => Task.FromResult<string?>(null)));

        await cut.Find("[data-testid=correct-session]").ClickAsync();
        await cut.Find("[data-testid=correction-outcome-Partly]").ClickAsync();
        await cut.Find("[data-testid=save-correction]").ClickAsync();

        Assert.Empty(cut.FindAll("[data-testid=session-correction-form]"));
    }

    [Fact]
    public async Task An_earlier_plan_opens_read_only_with_its_exercises_and_training()
    {
        var plan = new RehabilitationPlanView(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Jens Jensen", "010150-1234", RehabilitationKind.General,
            Guid.NewGuid(), "Havby Kommune, Genoptræningscenter", new DateOnly(2026, 9, 1), 2, new DateOnly(2026, 9, 15), null,
            [new ExerciseView(Guid.NewGuid(), "Trappegang", null, 2, 10, null, 3)], "Mette Hansen", new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), null, null);
        var replaced = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        var opened = new List<Guid>();
        var cut = Render<EarlierRehabilitationPlans>(p => p
            .Add(c => c.Plans, [new EarlierPlanSummary(plan.Id, plan.Kind, plan.ResponsibleOrganisationName, plan.StartDate, plan.CreatedBy, plan.CreatedAt, replaced)])
            .Add(c => c.Open, id =>
            {
                opened.Add(id);
                return Task.FromResult(new EarlierPlanView(plan, replaced, [Session(true)], []));
            }));

        await cut.Find("[data-testid=open-earlier-plan]").ClickAsync();

        Assert.Equal([plan.Id], opened);
        var view = cut.Find("[data-testid=earlier-plan-view]");
        Assert.Contains("read only", view.TextContent);
        Assert.Contains("Trappegang", view.TextContent);
        Assert.Single(cut.FindAll("[data-testid=rehabilitation-session]"));
        Assert.Empty(cut.FindAll("[data-testid=correct-session]"));
        Assert.Empty(cut.FindAll("[data-testid=change-rehabilitation-plan]"));
    }

    [Fact]
    public void The_correction_history_reads_in_Danish()
    {
        UseLanguage(CareCultures.Danish);
        var correction = new SessionCorrection(new DateTimeOffset(2026, 11, 5, 8, 30, 0, TimeSpan.Zero), "u-jens", "Jens Jensen",
            [new SessionFieldChange(SessionField.Outcome, "Done", "NotDone")]);

        var cut = Render<RehabilitationSessionList>(p => p.Add(c => c.Sessions, [Session(false, correction)]));

        Assert.Contains("Rettet af Jens Jensen", cut.Find("[data-testid=session-correction]").TextContent);
        Assert.Contains("Ikke udført", cut.Find("[data-testid=session-correction]").TextContent);
    }
}
