using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Localization;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class ConsentsPanelTests : BunitTestBase
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly ConsentableRelative Ulla = new("user-ulla", "Ulla Jensen");

    private static readonly ConsentView Active = new(Guid.NewGuid(), Ulla.UserId, Ulla.Name, [PatientSection.CareTeam, PatientSection.Timeline],
        new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), "Jens Jensen", null, null, null, null, null, IsActive: true);

    private static readonly ConsentView Withdrawn = Active with
    {
        Id = Guid.NewGuid(),
        IsActive = false,
        WithdrawnAt = new DateTimeOffset(2026, 11, 20, 13, 30, 0, TimeSpan.Zero),
        WithdrawnBy = "Anne Holm (Havby Kommune)",
        WithdrawnReason = "At the patient's request by phone",
    };

    private readonly List<ConsentInput> _grants = [];
    private readonly List<(Guid Id, string? Reason)> _withdrawals = [];

    private IRenderedComponent<ConsentsPanel> RenderPanel(ConsentsView model, string? refusal = null)
    {
        Render<MudPopoverProvider>();
        return Render<ConsentsPanel>(p => p
            .Add(c => c.Model, model)
            .Add(c => c.Grant, input =>
            {
                _grants.Add(input);
                return Task.FromResult(refusal);
            })
            .Add(c => c.Withdraw, (id, reason) =>
            {
                _withdrawals.Add((id, reason));
                return Task.FromResult(refusal);
            }));
    }

    private static ConsentsView Model(bool canGrant = true, bool canWithdraw = true, bool reasonRequired = false, params ConsentView[] consents) =>
        new(Guid.NewGuid(), consents, [Ulla], canGrant, canWithdraw, reasonRequired, Today);

    [Fact]
    public void Render_ShowsActiveAndWithdrawnConsentsWithWhoAndWhy()
    {
        var cut = RenderPanel(Model(consents: [Active, Withdrawn]));

        var rows = cut.FindAll("[data-testid=consent-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Care team, Timeline", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Until withdrawn", rows[0].TextContent, StringComparison.Ordinal);
        // 13:30 UTC is 14:30 in Copenhagen in November.
        Assert.Contains("Withdrawn 20 Nov 2026, 14:30 by Anne Holm (Havby Kommune) · At the patient's request by phone", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=withdraw-consent]"));
    }

    [Fact]
    public void Render_WithoutPermission_OffersNoForms()
    {
        var cut = RenderPanel(Model(canGrant: false, canWithdraw: false, consents: [Active]));

        Assert.Empty(cut.FindAll("[data-testid=grant-form]"));
        Assert.Empty(cut.FindAll("[data-testid=withdraw-consent]"));
    }

    [Fact]
    public void Grant_WithoutChoosingARelative_AsksForOneAndSendsNothing()
    {
        var cut = RenderPanel(Model());

        cut.Find("[data-testid=grant-consent]").Click();

        Assert.Empty(_grants);
        Assert.Equal("Choose the relative who is to have access.", cut.Find("[data-testid=consent-error]").TextContent.Trim());
    }

    [Fact]
    public async Task Grant_SendsTheChosenRelativeAndDefaultSections()
    {
        var cut = RenderPanel(Model());
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync(Ulla.UserId));

        cut.Find("[data-testid=grant-consent]").Click();

        var grant = Assert.Single(_grants);
        Assert.Equal(Ulla.UserId, grant.RelativeUserId);
        Assert.Equal([PatientSection.MasterData, PatientSection.CareTeam, PatientSection.Timeline], grant.Sections.Order());
        Assert.Null(grant.ValidUntil);
    }

    [Fact]
    public async Task Grant_Refused_ShowsTheReasonAndKeepsTheTypedReason()
    {
        var cut = RenderPanel(Model(reasonRequired: true), refusal: "A consent can only be given to a registered relative.");
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync(Ulla.UserId));
        cut.Find("#grant-reason").Change("Jens asked at the home visit");

        cut.Find("[data-testid=grant-consent]").Click();

        Assert.Equal("A consent can only be given to a registered relative.", cut.Find("[data-testid=consent-error]").TextContent.Trim());
        Assert.Equal("Jens asked at the home visit", cut.Find("#grant-reason").GetAttribute("value"));
        Assert.Equal("Jens asked at the home visit", Assert.Single(_grants).Reason);
    }

    [Fact]
    public void Withdraw_AsksForTheReasonWhenStaffActOnThePatientsBehalf()
    {
        var cut = RenderPanel(Model(reasonRequired: true, consents: [Active]));

        cut.Find("[data-testid=withdraw-consent]").Click();
        cut.WaitForElement("#withdraw-reason").Change("At the patient's request by phone");
        cut.Find("[data-testid=confirm-withdraw]").Click();

        Assert.Equal((Active.Id, "At the patient's request by phone"), Assert.Single(_withdrawals));
        Assert.Empty(cut.FindAll("[data-testid=withdraw-form]"));
    }

    [Fact]
    public void Render_InDanish_ShowsDanishTextsAndDates()
    {
        UseLanguage(CareCultures.Danish);

        var cut = RenderPanel(Model(consents: [Active, Withdrawn]));

        var rows = cut.FindAll("[data-testid=consent-row]");
        Assert.Contains("Behandlingsteam, Tidslinje", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Aktivt", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Indtil det trækkes tilbage", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Trukket tilbage 20. nov. 2026 kl. 14.30 af Anne Holm (Havby Kommune)", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Pårørende, der må følge forløbet", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Træk tilbage", cut.Find("[data-testid=withdraw-consent]").TextContent.Trim());
        Assert.Equal("Træk samtykket til Ulla Jensen tilbage", cut.Find("[data-testid=withdraw-consent]").GetAttribute("aria-label"));
    }
}
