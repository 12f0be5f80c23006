using Bunit;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Web.Features.Medicines.Allergies;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class AllergyEditorDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly List<AllergyDetails> _submitted = [];

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(AllergyItem? existing = null, AllergyFormProblem? refusal = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<AllergyEditorDialog>
        {
            { d => d.Existing, existing },
            { d => d.Submit, details => { _submitted.Add(details); return Task.FromResult(refusal); } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AllergyEditorDialog>("", parameters));
        provider.WaitForElement("[data-testid=allergy-editor]", Timeout);
        return provider;
    }

    private static Task TypeAsync(IRenderedComponent<MudDialogProvider> provider, string id, string value) =>
        provider.InvokeAsync(() =>
        {
            // The ATC code is checked while typing (input events); the other fields take their value on change.
            if (id == "allergy-atc")
                provider.Find($"#{id}").Input(value);
            else
                provider.Find($"#{id}").Change(value);
        });

    private static Task SaveAsync(IRenderedComponent<MudDialogProvider> provider) =>
        provider.InvokeAsync(() => provider.Find("[data-testid=allergy-save]").Click());

    [Fact]
    public async Task AMalformedAtcCode_IsExplainedBesideTheField_AndNothingIsSubmitted_AndTheInputStays()
    {
        var provider = await OpenAsync();
        await TypeAsync(provider, "allergy-substance", "Penicillins");
        await TypeAsync(provider, "allergy-atc", "J1C");

        provider.WaitForAssertion(() => Assert.Contains("'J1C' is not an ATC code", provider.Markup, StringComparison.Ordinal), Timeout);
        await SaveAsync(provider);

        Assert.Contains("'J1C' is not an ATC code", provider.WaitForElement("[data-testid=allergy-atc-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Empty(_submitted);
        Assert.Equal("Penicillins", provider.Find("#allergy-substance").GetAttribute("value"));
        Assert.Single(provider.FindAll("[data-testid=allergy-editor]"));
    }

    [Fact]
    public async Task NeitherSubstanceNorClass_IsExplainedAtTheSubstance_AndNothingIsSubmitted()
    {
        var provider = await OpenAsync();
        await TypeAsync(provider, "allergy-reaction", "Rash");

        await SaveAsync(provider);

        provider.WaitForAssertion(() => Assert.Contains("Give the substance, the drug class (ATC code) or both.",
            provider.Find("#allergy-substance").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal), Timeout);
        Assert.Empty(_submitted);
        Assert.Equal("Rash", provider.Find("#allergy-reaction").GetAttribute("value"));
    }

    [Fact]
    public async Task AValidEntry_IsSubmittedWithEveryField_AndTheDialogCloses()
    {
        var provider = await OpenAsync();
        await TypeAsync(provider, "allergy-substance", "Penicillins");
        await TypeAsync(provider, "allergy-atc", "j01c");
        await TypeAsync(provider, "allergy-reaction", "Anaphylaxis");

        await SaveAsync(provider);

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=allergy-editor]")), Timeout);
        var details = Assert.Single(_submitted);
        Assert.Equal(("Penicillins", "j01c", "Anaphylaxis"), (details.Substance, details.AtcCode, details.Reaction));
        Assert.Equal((AllergySeverity.Moderate, AllergyCertainty.Suspected), (details.Severity, details.Certainty));
    }

    [Fact]
    public async Task ARefusalFromTheRegister_IsShownBesideItsField_AndTheDialogStaysOpenWithTheInput()
    {
        var provider = await OpenAsync(refusal: new AllergyFormProblem(AllergyField.Reaction, "Reaction may be at most 500 characters."));
        await TypeAsync(provider, "allergy-substance", "Latex");
        await TypeAsync(provider, "allergy-reaction", "Too long");

        await SaveAsync(provider);

        provider.WaitForAssertion(() => Assert.Contains("Reaction may be at most 500 characters.",
            provider.Find("#allergy-reaction").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal), Timeout);
        Assert.Single(_submitted);
        Assert.Equal("Latex", provider.Find("#allergy-substance").GetAttribute("value"));
    }

    [Fact]
    public async Task AnExistingEntry_OpensWithItsValues()
    {
        var existing = new AllergyItem(Guid.NewGuid(), Guid.NewGuid(), 2, "Codein", "R05DA04", "Nausea", AllergySeverity.Mild, AllergyCertainty.Confirmed,
            AllergyStatus.Active, null, AllergySource.Local, "Peter Larsen", DateTimeOffset.UnixEpoch, "Peter Larsen", DateTimeOffset.UnixEpoch);

        var provider = await OpenAsync(existing);
        await SaveAsync(provider);

        provider.WaitForAssertion(() => Assert.Single(_submitted), Timeout);
        Assert.Equal(existing.Details, _submitted[0]);
    }

    [Theory]
    [InlineData("Give the substance, the drug class (ATC code) or both.", AllergyField.Substance)]
    [InlineData("'{0}' is not an ATC code (a level such as J, J01, J01C, J01CA or J01CA04).", AllergyField.AtcCode)]
    [InlineData("Choose the severity.", AllergyField.Severity)]
    public void TheRegistersRefusals_PointToTheirField(string template, AllergyField field) =>
        Assert.Equal(field, AllergyFormProblem.FieldOf(new CareWorkspace.Domain.Common.DomainException(template, "x")));

    [Fact]
    public void ALengthRefusal_PointsToTheFieldItNames() =>
        Assert.Equal(AllergyField.Reaction, AllergyFormProblem.FieldOf(new CareWorkspace.Domain.Common.DomainException("{0} may be at most {1} characters.", "Reaction", 500)));
}
