using System.Globalization;
using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class AppointmentDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly Guid Clinic = Guid.NewGuid();
    private static readonly Actor Secretary = new("user-sofie", "Sofie Nielsen", UserRole.GpStaff, Clinic, "Lægerne Strandvejen");

    private readonly List<AppointmentInput> _submitted = [];

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(Func<AppointmentInput, SeriesScope, Task<IReadOnlyList<AppointmentConflict>>> conflicts)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<AppointmentDialog>
        {
            { d => d.Organisations, [new OrganisationOption(Clinic, "Lægerne Strandvejen", Sector.GeneralPractice)] },
            { d => d.People, [
                new ParticipantOption(ParticipantKind.Practitioner, "user-larsen", "Peter Larsen", Clinic, "Lægerne Strandvejen"),
                new ParticipantOption(ParticipantKind.Patient, "user-jens", "Jens Jensen", null, null)] },
            { d => d.Day, new DateOnly(2026, 12, 3) },
            { d => d.Booker, Secretary },
            { d => d.CheckConflicts, conflicts },
            { d => d.Submit, (input, _) =>
                {
                    _submitted.Add(input);
                    return Task.FromResult<string?>(null);
                } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AppointmentDialog>("", parameters));
        provider.WaitForElement("[data-testid=appointment-dialog]", Timeout);
        return provider;
    }

    [Fact]
    public async Task AConflict_IsShownBeforeSaving_AndSavingAgainSavesAnyway()
    {
        var start = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var provider = await OpenAsync((_, _) => Task.FromResult<IReadOnlyList<AppointmentConflict>>(
            [new AppointmentConflict(Guid.NewGuid(), ConflictKind.Practitioner, "Peter Larsen", start, start.AddMinutes(30))]));
        await provider.InvokeAsync(() => provider.Find("#appointment-location").Input("Konsultation 2"));
        await provider.InvokeAsync(() => Checkbox(provider, "Peter Larsen").Change(true));

        await provider.InvokeAsync(() => provider.Find("[data-testid=appointment-save]").Click());

        var warning = provider.WaitForElement("[data-testid=appointment-conflicts]", Timeout);
        Assert.Contains("Peter Larsen has another appointment 3 Dec 2026, 10:00–10:30.", warning.TextContent, StringComparison.Ordinal);
        Assert.Empty(_submitted);
        Assert.Equal("Save anyway", provider.Find("[data-testid=appointment-save]").TextContent.Trim());

        await provider.InvokeAsync(() => provider.Find("[data-testid=appointment-save]").Click());

        var saved = Assert.Single(_submitted);
        Assert.Equal(new TimeOnly(10, 0), saved.StartTime);
        Assert.Contains(saved.Participants, p => p.UserId == "user-jens" && p.Kind == ParticipantKind.Patient);
        Assert.Contains(saved.Participants, p => p.UserId == "user-larsen");
    }

    private static AngleSharp.Dom.IElement Checkbox(IRenderedComponent<MudDialogProvider> provider, string label) =>
        provider.FindAll("label").Single(l => l.TextContent.Contains(label, StringComparison.Ordinal)).QuerySelector("input")!;

    [Theory]
    [InlineData("en-GB", "The appointment must end after it starts.", "Participants")]
    [InlineData("da-DK", "Aftalen skal slutte, efter den begynder.", "Deltagere")]
    public async Task ARefusal_IsExplainedInTheReadersLanguage_AndTheInputStays(string culture, string message, string participantsHeading)
    {
        UseLanguage(CultureInfo.GetCultureInfo(culture));
        var provider = await OpenAsync((_, _) => throw new DomainException("The appointment must end after it starts."));
        Assert.Contains(participantsHeading, provider.Markup, StringComparison.Ordinal);
        await provider.InvokeAsync(() => provider.Find("#appointment-location").Input("Konsultation 2"));
        await provider.InvokeAsync(() => provider.Find("#appointment-reason").Input("Kontrol af blodtryk"));

        await provider.InvokeAsync(() => provider.Find("[data-testid=appointment-save]").Click());

        Assert.Equal(message, provider.WaitForElement("[data-testid=appointment-error]", Timeout).TextContent.Trim());
        Assert.Equal("Kontrol af blodtryk", provider.Find("#appointment-reason").GetAttribute("value"));
        Assert.Single(provider.FindAll("[data-testid=appointment-dialog]"));
        Assert.Empty(_submitted);
    }

    [Fact]
    public async Task AnInPersonAppointmentWithoutADate_IsRefusedBeforeAsking()
    {
        var asked = 0;
        var provider = await OpenAsync((_, _) =>
        {
            asked++;
            return Task.FromResult<IReadOnlyList<AppointmentConflict>>([]);
        });
        await provider.InvokeAsync(() => provider.Find("#appointment-date").Input(""));

        await provider.InvokeAsync(() => provider.Find("[data-testid=appointment-save]").Click());

        Assert.Equal("Enter the date of the appointment.", provider.WaitForElement("[data-testid=appointment-error]", Timeout).TextContent.Trim());
        Assert.Equal(0, asked);
    }
}
