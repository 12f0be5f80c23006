using System.Globalization;
using Bunit;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Web.Features.CarePlans;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class CarePlanDetailsDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static readonly CarePlanTemplateOption Copd = new("copd", "1.0.0", new LocalisedText("COPD care plan", "Forløbsplan for KOL"),
        [new LocalisedText("COPD (DJ44)", "KOL (DJ44)")], 12);

    private readonly List<(string? TemplateId, CarePlanDetails Details)> _submitted = [];

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(CarePlanSnapshot? existing = null, string? refusal = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<CarePlanDetailsDialog>
        {
            { d => d.Templates, existing is null ? [Copd] : [] },
            { d => d.Existing, existing },
            { d => d.Today, Today },
            { d => d.Submit, (template, details) => { _submitted.Add((template, details)); return Task.FromResult(refusal); } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CarePlanDetailsDialog>("", parameters));
        provider.WaitForElement("[data-testid=care-plan-details]", Timeout);
        return provider;
    }

    private static Task TypeAsync(IRenderedComponent<MudDialogProvider> provider, string id, string value) =>
        provider.InvokeAsync(() => provider.Find($"#{id}").Change(value));

    private static Task SaveAsync(IRenderedComponent<MudDialogProvider> provider) =>
        provider.InvokeAsync(() => provider.Find("[data-testid=create-care-plan]").Click());

    // The template list is a MudSelect: choosing is its ValueChanged, as a click on an option raises it.
    private static Task ChooseTemplateAsync(IRenderedComponent<MudDialogProvider> provider, string id) =>
        provider.InvokeAsync(() => provider.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync(id));

    private static string Value(IRenderedComponent<MudDialogProvider> provider, string id) => provider.Find($"#{id}").GetAttribute("value") ?? "";

    [Fact]
    public async Task ABlankPlan_IsSubmittedWithoutTemplate_WithItsTitleConditionsAndPeriod_StartingTodayByDefault()
    {
        var provider = await OpenAsync();
        Assert.Equal("2026-11-30", Value(provider, "care-plan-start"));

        await TypeAsync(provider, "care-plan-title-input", "Heart failure plan");
        await TypeAsync(provider, "care-plan-conditions", "Heart failure (DI50)\n\n  Hypertension (DI10)  ");
        await TypeAsync(provider, "care-plan-end", "2027-05-31");
        await SaveAsync(provider);

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=care-plan-details]")), Timeout);
        var (template, details) = Assert.Single(_submitted);
        Assert.Null(template);
        Assert.Equal("Heart failure plan", details.Title);
        Assert.Equal(["Heart failure (DI50)", "Hypertension (DI10)"], details.Conditions);
        Assert.Equal((Today, (DateOnly?)new DateOnly(2027, 5, 31)), (details.Start, details.End));
    }

    [Fact]
    public async Task ChoosingATemplate_ProposesItsTitleConditionsAndPeriod_WhichTheUserMayChange()
    {
        var provider = await OpenAsync();

        await ChooseTemplateAsync(provider, "copd");

        provider.WaitForAssertion(() => Assert.Equal("COPD care plan", Value(provider, "care-plan-title-input")), Timeout);
        Assert.Contains("COPD (DJ44)", provider.Find("#care-plan-conditions").TextContent + Value(provider, "care-plan-conditions"), StringComparison.Ordinal);
        Assert.Equal("2027-11-30", Value(provider, "care-plan-end"));
        await TypeAsync(provider, "care-plan-title-input", "Jens' COPD plan");
        await SaveAsync(provider);

        provider.WaitForAssertion(() => Assert.Single(_submitted), Timeout);
        var (template, details) = _submitted[0];
        Assert.Equal("copd", template);
        Assert.Equal(("Jens' COPD plan", Today, (DateOnly?)new DateOnly(2027, 11, 30)), (details.Title, details.Start, details.End));
        Assert.Equal(["COPD (DJ44)"], details.Conditions);
    }

    [Fact]
    public async Task WithoutATitleOrCondition_NothingIsSubmitted_AndTheInputIsKept()
    {
        var provider = await OpenAsync();
        await TypeAsync(provider, "care-plan-title-input", "Heart failure plan");

        await SaveAsync(provider);

        Assert.Contains("at least one condition", provider.WaitForElement("[data-testid=care-plan-details-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Equal("Heart failure plan", Value(provider, "care-plan-title-input"));
        Assert.Empty(_submitted);
    }

    [Fact]
    public async Task ChangingAPlan_ShowsItsDetails_WithoutTemplateChoice_AndARefusalKeepsTheDialogOpen()
    {
        var existing = new CarePlanSnapshot("COPD care plan", ["COPD (DJ44)", "Hypertension (DI10)"], new DateOnly(2026, 12, 1), null,
            CarePlanStatus.Active, "copd", "1.0.0", [], [], []);
        var provider = await OpenAsync(existing, refusal: "The end of the period cannot be before its start.");

        Assert.Empty(provider.FindAll("[data-testid=care-plan-template]"));
        Assert.Equal(("COPD care plan", "2026-12-01", ""), (Value(provider, "care-plan-title-input"), Value(provider, "care-plan-start"), Value(provider, "care-plan-end")));
        await TypeAsync(provider, "care-plan-end", "2026-06-01");
        await SaveAsync(provider);

        Assert.Contains("cannot be before its start", provider.WaitForElement("[data-testid=care-plan-details-error]", Timeout).TextContent, StringComparison.Ordinal);
        var (template, details) = Assert.Single(_submitted);
        Assert.Null(template);
        Assert.Equal(["COPD (DJ44)", "Hypertension (DI10)"], details.Conditions);
        Assert.Equal(new DateOnly(2026, 6, 1), details.End);
    }

    [Fact]
    public async Task InDanish_TheTemplateProposesItsDanishTexts()
    {
        UseLanguage(CultureInfo.GetCultureInfo("da-DK"));
        var provider = await OpenAsync();

        await ChooseTemplateAsync(provider, "copd");

        provider.WaitForAssertion(() => Assert.Equal("Forløbsplan for KOL", Value(provider, "care-plan-title-input")), Timeout);
        Assert.Equal("2027-11-30", Value(provider, "care-plan-end"));
        Assert.Contains("Planen starter som kladde", provider.Markup, StringComparison.Ordinal);
    }
}
