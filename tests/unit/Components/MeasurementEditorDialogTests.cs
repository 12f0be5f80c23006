using Bunit;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Web.Features.CarePlans;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class MeasurementEditorDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly MeasurementSnapshot Fev1 = new(Guid.NewGuid(), "FEV1", "L", "Yearly");
    private readonly List<MeasurementInput> _submitted = [];
    private int _removed;

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(MeasurementSnapshot? existing = null, string? refusal = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<MeasurementEditorDialog>
        {
            { d => d.Existing, existing },
            { d => d.Submit, input => { _submitted.Add(input); return Task.FromResult(refusal); } },
            { d => d.Remove, existing is null ? null : () => { _removed++; return Task.FromResult(refusal); } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<MeasurementEditorDialog>("", parameters));
        provider.WaitForElement("[data-testid=measurement-editor]", Timeout);
        return provider;
    }

    private static Task ChangeAsync(IRenderedComponent<MudDialogProvider> provider, string id, string value) =>
        provider.InvokeAsync(() => provider.Find($"#{id}").Change(value));

    private static Task ClickAsync(IRenderedComponent<MudDialogProvider> provider, string testId) =>
        provider.InvokeAsync(() => provider.Find($"[data-testid={testId}]").Click());

    [Fact]
    public async Task ANewMeasurement_IsSubmittedWithItsUnitAndHowOften()
    {
        var provider = await OpenAsync();
        Assert.Empty(provider.FindAll("[data-testid=remove-button]"));

        await ChangeAsync(provider, "measurement-name", "Systolic blood pressure");
        await provider.InvokeAsync(() => provider.Find("#measurement-unit").Input("mm[Hg]"));
        await ChangeAsync(provider, "measurement-frequency", "At every check-up");
        await ClickAsync(provider, "measurement-save");

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=measurement-editor]")), Timeout);
        Assert.Equal(new MeasurementInput("Systolic blood pressure", "mm[Hg]", "At every check-up"), Assert.Single(_submitted));
    }

    [Fact]
    public async Task AUnitThatIsNotUcum_IsExplainedWhileTyping_AndNothingIsSubmitted()
    {
        var provider = await OpenAsync();
        await ChangeAsync(provider, "measurement-name", "Systolic blood pressure");

        await provider.InvokeAsync(() => provider.Find("#measurement-unit").Input("mmHg"));

        provider.WaitForAssertion(() => Assert.Contains("'mmHg' is not a UCUM unit", provider.Markup, StringComparison.Ordinal), Timeout);
        await ClickAsync(provider, "measurement-save");
        Assert.Contains("'mmHg' is not a UCUM unit", provider.WaitForElement("[data-testid=measurement-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Empty(_submitted);
    }

    [Fact]
    public async Task AChangeRefusedOnSave_IsShown_AndTheDialogKeepsTheInput()
    {
        var provider = await OpenAsync(Fev1, refusal: "This care plan was changed by someone else after you opened it.");

        await ChangeAsync(provider, "measurement-frequency", "Twice a year");
        await ClickAsync(provider, "measurement-save");

        Assert.Contains("changed by someone else", provider.WaitForElement("[data-testid=measurement-error]", Timeout).TextContent, StringComparison.Ordinal);
        Assert.Equal(new MeasurementInput("FEV1", "L", "Twice a year"), Assert.Single(_submitted));
        Assert.Single(provider.FindAll("[data-testid=measurement-editor]"));
    }

    [Fact]
    public async Task Removing_AsksOnceMore_NamingTheMeasurement_AndRemovesOnlyWhenConfirmed()
    {
        var provider = await OpenAsync(Fev1);

        await ClickAsync(provider, "remove-button");
        Assert.Equal("Stop following FEV1 in this plan?", provider.Find("[data-testid=remove-question]").TextContent.Trim());
        await ClickAsync(provider, "remove-keep");
        Assert.Equal(0, _removed);

        await ClickAsync(provider, "remove-button");
        await ClickAsync(provider, "remove-confirm");

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=measurement-editor]")), Timeout);
        Assert.Equal(1, _removed);
        Assert.Empty(_submitted);
    }
}
