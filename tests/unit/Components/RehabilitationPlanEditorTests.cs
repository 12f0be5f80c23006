using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Rehabilitation;
using CareWorkspace.Web.Features.Rehabilitation;
using CareWorkspace.Web.Localization;
using CareWorkspace.Web.Resources;

namespace CareWorkspace.UnitTests.Components;

/// <summary>The exercise editor: what is typed is sent as the plan's input, and a refusal is shown with everything kept.</summary>
public sealed class RehabilitationPlanEditorTests : BunitTestBase
{
    private static readonly UnitOption Unit = new(Guid.NewGuid(), "Havby Kommune, Genoptræningscenter");
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly Actor Doctor = new("u-doctor", "Mette Hansen", UserRole.HospitalClinician, Guid.NewGuid(), "Lungemedicinsk afdeling");

    /// <summary>Saves as the service would: the plan's own rules decide, and a refusal comes back in the reader's words.</summary>
    private static Task<string?> SaveThroughTheDomain(RehabilitationPlanInput input, List<RehabilitationPlanInput> sent)
    {
        sent.Add(input);
        try
        {
            RehabilitationPlan.Make(Doctor, Guid.NewGuid(), new RehabilitationPlanDetails(input.Kind, input.ResponsibleOrganisationId, input.StartDate,
                input.ReviewIntervalWeeks, input.Purpose), input.Exercises, new ChangeStamp("Mette Hansen", DateTimeOffset.UnixEpoch));
            return Task.FromResult<string?>(null);
        }
        catch (DomainException ex)
        {
            return Task.FromResult<string?>(DomainText.Explain(ex));
        }
    }

    private IRenderedComponent<RehabilitationPlanEditor> RenderEditor(List<RehabilitationPlanInput> sent) =>
        Render<RehabilitationPlanEditor>(p => p
            .Add(c => c.Units, [Unit])
            .Add(c => c.Today, Today)
            .Add(c => c.Save, input => SaveThroughTheDomain(input, sent)));

    [Fact]
    public async Task Save_ZeroTimesAWeek_ShowsTheReasonAndKeepsWhatWasTyped()
    {
        var sent = new List<RehabilitationPlanInput>();
        var cut = RenderEditor(sent);

        await cut.Find("#exercise-name-1").ChangeAsync("Rejse-sætte-sig");
        await cut.Find("#exercise-repetitions-1").ChangeAsync("10");
        await cut.Find("#exercise-times-1").ChangeAsync("0");
        await cut.Find("[data-testid=save-rehabilitation-plan]").ClickAsync();

        var input = Assert.Single(sent);
        Assert.Equal(0, input.Exercises[0].TimesPerWeek);
        Assert.Equal("'Rejse-sætte-sig' must be done at least once a week.", cut.Find("[data-testid=rehabilitation-error]").TextContent.Trim());
        Assert.Equal("Rejse-sætte-sig", cut.Find("#exercise-name-1").GetAttribute("value"));
    }

    [Fact]
    public async Task Save_TwoExercises_SendsThemInOrderForTheChosenUnit()
    {
        var sent = new List<RehabilitationPlanInput>();
        var cut = RenderEditor(sent);

        await cut.Find("#exercise-name-1").ChangeAsync("Rejse-sætte-sig");
        await cut.Find("#exercise-repetitions-1").ChangeAsync("10");
        await cut.Find("[data-testid=add-exercise]").ClickAsync();
        await cut.Find("#exercise-name-2").ChangeAsync("Armstræk");
        await cut.Find("#exercise-repetitions-2").ChangeAsync("12");
        await cut.Find("[data-testid=save-rehabilitation-plan]").ClickAsync();

        var input = Assert.Single(sent);
        Assert.Equal(Unit.Id, input.ResponsibleOrganisationId);
        Assert.Equal(Today, input.StartDate);
        Assert.Equal(["Rejse-sætte-sig", "Armstræk"], input.Exercises.Select(e => e.Name));
        Assert.Equal([10, 12], input.Exercises.Select(e => e.Repetitions));
        Assert.Empty(cut.FindAll("[data-testid=rehabilitation-error]"));
    }

    [Fact]
    public async Task Save_InDanish_ExplainsTheRefusalInDanish()
    {
        UseLanguage(CareCultures.Danish);
        var sent = new List<RehabilitationPlanInput>();
        var cut = RenderEditor(sent);

        await cut.Find("[data-testid=save-rehabilitation-plan]").ClickAsync();

        Assert.Equal("Øvelsens navn skal udfyldes.", cut.Find("[data-testid=rehabilitation-error]").TextContent.Trim());
    }
}
