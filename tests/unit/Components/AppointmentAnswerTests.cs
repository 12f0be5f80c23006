using System.Globalization;
using Bunit;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Video;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

/// <summary>A participant accepts or declines in the appointment's details; nobody else is offered the answer.</summary>
public sealed class AppointmentAnswerTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly ParticipantView Doctor = new(Guid.NewGuid(), ParticipantKind.Practitioner, "user-larsen", "Peter Larsen",
        ParticipantRequirement.Required, ParticipationStatus.NeedsAction);
    private static readonly ParticipantView Patient = new(Guid.NewGuid(), ParticipantKind.Patient, "user-jens", "Jens Jensen",
        ParticipantRequirement.Required, ParticipationStatus.Accepted);

    private readonly List<ParticipationStatus> _answers = [];

    public AppointmentAnswerTests() =>
        // The video launch has its own tests; here it would need the video service.
        ComponentFactories.AddStub<AppointmentVideo>();

    private static AppointmentView Appointment(AppointmentStatus status = AppointmentStatus.Booked) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, Guid.NewGuid(), "Lægerne Strandvejen", Sector.GeneralPractice,
            AppointmentType.FollowUp, AppointmentMode.InPerson, "Konsultation 2", Start, Start.AddMinutes(30), status, null, null, null,
            [Doctor, Patient], false, "Sofie Nielsen", null, null);

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(AppointmentView appointment, ParticipantView? respondent, string? error = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<AppointmentDetailsDialog>
        {
            { d => d.Appointment, appointment },
            { d => d.Respondent, respondent },
            { d => d.OnRespond, answer =>
                {
                    _answers.Add(answer);
                    return Task.FromResult(error);
                } },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AppointmentDetailsDialog>("", parameters));
        provider.WaitForElement("[data-testid=appointment-details]", Timeout);
        return provider;
    }

    [Fact]
    public async Task AParticipant_SeesTheirAnswer_AndAccepting_GivesTheAnswer_AndCloses()
    {
        var provider = await OpenAsync(Appointment(), Doctor);

        Assert.Equal("Your answer: Not answered", provider.Find("[data-testid=appointment-my-answer]").TextContent.Trim());
        await provider.InvokeAsync(() => provider.Find("[data-testid=appointment-accept]").Click());

        Assert.Equal([ParticipationStatus.Accepted], _answers);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=appointment-details]")), Timeout);
    }

    [Fact]
    public async Task TheCurrentAnswer_CannotBeGivenAgain_ButTheOtherCan()
    {
        var provider = await OpenAsync(Appointment(), Patient);

        Assert.True(provider.Find("[data-testid=appointment-accept]").HasAttribute("disabled"));
        await provider.InvokeAsync(() => provider.Find("[data-testid=appointment-decline]").Click());

        Assert.Equal([ParticipationStatus.Declined], _answers);
    }

    [Fact]
    public async Task ARefusedAnswer_IsExplained_AndTheDialogStays()
    {
        var provider = await OpenAsync(Appointment(), Doctor, "Only a participant can accept or decline the appointment.");

        await provider.InvokeAsync(() => provider.Find("[data-testid=appointment-decline]").Click());

        Assert.Contains("Only a participant", provider.Find("[data-testid=appointment-details-error]").TextContent, StringComparison.Ordinal);
        Assert.Single(provider.FindAll("[data-testid=appointment-details]"));
    }

    [Fact]
    public async Task NoAnswer_IsOffered_ToSomeoneNotTakingPart()
    {
        var provider = await OpenAsync(Appointment(), null);

        Assert.Empty(provider.FindAll("[data-testid=appointment-answer]"));
        Assert.Contains("Peter Larsen", provider.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAnswer_IsOffered_ForACancelledAppointment()
    {
        var provider = await OpenAsync(Appointment(AppointmentStatus.Cancelled), Doctor);

        Assert.Empty(provider.FindAll("[data-testid=appointment-answer]"));
    }

    [Fact]
    public async Task TheAnswer_IsInDanish_ForADanishReader()
    {
        UseLanguage(CultureInfo.GetCultureInfo("da-DK"));
        var provider = await OpenAsync(Appointment(), Doctor);

        Assert.Equal("Dit svar: Ikke besvaret", provider.Find("[data-testid=appointment-my-answer]").TextContent.Trim());
        Assert.Equal("Accepter", provider.Find("[data-testid=appointment-accept]").TextContent.Trim());
        Assert.Equal("Afvis", provider.Find("[data-testid=appointment-decline]").TextContent.Trim());
    }
}
