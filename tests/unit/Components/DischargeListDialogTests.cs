using Bunit;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Web.Features.Medicines.Reconciliation;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

/// <summary>
/// The hospital clinician's discharge-list form: lines added, removed and started from the current list; bad input refused
/// beside its field with nothing typed lost; a list saved meanwhile by someone else named, and saving again records this one.
/// </summary>
public sealed class DischargeListDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static LocalPrescription Drug(string name, string atc, string dose, decimal? daily = null, string? unit = null) =>
        new(name, atc, "500 mg", "tabletter", dose, daily, unit, false, "Oral anvendelse", null, null, null, null);

    private static readonly LocalPrescription Paracetamol = Drug("Paracetamol \"Teva\"", "N02BE01", "2 tabletter 4 gange dagligt", 4000m, "mg");
    private static readonly LocalPrescription Furix = Drug("Furix", "C03CA01", "1 tablet om morgenen", 40m, "mg");

    private static DischargeListForm Form(AwaitingDischargeList? awaiting = null) => new(Today, [Paracetamol, Furix], awaiting, CanRecord: true);

    private readonly List<(DateOnly On, IReadOnlyList<LocalPrescription> Drugs, Guid? Seen)> _submitted = [];

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(DischargeListForm form, Func<string?> answer, DischargeListForm? fresh = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<DischargeListDialog>
        {
            { d => d.Form, form },
            { d => d.Submit, (on, drugs, seen) => { _submitted.Add((on, drugs, seen)); return Task.FromResult(answer()); } },
            { d => d.Reload, () => Task.FromResult(fresh) },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<DischargeListDialog>("", parameters));
        provider.WaitForElement("[data-testid=discharge-list-dialog]", Timeout);
        return provider;
    }

    private static Task ClickAsync(IRenderedComponent<MudDialogProvider> provider, string testId) =>
        provider.InvokeAsync(() => provider.Find($"[data-testid={testId}]").Click());

    private static Task TypeAsync(IRenderedComponent<MudDialogProvider> provider, string inputId, string value) =>
        provider.InvokeAsync(() => provider.Find($"#{inputId}").Change(value));

    private static async Task AddLineAsync(IRenderedComponent<MudDialogProvider> provider, int n, string name, string atc, string? amount = null, string? unit = null)
    {
        await ClickAsync(provider, "discharge-add");
        await TypeAsync(provider, $"discharge-{n}-drug", name);
        await TypeAsync(provider, $"discharge-{n}-atc", atc);
        if (amount is not null)
            await TypeAsync(provider, $"discharge-{n}-daily-amount", amount);
        if (unit is not null)
            await TypeAsync(provider, $"discharge-{n}-daily-unit", unit);
    }

    private static string Value(IRenderedComponent<MudDialogProvider> provider, string inputId) => provider.Find($"#{inputId}").GetAttribute("value") ?? "";

    [Fact]
    public async Task Starting_from_the_current_list_then_changing_removing_and_adding_saves_the_lines_as_written()
    {
        var provider = await OpenAsync(Form(), () => null);

        await ClickAsync(provider, "discharge-from-current");
        Assert.Equal(2, provider.FindAll("[data-testid=discharge-line]").Count);
        Assert.Equal("Paracetamol \"Teva\"", Value(provider, "discharge-1-drug"));
        await TypeAsync(provider, "discharge-1-dose", "2 tabletter 3 gange dagligt");
        await provider.InvokeAsync(() => provider.FindAll("[data-testid=discharge-remove]")[1].Click());
        await AddLineAsync(provider, 2, "Granon", "r05cb01", "600", "mg");
        await ClickAsync(provider, "discharge-save");

        var (on, drugs, seen) = Assert.Single(_submitted);
        Assert.Equal(Today, on);
        Assert.Null(seen);
        Assert.Equal(["Paracetamol \"Teva\":N02BE01:2 tabletter 3 gange dagligt", "Granon:R05CB01:"],
            drugs.Select(d => $"{d.DrugName}:{d.AtcCode}:{d.DoseText}"));
        Assert.Equal((600m, "mg"), (drugs[1].DailyDoseAmount, drugs[1].DailyDoseUnit));
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=discharge-list-dialog]")), Timeout);
    }

    [Fact]
    public async Task Starting_from_the_current_list_again_adds_only_what_is_not_on_it_yet()
    {
        var provider = await OpenAsync(Form(), () => null);

        await AddLineAsync(provider, 1, "Furix Retard", "C03CA01");
        await ClickAsync(provider, "discharge-from-current");

        Assert.Equal(["Furix Retard", "Paracetamol \"Teva\""], [Value(provider, "discharge-1-drug"), Value(provider, "discharge-2-drug")]);
        Assert.Equal(2, provider.FindAll("[data-testid=discharge-line]").Count);
    }

    [Fact]
    public async Task An_empty_list_is_refused_beside_the_list_and_nothing_is_submitted()
    {
        var provider = await OpenAsync(Form(), () => null);

        await ClickAsync(provider, "discharge-save");

        Assert.Equal("Add at least one drug: a discharge list cannot be empty.", provider.Find("[data-testid=discharge-list-problem]").TextContent);
        Assert.Empty(_submitted);
    }

    [Fact]
    public async Task An_unknown_atc_code_and_an_impossible_dose_unit_are_refused_beside_their_fields_and_the_input_stays()
    {
        var provider = await OpenAsync(Form(), () => null);
        await AddLineAsync(provider, 1, "Granon", "X05CB01", "600", "mm[Hg]");
        await AddLineAsync(provider, 2, "Magnyl", "B01A");

        await ClickAsync(provider, "discharge-save");

        Assert.Empty(_submitted);
        var lines = provider.FindAll("[data-testid=discharge-line]");
        Assert.Contains("'X05CB01' is not a known ATC code", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("'mm[Hg]' is not a unit a dose can be given in", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("'B01A' is an ATC class", lines[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(["Granon", "X05CB01", "mm[Hg]", "Magnyl"],
            [Value(provider, "discharge-1-drug"), Value(provider, "discharge-1-atc"), Value(provider, "discharge-1-daily-unit"), Value(provider, "discharge-2-drug")]);
        Assert.Equal("true", provider.Find("#discharge-1-atc").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task A_drug_twice_and_a_line_without_a_name_are_refused_beside_the_field()
    {
        var provider = await OpenAsync(Form(), () => null);
        await AddLineAsync(provider, 1, "Granon", "R05CB01");
        await AddLineAsync(provider, 2, "", "R05CB01");

        await ClickAsync(provider, "discharge-save");

        var second = provider.FindAll("[data-testid=discharge-line]")[1].TextContent;
        Assert.Contains("R05CB01 is on the list twice", second, StringComparison.Ordinal);
        Assert.Contains("Write the drug's name.", second, StringComparison.Ordinal);
        Assert.Empty(_submitted);
    }

    [Fact]
    public async Task A_list_saved_meanwhile_is_named_the_input_stays_and_saving_again_names_the_list_now_seen()
    {
        var theirs = new AwaitingDischargeList(Guid.NewGuid(), "Nordkyst Hospital", Today, "Anne Holm", DateTimeOffset.UnixEpoch);
        var answers = new Queue<string?>(["Anne Holm saved a discharge medication list meanwhile.", null]);
        var provider = await OpenAsync(Form(), () => answers.Dequeue(), fresh: Form(theirs));
        await AddLineAsync(provider, 1, "Granon", "R05CB01");

        await ClickAsync(provider, "discharge-save");

        Assert.Equal("Anne Holm saved a discharge medication list meanwhile.", provider.Find("[data-testid=discharge-error]").TextContent);
        Assert.Contains("Anne Holm (Nordkyst Hospital", provider.Find("[data-testid=discharge-awaiting]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Granon", Value(provider, "discharge-1-drug"));
        await ClickAsync(provider, "discharge-save");
        Assert.Equal([null, theirs.Id], _submitted.Select(s => s.Seen));
    }

    [Fact]
    public async Task In_Danish_the_form_speaks_Danish()
    {
        UseLanguage(CareCultures.Danish);
        var provider = await OpenAsync(Form(), () => null);

        await ClickAsync(provider, "discharge-save");

        Assert.Equal("Tilføj mindst ét lægemiddel: en udskrivningsliste kan ikke være tom.", provider.Find("[data-testid=discharge-list-problem]").TextContent);
        Assert.Contains("Start fra den aktuelle liste", provider.Find("[data-testid=discharge-from-current]").TextContent, StringComparison.Ordinal);
    }
}
