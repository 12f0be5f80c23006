using Bunit;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Web.Features.Medicines;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class ChangeDoseDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly MedicationAlertView AboveMaximum = new(MedicationAlertKind.MaximumDose, AlertSeverity.Major, "paracetamol",
        "The daily dose of Paracetamol, 5000 mg, is above the maximum of 4 g (rule paracetamol).", "Max 4 g a day.", "SmPC");

    private static readonly MedicationItem Paracetamol = new(Guid.NewGuid(), "Paracetamol \"Teva\"", "500 mg", "tabletter", "N02BE01",
        "2 tabletter 4 gange dagligt", false, "Oral anvendelse", "smerter", new DateOnly(2026, 8, 1), null, MedicationStatus.Active, "Peter Larsen",
        "Lægehuset Havby", MedicationSource.Local, null)
    { Version = Guid.NewGuid(), DailyDoseAmount = 4000m, DailyDoseUnit = "mg" };

    private readonly List<NewDose> _checked = [];
    private readonly List<(Guid Version, NewDose Dose, string? Reason)> _submitted = [];

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(IReadOnlyList<MedicationAlertView> alerts,
        Func<Guid, DoseChangeOutcome>? outcome = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<ChangeDoseDialog>
        {
            { d => d.Item, Paracetamol },
            { d => d.Today, new DateOnly(2026, 11, 30) },
            { d => d.Check, dose => { _checked.Add(dose); return Task.FromResult((alerts, (string?)null)); } },
            { d => d.Submit, (version, dose, reason) => { _submitted.Add((version, dose, reason)); return Task.FromResult(outcome?.Invoke(version) ?? DoseChangeOutcome.Saved); } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ChangeDoseDialog>("", parameters));
        provider.WaitForElement("[data-testid=change-dose-dialog]", Timeout);
        return provider;
    }

    private static Task ChangeAsync(IRenderedComponent<MudDialogProvider> provider, string selector, string value) =>
        provider.InvokeAsync(() => provider.Find(selector).Change(value));

    private static Task ClickAsync(IRenderedComponent<MudDialogProvider> provider) =>
        provider.InvokeAsync(() => provider.Find("[data-testid=change-dose-save]").Click());

    [Fact]
    public async Task TheDialog_StartsWithTheCurrentDose_AndSubmitsTheNewOne_WithTheReason_AndTheVersionSeen()
    {
        var provider = await OpenAsync([]);
        Assert.Contains("2 tabletter 4 gange dagligt", provider.Find("[data-testid=change-dose-current]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2 tabletter 4 gange dagligt", provider.Find("#change-dose-text").GetAttribute("value"));

        await ChangeAsync(provider, "#change-dose-text", "2 tabletter 3 gange dagligt");
        await ChangeAsync(provider, "#change-dose-daily-amount", "3000");
        await ChangeAsync(provider, "#change-dose-reason", "Liver values raised");
        await ClickAsync(provider);

        var (version, dose, reason) = Assert.Single(_submitted);
        Assert.Equal(Paracetamol.Version, version);
        Assert.Equal(("2 tabletter 3 gange dagligt", 3000m, "mg", "Liver values raised", new DateOnly(2026, 11, 30)),
            (dose.DoseText, dose.DailyDoseAmount, dose.DailyDoseUnit, dose.Reason, dose.From));
        Assert.Null(reason);
    }

    [Fact]
    public async Task AMaximumDoseAlert_IsShown_AndOverridingNeedsAReason()
    {
        var provider = await OpenAsync([AboveMaximum]);
        await ChangeAsync(provider, "#change-dose-daily-amount", "5000");
        await ChangeAsync(provider, "#change-dose-reason", "Severe pain");

        await ClickAsync(provider);
        Assert.Equal("paracetamol", provider.WaitForElement("[data-testid=medication-alert]", Timeout).GetAttribute("data-rule"));
        Assert.Contains("Override and change dose", provider.Find("[data-testid=change-dose-save]").TextContent, StringComparison.Ordinal);
        await ClickAsync(provider);
        Assert.Contains("overriding them needs a reason", provider.WaitForElement("[data-testid=change-dose-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Empty(_submitted);

        await ChangeAsync(provider, "#change-dose-override", "Three days only");
        await ClickAsync(provider);

        Assert.Equal("Three days only", Assert.Single(_submitted).Reason);
    }

    [Fact]
    public async Task AnImpossibleUnit_IsRefusedBeforeChecking_WithAClearMessage()
    {
        var provider = await OpenAsync([]);
        await ChangeAsync(provider, "#change-dose-daily-unit", "tabletter");
        await ChangeAsync(provider, "#change-dose-reason", "Less");

        await ClickAsync(provider);

        Assert.Contains("'tabletter' is not a unit a dose can be given in", provider.WaitForElement("[data-testid=change-dose-error]", Timeout).TextContent,
            StringComparison.Ordinal);
        Assert.Empty(_checked);
        Assert.Empty(_submitted);
    }

    [Fact]
    public async Task AUcumUnitThatIsNoDoseUnit_IsToldBesideTheUnitField_WhileTyping()
    {
        var provider = await OpenAsync([]);
        Assert.Empty(provider.FindAll(".mud-input-error"));

        await ChangeAsync(provider, "#change-dose-daily-unit", "mm[Hg]");

        var unitField = provider.Find("#change-dose-daily-unit").Closest(".mud-input-control")!;
        Assert.Contains("'mm[Hg]' is not a unit a dose can be given in", unitField.TextContent, StringComparison.Ordinal);
        Assert.Empty(provider.FindAll("[data-testid=change-dose-error]"));

        await ChangeAsync(provider, "#change-dose-daily-unit", "g");

        Assert.DoesNotContain("is not a unit", provider.Find("#change-dose-daily-unit").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeBySomeoneElse_IsExplained_TheStoredDoseShown_TheInputKept_AndSavingAgainUsesTheNewVersion()
    {
        var theirs = Guid.NewGuid();
        var provider = await OpenAsync([], version => version == Paracetamol.Version
            ? new DoseChangeOutcome("This medication was changed by Anna Holm at 30 Nov 2026 10:00:00 (Danish time) after you opened it. Your change was not saved.",
                new CurrentDose(theirs, "1 tablet 4 gange dagligt", "500 mg", 2000m, "mg", "Anna Holm", DateTimeOffset.UtcNow))
            : DoseChangeOutcome.Saved);
        await ChangeAsync(provider, "#change-dose-text", "2 tabletter 3 gange dagligt");
        await ChangeAsync(provider, "#change-dose-daily-amount", "3000");
        await ChangeAsync(provider, "#change-dose-reason", "Liver values raised");

        await ClickAsync(provider);

        var conflict = provider.WaitForElement("[data-testid=change-dose-conflict]", Timeout).TextContent;
        Assert.Contains("changed by Anna Holm", conflict, StringComparison.Ordinal);
        Assert.Contains("1 tablet 4 gange dagligt", conflict, StringComparison.Ordinal);
        Assert.Equal("2 tabletter 3 gange dagligt", provider.Find("#change-dose-text").GetAttribute("value"));
        Assert.Equal("Liver values raised", provider.Find("#change-dose-reason").GetAttribute("value"));

        await ClickAsync(provider);

        Assert.Equal([Paracetamol.Version, theirs], _submitted.Select(s => s.Version));
        Assert.Equal(2, _checked.Count);
    }
}
