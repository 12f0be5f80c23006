using Bunit;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Web.Features.Medicines.Reconciliation;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

/// <summary>
/// The hospital clinician opens the discharge list awaiting reconciliation in the form to correct or withdraw it: the reason
/// is mandatory and told beside its field, a refusal keeps everything typed, and the corrected lines are what is sent.
/// </summary>
public sealed class DischargeListCorrectionDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static readonly LocalPrescription Ramipril =
        new("Ramipril", "C09AA05", "5 mg", "tabletter", "1 tablet dagligt", 5m, "mg", false, "Oral anvendelse", null, null, null, null);

    private static readonly AwaitingDischargeList Awaiting = new(Guid.NewGuid(), "Nordkyst Hospital", new DateOnly(2026, 11, 28), "Mette Hansen",
        DateTimeOffset.UnixEpoch)
    {
        Revision = 2,
        Drugs = [Ramipril],
    };

    private readonly List<(Guid Id, int Revision, string Reason)> _withdrawn = [];
    private readonly List<(Guid Id, int Revision, DateOnly On, IReadOnlyList<LocalPrescription> Drugs, string Reason)> _corrected = [];

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(Func<string?> answer, DischargeListForm? fresh = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<DischargeListDialog>
        {
            { d => d.Form, new DischargeListForm(Today, [], Awaiting, CanRecord: true) },
            { d => d.Submit, (_, _, _) => Task.FromResult<string?>("Not part of this test") },
            { d => d.Reload, () => Task.FromResult(fresh) },
            { d => d.Correct, (id, revision, on, drugs, reason) => { _corrected.Add((id, revision, on, drugs, reason)); return Task.FromResult(answer()); } },
            { d => d.Withdraw, (id, revision, reason) => { _withdrawn.Add((id, revision, reason)); return Task.FromResult(answer()); } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<DischargeListDialog>("", parameters));
        provider.WaitForElement("[data-testid=discharge-list-dialog]", Timeout);
        await ClickAsync(provider, "discharge-correct-open");
        return provider;
    }

    private static Task ClickAsync(IRenderedComponent<MudDialogProvider> provider, string testId) =>
        provider.InvokeAsync(() => provider.Find($"[data-testid={testId}]").Click());

    private static Task TypeAsync(IRenderedComponent<MudDialogProvider> provider, string inputId, string value) =>
        provider.InvokeAsync(() => provider.Find($"#{inputId}").Change(value));

    private static string Value(IRenderedComponent<MudDialogProvider> provider, string inputId) => provider.Find($"#{inputId}").GetAttribute("value") ?? "";

    private static string ReasonField(IRenderedComponent<MudDialogProvider> provider) => provider.Find("[data-testid=discharge-reason]").TextContent;

    [Fact]
    public async Task Opening_the_awaiting_list_shows_its_lines_and_date_for_correcting()
    {
        var provider = await OpenAsync(() => null);

        Assert.Contains("You are correcting the discharge list recorded by Mette Hansen", provider.Find("[data-testid=discharge-correcting]").TextContent,
            StringComparison.Ordinal);
        Assert.Equal(("Ramipril", "C09AA05"), (Value(provider, "discharge-1-drug"), Value(provider, "discharge-1-atc")));
        Assert.Contains("Save the correction", provider.Find("[data-testid=discharge-save]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_without_a_reason_is_refused_beside_the_reason_field_and_nothing_is_sent()
    {
        var provider = await OpenAsync(() => null);

        await ClickAsync(provider, "discharge-withdraw");

        Assert.Empty(_withdrawn);
        Assert.Contains("Write why the list is withdrawn, so the GP knows.", ReasonField(provider), StringComparison.Ordinal);
        Assert.Equal("true", provider.Find("#discharge-reason").GetAttribute("aria-invalid"));
        Assert.Empty(provider.FindAll("[data-testid=discharge-error]"));
    }

    [Fact]
    public async Task Withdrawing_with_a_reason_sends_the_list_and_revision_seen_and_closes()
    {
        var provider = await OpenAsync(() => null);
        await TypeAsync(provider, "discharge-reason", "  Recorded for the wrong patient ");

        await ClickAsync(provider, "discharge-withdraw");

        Assert.Equal([(Awaiting.Id, 2, "Recorded for the wrong patient")], _withdrawn);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=discharge-list-dialog]")), Timeout);
    }

    [Fact]
    public async Task A_refused_withdrawal_is_explained_and_the_reason_and_lines_typed_stay()
    {
        var fresh = new DischargeListForm(Today, [], Awaiting with { Revision = 3 }, CanRecord: true);
        var provider = await OpenAsync(() => "Jonas Berg corrected this discharge list at 10:00 after you opened it.", fresh);
        await TypeAsync(provider, "discharge-1-dose", "1 tablet morgen og aften");
        await TypeAsync(provider, "discharge-reason", "Recorded for the wrong patient");

        await ClickAsync(provider, "discharge-withdraw");

        Assert.Equal("Jonas Berg corrected this discharge list at 10:00 after you opened it.", provider.Find("[data-testid=discharge-error]").TextContent);
        Assert.Equal("Recorded for the wrong patient", Value(provider, "discharge-reason"));
        Assert.Equal("1 tablet morgen og aften", Value(provider, "discharge-1-dose"));
        Assert.NotEmpty(provider.FindAll("[data-testid=discharge-correcting]"));
        await ClickAsync(provider, "discharge-withdraw");
        Assert.Equal([2, 3], _withdrawn.Select(w => w.Revision));
    }

    [Fact]
    public async Task Saving_a_correction_needs_a_reason_then_sends_the_corrected_lines()
    {
        var provider = await OpenAsync(() => null);
        await TypeAsync(provider, "discharge-1-strength", "10 mg");

        await ClickAsync(provider, "discharge-save");
        Assert.Empty(_corrected);
        Assert.Contains("Write why the list is corrected, so the GP knows what changed.", ReasonField(provider), StringComparison.Ordinal);
        Assert.Equal("10 mg", Value(provider, "discharge-1-strength"));

        await TypeAsync(provider, "discharge-reason", "Ramipril is 10 mg");
        await ClickAsync(provider, "discharge-save");

        var (id, revision, on, drugs, reason) = Assert.Single(_corrected);
        Assert.Equal((Awaiting.Id, 2, Awaiting.DischargedOn, "Ramipril is 10 mg"), (id, revision, on, reason));
        Assert.Equal(("Ramipril", "10 mg"), (Assert.Single(drugs).DrugName, drugs[0].Strength));
    }

    [Fact]
    public async Task A_list_the_gp_finished_meanwhile_leaves_the_lines_typed_for_a_new_list()
    {
        var provider = await OpenAsync(() => "This discharge list was reconciled by Peter Larsen.", new DischargeListForm(Today, [], null, CanRecord: true));
        await TypeAsync(provider, "discharge-reason", "Ramipril is 10 mg");

        await ClickAsync(provider, "discharge-save");

        Assert.Equal("This discharge list was reconciled by Peter Larsen.", provider.Find("[data-testid=discharge-error]").TextContent);
        Assert.Empty(provider.FindAll("[data-testid=discharge-correcting]"));
        Assert.Equal("Ramipril", Value(provider, "discharge-1-drug"));
        Assert.Contains("Save discharge list", provider.Find("[data-testid=discharge-save]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Danish_the_reason_is_asked_for_in_Danish()
    {
        UseLanguage(CareCultures.Danish);
        var provider = await OpenAsync(() => null);

        await ClickAsync(provider, "discharge-withdraw");

        Assert.Contains("Skriv hvorfor listen trækkes tilbage, så lægen ved det.", ReasonField(provider), StringComparison.Ordinal);
    }
}
