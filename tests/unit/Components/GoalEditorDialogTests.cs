using System.Globalization;
using Bunit;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Web.Features.CarePlans;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class GoalEditorDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly List<GoalInput> _submitted = [];
    private int _removed;

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(GoalSnapshot? existing = null, string? refusal = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<GoalEditorDialog>
        {
            { d => d.Existing, existing },
            { d => d.Submit, input => { _submitted.Add(input); return Task.FromResult(refusal); } },
            { d => d.Remove, existing is null ? null : () => { _removed++; return Task.FromResult(refusal); } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<GoalEditorDialog>("", parameters));
        provider.WaitForElement("[data-testid=goal-editor]", Timeout);
        return provider;
    }

    private static async Task TypeAsync(IRenderedComponent<MudDialogProvider> provider, string id, string value) =>
        await provider.InvokeAsync(() =>
        {
            // The unit is checked while typing (input events); the other fields take their value on change.
            if (id == "goal-unit")
                provider.Find($"#{id}").Input(value);
            else
                provider.Find($"#{id}").Change(value);
        });

    [Fact]
    public async Task AUnitThatIsNotUcum_IsExplainedWhileTyping_AndNothingIsSubmitted()
    {
        var provider = await OpenAsync();
        await TypeAsync(provider, "goal-description", "Lower blood pressure");
        await TypeAsync(provider, "goal-measure", "Systolic blood pressure");
        await TypeAsync(provider, "goal-target", "140");

        await TypeAsync(provider, "goal-unit", "mmHg");

        provider.WaitForAssertion(() => Assert.Contains("'mmHg' is not a UCUM unit", provider.Markup, StringComparison.Ordinal), Timeout);
        await provider.InvokeAsync(() => provider.Find("[data-testid=goal-save]").Click());
        Assert.Contains("'mmHg' is not a UCUM unit", provider.WaitForElement("[data-testid=goal-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Empty(_submitted);
        Assert.Single(provider.FindAll("[data-testid=goal-editor]"));
    }

    [Fact]
    public async Task AUnitThatIsNotUcum_StaysExplained_AfterTheFieldIsLeft()
    {
        var provider = await OpenAsync();
        await TypeAsync(provider, "goal-unit", "mmHg");

        await provider.InvokeAsync(() => provider.Find("#goal-unit").Blur());

        provider.WaitForAssertion(() => Assert.Contains("'mmHg' is not a UCUM unit", provider.Markup, StringComparison.Ordinal), Timeout);
    }

    [Fact]
    public async Task AUcumUnit_IsAccepted_AndTheGoalIsSubmittedWithItsMeasure()
    {
        var provider = await OpenAsync();
        await TypeAsync(provider, "goal-description", "Lower blood pressure");
        await TypeAsync(provider, "goal-measure", "Systolic blood pressure");
        await TypeAsync(provider, "goal-target", "140");
        await TypeAsync(provider, "goal-unit", "mm[Hg]");

        Assert.DoesNotContain("is not a UCUM unit", provider.Markup, StringComparison.Ordinal);
        await provider.InvokeAsync(() => provider.Find("[data-testid=goal-save]").Click());

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=goal-editor]")), Timeout);
        var goal = Assert.Single(_submitted);
        Assert.Equal(("Lower blood pressure", "Systolic blood pressure", 140m, "mm[Hg]"), (goal.Description, goal.MeasureName, goal.Target!.Value, goal.Unit));
    }

    [Fact]
    public async Task AGoalWithoutAMeasure_IsExplained_AndTheDialogKeepsTheInput()
    {
        var provider = await OpenAsync();
        await TypeAsync(provider, "goal-description", "Feel better");

        await provider.InvokeAsync(() => provider.Find("[data-testid=goal-save]").Click());

        Assert.Equal("A goal needs a measure: what is measured, its target value and unit.",
            provider.WaitForElement("[data-testid=goal-error]", Timeout).TextContent.Trim());
        Assert.Equal("Feel better", provider.Find("#goal-description").GetAttribute("value") ?? provider.Find("#goal-description").TextContent);
        Assert.Empty(_submitted);
    }

    [Fact]
    public async Task ARefusalOnSave_IsShown_AndTheDialogStaysOpen()
    {
        var existing = new GoalSnapshot(Guid.NewGuid(), "Walk further", "6-minute walk distance", GoalComparator.AtLeast, 300, "m",
            new DateOnly(2027, 6, 1), GoalAchievement.InProgress, "Peter Larsen", DateTimeOffset.UnixEpoch);
        var provider = await OpenAsync(existing, refusal: "This care plan was changed by someone else after you opened it.");

        Assert.Contains("withdraws the patient's agreement", provider.Markup, StringComparison.Ordinal);
        await provider.InvokeAsync(() => provider.Find("[data-testid=goal-save]").Click());

        Assert.Contains("changed by someone else", provider.WaitForElement("[data-testid=goal-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Equal(300m, Assert.Single(_submitted).Target);
    }

    [Fact]
    public async Task InDanish_TheUnitMessageIsDanish()
    {
        UseLanguage(CultureInfo.GetCultureInfo("da-DK"));
        var provider = await OpenAsync();

        await TypeAsync(provider, "goal-unit", "cigaretter");

        provider.WaitForAssertion(() => Assert.Contains("'cigaretter' er ikke en UCUM-enhed", provider.Markup, StringComparison.Ordinal), Timeout);
    }

    [Fact]
    public async Task RemovingAGoal_IsOfferedForAnExistingGoal_AndARefusalIsShownWithTheGoalKept()
    {
        var walk = new GoalSnapshot(Guid.NewGuid(), "Stop smoking", "Cigarettes per day", GoalComparator.Exactly, 0, "{cigarettes}/d",
            null, GoalAchievement.InProgress, null, null);
        var provider = await OpenAsync(walk, refusal: "This care plan was changed by someone else after you opened it.");

        await provider.InvokeAsync(() => provider.Find("[data-testid=remove-button]").Click());
        Assert.Equal("Remove the goal 'Stop smoking' from the plan?", provider.Find("[data-testid=remove-question]").TextContent.Trim());
        await provider.InvokeAsync(() => provider.Find("[data-testid=remove-confirm]").Click());

        Assert.Equal(1, _removed);
        Assert.Contains("changed by someone else", provider.WaitForElement("[data-testid=goal-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Single(provider.FindAll("[data-testid=goal-editor]"));
    }

    [Fact]
    public async Task ANewGoal_OffersNoRemoval()
    {
        var provider = await OpenAsync();

        Assert.Empty(provider.FindAll("[data-testid=remove-button]"));
    }
}
