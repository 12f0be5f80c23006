using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Web.Features.Calendar;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>Appointments for the calendar tests, each on a day of its own far ahead, so that tests never double-book each other.</summary>
public static class CalendarTestData
{
    private static int days;

    /// <summary>A Copenhagen day of its own, a year or more ahead.</summary>
    public static DateOnly NextDay() => CopenhagenTime.Today(TimeProvider.System).AddDays(400 + Interlocked.Increment(ref days));

    /// <summary>A follow-up in person at the actor's own organisation, with the actor as the practitioner.</summary>
    public static AppointmentInput FollowUp(Actor actor, DateOnly? day = null, string from = "10:00", string to = "10:30") =>
        new(actor.OrganisationId!.Value, AppointmentType.FollowUp, AppointmentMode.InPerson, "Lægehuset, konsultation 2",
            day ?? NextDay(), TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
            [new ParticipantInput(ParticipantKind.Practitioner, actor.UserId, actor.DisplayName)],
            Reason: "Follow-up after discharge " + PathwayTestData.Unique());
}
