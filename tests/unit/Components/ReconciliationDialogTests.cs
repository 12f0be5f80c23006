using Bunit;
using CareWorkspace.Domain.Medicines.Reconciliation;
using CareWorkspace.Web.Features.Medicines.Reconciliation;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

/// <summary>The reconciliation dialog: the three lists per row with the difference badge, Accept/Reject, and a refusal that keeps the decisions.</summary>
public sealed class ReconciliationDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static ReconciledDrug Drug(string name, string atc, string dose) => new(Guid.NewGuid(), name, atc, "500 mg", dose, null, null, "1");

    private static readonly ReconciledDrug NewLine = Drug("Granon", "R05CB01", "1 tablet 3 gange dagligt");
    private static readonly ReconciledDrug Stopped = Drug("Furix", "C03CA01", "1 tablet om morgenen");
    private static readonly ReconciledDrug SameLine = Drug("Ramipril", "C09AA05", "1 tablet om morgenen");
    private static readonly ReconciledDrug SameNational = Drug("Ramipril \"Actavis\"", "C09AA05", "1 tablet om morgenen");

    private static ReconciliationView View(string basis = "b1") => new(Guid.NewGuid(), "Nordkyst Hospital", new DateOnly(2026, 11, 7), "Anne Holm",
        MedicationDiff.Compare([NewLine, SameLine], [Stopped], [SameNational]).Rows, basis, CanFinish: true);

    private readonly List<(string Basis, IReadOnlyDictionary<string, GpDecision> Decisions)> _submitted = [];

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(ReconciliationView view, Func<string?> answer, ReconciliationView? fresh = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<ReconciliationDialog>
        {
            { d => d.View, view },
            { d => d.Submit, (v, decisions) => { _submitted.Add((v.Basis, decisions)); return Task.FromResult(answer()); } },
            { d => d.Reload, () => Task.FromResult(fresh) },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ReconciliationDialog>("", parameters));
        provider.WaitForElement("[data-testid=reconciliation-dialog]", Timeout);
        return provider;
    }

    private static Task ClickAsync(IRenderedComponent<MudDialogProvider> provider, string drug, string button) =>
        provider.InvokeAsync(() => provider.Find($"[data-testid=reconciliation-row][data-drug='{drug}'] [data-testid={button}]").Click());

    private static Task FinishAsync(IRenderedComponent<MudDialogProvider> provider) =>
        provider.InvokeAsync(() => provider.Find("[data-testid=reconciliation-finish]").Click());

    [Fact]
    public async Task Each_row_shows_the_three_lists_and_its_badge_and_only_differences_ask_for_a_decision()
    {
        var provider = await OpenAsync(View(), () => null);

        var rows = provider.FindAll("[data-testid=reconciliation-row]");
        Assert.Equal(["Granon:New", "Ramipril:Unchanged", "Furix:Stopped"], rows.Select(r => $"{r.GetAttribute("data-drug")}:{r.GetAttribute("data-kind")}"));
        Assert.Equal(["New", "Unchanged", "Stopped"], provider.FindAll("[data-testid=reconciliation-badge]").Select(b => b.TextContent.Trim()));
        var ramipril = rows[1].QuerySelectorAll("[data-testid=reconciliation-cell]").Select(c => c.TextContent).ToList();
        Assert.Contains("Hospital discharge list", ramipril[0], StringComparison.Ordinal);
        Assert.Contains("Not on this list", ramipril[1], StringComparison.Ordinal);
        Assert.Contains("Ramipril \"Actavis\"", ramipril[2], StringComparison.Ordinal);
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=reconciliation-accept]"));
        Assert.Equal(2, provider.FindAll("[data-testid=reconciliation-accept]").Count);
        Assert.Equal("0 of 2 differences decided", provider.Find("[data-testid=reconciliation-left]").TextContent.Trim());
    }

    [Fact]
    public async Task Finishing_needs_every_difference_decided_and_submits_the_decisions_with_their_reasons()
    {
        var provider = await OpenAsync(View(), () => null);
        await ClickAsync(provider, "Granon", "reconciliation-accept");

        await FinishAsync(provider);

        Assert.Contains("(1 left)", provider.Find("[data-testid=reconciliation-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_submitted);

        await ClickAsync(provider, "Furix", "reconciliation-reject");
        await provider.InvokeAsync(() => provider.Find("[data-testid=reconciliation-row][data-drug='Furix'] input").Change("Ankles still swollen"));
        Assert.Equal("true", provider.Find("[data-testid=reconciliation-row][data-drug='Furix'] [data-testid=reconciliation-reject]").GetAttribute("aria-pressed"));
        await FinishAsync(provider);

        var (basis, decisions) = Assert.Single(_submitted);
        Assert.Equal("b1", basis);
        Assert.Equal([(true, (string?)null), (false, "Ankles still swollen")],
            decisions.OrderBy(d => d.Key.StartsWith("d:", StringComparison.Ordinal) ? 0 : 1).Select(d => (d.Value.Accepted, d.Value.Reason)));
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=reconciliation-dialog]")), Timeout);
    }

    [Fact]
    public async Task A_refusal_is_shown_the_lists_are_reloaded_and_the_decisions_are_kept()
    {
        var provider = await OpenAsync(View(), () => "The medication list changed.", fresh: View("b2"));
        await ClickAsync(provider, "Granon", "reconciliation-accept");
        await ClickAsync(provider, "Furix", "reconciliation-accept");

        await FinishAsync(provider);

        Assert.Equal("The medication list changed.", provider.Find("[data-testid=reconciliation-error]").TextContent.Trim());
        Assert.Single(provider.FindAll("[data-testid=reconciliation-dialog]"));
        Assert.Equal("2 of 2 differences decided", provider.Find("[data-testid=reconciliation-left]").TextContent.Trim());
        await FinishAsync(provider);
        Assert.Equal(["b1", "b2"], _submitted.Select(s => s.Basis));
    }

    [Fact]
    public async Task In_Danish_the_badges_and_columns_are_Danish()
    {
        UseLanguage(CareCultures.Danish);
        var provider = await OpenAsync(View(), () => null);

        Assert.Equal(["Ny", "Uændret", "Seponeret"], provider.FindAll("[data-testid=reconciliation-badge]").Select(b => b.TextContent.Trim()));
        Assert.Contains("Fælles Medicinkort", provider.Find("[data-testid=reconciliation-row]").TextContent, StringComparison.Ordinal);
    }
}
