using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Sharing;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

/// <summary>Staff blocking for the patient: a written reason is required, and the refusal stands beside the field.</summary>
public sealed class StaffBlockFormTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly SharingOrganisation Hospital = new(Guid.NewGuid(), "Havby Hospital", Sector.Hospital);

    private readonly List<BlockInput> submitted = [];

    private IRenderedComponent<StaffBlockForm> RenderForm(string? refusal = null)
    {
        Render<MudPopoverProvider>();
        return Render<StaffBlockForm>(p => p
            .Add(f => f.Choices, new StaffBlockChoices([PatientSection.Timeline, PatientSection.Calendar], [Hospital]))
            .Add(f => f.Submit, input => { submitted.Add(input); return Task.FromResult(refusal); }));
    }

    private static async Task ChooseAsync(IRenderedComponent<StaffBlockForm> form)
    {
        var selects = form.FindComponents<MudSelect<PatientSection?>>();
        await form.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(PatientSection.Timeline));
        var audience = form.FindComponent<MudSelect<string>>();
        await form.InvokeAsync(() => audience.Instance.ValueChanged.InvokeAsync("organisation:" + Hospital.Id));
    }

    [Theory]
    [InlineData("en-GB", "Write why you block this for the patient.")]
    [InlineData("da-DK", "Skriv hvorfor du blokerer dette for patienten.")]
    public async Task WithoutAReason_NothingIsBlocked_AndTheReasonFieldSaysWhy(string culture, string message)
    {
        UseLanguage(System.Globalization.CultureInfo.GetCultureInfo(culture));
        var form = RenderForm();
        await ChooseAsync(form);

        await form.InvokeAsync(() => form.Find("[data-testid=staff-block-submit]").Click());

        Assert.Empty(submitted);
        // Beside the field: the reason field's own helper text, not an alert elsewhere.
        form.WaitForAssertion(() => Assert.Contains(form.FindAll(".mud-input-helper-text"), h => h.TextContent.Contains(message, StringComparison.Ordinal)), Timeout);
        Assert.Empty(form.FindAll("[data-testid=staff-block-error]"));
    }

    [Fact]
    public async Task WithAReason_TheBlockIsAskedForTheChosenPartAndOrganisation()
    {
        var form = RenderForm();
        await ChooseAsync(form);
        await form.InvokeAsync(() => form.Find("textarea").Input("The patient asked by phone; cannot use the app."));

        await form.InvokeAsync(() => form.Find("[data-testid=staff-block-submit]").Click());

        var input = Assert.Single(submitted);
        Assert.Equal(PatientSection.Timeline, input.Section);
        Assert.Equal(BlockAudienceKind.Organisations, input.AudienceKind);
        Assert.Equal([Hospital.Id], input.OrganisationIds);
        Assert.Equal("The patient asked by phone; cannot use the app.", input.Reason);
    }

    [Fact]
    public async Task ARefusal_IsShown_AndWhatWasTypedStays()
    {
        var form = RenderForm("The role GP staff may not add to Consents.");
        await ChooseAsync(form);
        await form.InvokeAsync(() => form.Find("textarea").Input("The patient asked by phone."));

        await form.InvokeAsync(() => form.Find("[data-testid=staff-block-submit]").Click());

        Assert.Equal("The role GP staff may not add to Consents.", form.WaitForElement("[data-testid=staff-block-error]", Timeout).TextContent.Trim());
        Assert.Equal("The patient asked by phone.", form.Find("textarea").GetAttribute("value") ?? form.Find("textarea").TextContent);
    }
}
