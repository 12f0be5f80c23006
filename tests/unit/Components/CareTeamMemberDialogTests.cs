using Bunit;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class CareTeamMemberDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<CareTeamMemberDialog>
        {
            { d => d.Organisations, [new OrganisationOption(Guid.NewGuid(), "Havby Kommune", Sector.Municipality)] },
            { d => d.Today, new DateOnly(2026, 11, 29) },
            { d => d.Submit, _ => Task.FromResult<string?>(null) },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CareTeamMemberDialog>("", parameters));
        provider.WaitForElement("[data-testid=care-team-member-dialog]", Timeout);
        return provider;
    }

    [Theory]
    [InlineData("en-GB", "Save", "Choose an organisation.", "Reason for joining the care team")]
    [InlineData("da-DK", "Gem", "Vælg en organisation.", "Begrundelse for at indgå i behandlingsteamet")]
    public async Task SaveWithoutOrganisation_ExplainsInTheReadersLanguage_AndKeepsTheDialogOpen(string culture, string save, string error, string reasonLabel)
    {
        UseLanguage(System.Globalization.CultureInfo.GetCultureInfo(culture));
        var provider = await OpenAsync();

        Assert.Contains(reasonLabel, provider.Markup, StringComparison.Ordinal);
        await provider.InvokeAsync(() => provider.FindAll("button").Single(b => b.TextContent.Trim() == save).Click());

        Assert.Equal(error, provider.WaitForElement("[data-testid=member-error]", Timeout).TextContent.Trim());
        Assert.Single(provider.FindAll("[data-testid=care-team-member-dialog]"));
    }
}
