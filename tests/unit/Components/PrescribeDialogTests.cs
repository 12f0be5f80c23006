using Bunit;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Web.Features.Medicines;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class PrescribeDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly MedicationAlertView Bleeding = new(MedicationAlertKind.Interaction, AlertSeverity.Major, "warfarin-nsaid",
        "Ibuprofen (M01AE01) and Marevan (B01AA03) interact: rule warfarin-nsaid covers B01AA03 together with M01A.",
        "Avoid; use paracetamol for pain.", "interaktionsdatabasen.dk");

    private readonly List<LocalPrescription> _checked = [];
    private readonly List<(LocalPrescription Prescription, string? Reason)> _submitted = [];

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(IReadOnlyList<MedicationAlertView> alerts, string? checkError = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<PrescribeDialog>
        {
            { d => d.Today, new DateOnly(2026, 11, 30) },
            { d => d.Check, p => { _checked.Add(p); return Task.FromResult((alerts, checkError)); } },
            { d => d.Submit, (p, reason) => { _submitted.Add((p, reason)); return Task.FromResult<string?>(null); } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<PrescribeDialog>("", parameters));
        provider.WaitForElement("[data-testid=prescribe-dialog]", Timeout);
        return provider;
    }

    private static async Task FillAsync(IRenderedComponent<MudDialogProvider> provider)
    {
        await provider.InvokeAsync(() => provider.Find("#prescribe-drug").Change("Ibuprofen"));
        await provider.InvokeAsync(() => provider.Find("#prescribe-atc").Change("M01AE01"));
        await provider.InvokeAsync(() => provider.Find("#prescribe-dose").Change("1 tablet 3 gange dagligt"));
        await provider.InvokeAsync(() => provider.Find("#prescribe-daily-amount").Change("1200"));
        await provider.InvokeAsync(() => provider.Find("#prescribe-daily-unit").Change("mg"));
    }

    private static Task ClickAsync(IRenderedComponent<MudDialogProvider> provider) =>
        provider.InvokeAsync(() => provider.Find("[data-testid=prescribe-save]").Click());

    [Fact]
    public async Task AnAlert_IsShownWithWhyTheRuleAndTheSource_AndAnOverrideWithoutAReasonIsRefusedKeepingTheInput()
    {
        var provider = await OpenAsync([Bleeding]);
        await FillAsync(provider);

        await ClickAsync(provider);

        var alert = provider.WaitForElement("[data-testid=medication-alert]", Timeout);
        Assert.Equal("warfarin-nsaid", alert.GetAttribute("data-rule"));
        Assert.Contains("Major · Interaction:", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("interact: rule warfarin-nsaid", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Advice: Avoid; use paracetamol for pain.", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Source: interaktionsdatabasen.dk", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Override and prescribe", provider.Find("[data-testid=prescribe-save]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_submitted);

        await ClickAsync(provider);

        Assert.Contains("overriding them needs a reason", provider.WaitForElement("[data-testid=prescribe-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Empty(_submitted);
        Assert.Single(provider.FindAll("[data-testid=prescribe-dialog]"));
        Assert.Equal("Ibuprofen", provider.Find("#prescribe-drug").GetAttribute("value"));
        Assert.Equal("M01AE01", provider.Find("#prescribe-atc").GetAttribute("value"));
    }

    [Fact]
    public async Task WithAReason_ThePrescriptionIsSubmittedWithIt_AndTheStructuredDose()
    {
        var provider = await OpenAsync([Bleeding]);
        await FillAsync(provider);
        await ClickAsync(provider);
        provider.WaitForElement("#prescribe-reason", Timeout);

        await provider.InvokeAsync(() => provider.Find("#prescribe-reason").Change("Short course; INR checked on Friday"));
        await ClickAsync(provider);

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=prescribe-dialog]")), Timeout);
        var (prescription, reason) = Assert.Single(_submitted);
        Assert.Equal("Short course; INR checked on Friday", reason);
        Assert.Equal(("Ibuprofen", "M01AE01", 1200m, "mg", new DateOnly(2026, 11, 30)),
            (prescription.DrugName, prescription.AtcCode, prescription.DailyDoseAmount, prescription.DailyDoseUnit, prescription.Start));
        Assert.Single(_checked);
    }

    [Fact]
    public async Task WithoutAlerts_ThePrescriptionIsSubmittedAtOnce_WithoutAReason()
    {
        var provider = await OpenAsync([]);
        await FillAsync(provider);

        await ClickAsync(provider);

        provider.WaitForAssertion(() => Assert.Single(_submitted), Timeout);
        Assert.Null(_submitted[0].Reason);
    }

    [Fact]
    public async Task ARefusedCheck_IsExplained_AndNothingIsSubmitted()
    {
        var provider = await OpenAsync([], "'X99XX99' is not a known ATC code.");
        await FillAsync(provider);

        await ClickAsync(provider);

        Assert.Contains("is not a known ATC code", provider.WaitForElement("[data-testid=prescribe-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Empty(_submitted);
        Assert.Equal("Ibuprofen", provider.Find("#prescribe-drug").GetAttribute("value"));
    }
}
