using Bunit;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.CarePlans;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class ActivityEditorDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly ActivitySnapshot Course = new(Guid.NewGuid(), "Smoking-cessation course", null, null, Sector.Municipality, "6 weekly sessions",
        ActivityStatus.NotStarted, null);
    private int _removed;

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(ActivitySnapshot? existing)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<ActivityEditorDialog>
        {
            { d => d.Existing, existing },
            { d => d.Organisations, [] },
            { d => d.Submit, _ => Task.FromResult<string?>(null) },
            { d => d.Remove, existing is null ? null : () => { _removed++; return Task.FromResult<string?>(null); } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ActivityEditorDialog>("", parameters));
        provider.WaitForElement("[data-testid=activity-editor]", Timeout);
        return provider;
    }

    [Fact]
    public async Task AnActivityThatDoesNotFit_IsRemovedAfterAskingOnceMore_AndTheDialogCloses()
    {
        var provider = await OpenAsync(Course);

        await provider.InvokeAsync(() => provider.Find("[data-testid=remove-button]").Click());
        Assert.Equal("Remove the activity 'Smoking-cessation course' from the plan?", provider.Find("[data-testid=remove-question]").TextContent.Trim());
        Assert.Equal(0, _removed);
        await provider.InvokeAsync(() => provider.Find("[data-testid=remove-confirm]").Click());

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=activity-editor]")), Timeout);
        Assert.Equal(1, _removed);
    }

    [Fact]
    public async Task ANewActivity_OffersNoRemoval()
    {
        var provider = await OpenAsync(null);

        Assert.Empty(provider.FindAll("[data-testid=remove-button]"));
    }
}
