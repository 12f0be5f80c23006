using CareWorkspace.Domain.Pathway;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Timeline;

/// <summary>
/// What a timeline entry says, in the reader's language: a kind and its stored values become a sentence here (texts in
/// TimelineText.resx / TimelineText.da.resx); free text is shown as written. A value that is missing shows as "—".
/// </summary>
public static class TimelineText
{
    private const string Missing = "—";

    private static IStringLocalizer L => StaticText.For(typeof(TimelineText));

    /// <summary>The English text (resource key) of each kind's title; every kind but free text has one.</summary>
    public static string? TitleKey(PathwayEventKind kind) => kind switch
    {
        PathwayEventKind.CareTeamJoined => "{0} joined the care team ({1})",
        PathwayEventKind.CareTeamLeft => "{0} leaves the care team on {1}",
        PathwayEventKind.MessageShared => "Message: {0}",
        PathwayEventKind.HospitalNotificationReceived => "Hospital notification received by {0}",
        PathwayEventKind.AppointmentBooked => "Appointment booked with {0}: {1}, {2}",
        PathwayEventKind.AppointmentCancelled => "Appointment cancelled with {0}: {1}, {2}",
        PathwayEventKind.Discharged => "Discharged from {0}",
        PathwayEventKind.Admitted => "Admitted to {0}",
        PathwayEventKind.DischargeConferenceHeld => "Discharge conference held {0}",
        PathwayEventKind.CarePlanCreated => "Care plan made: {0}",
        PathwayEventKind.CarePlanStatusChanged => "{0} is now {1}",
        PathwayEventKind.RehabilitationPlanMade => "Rehabilitation plan made: {0}, {1}",
        PathwayEventKind.RehabilitationSessionLogged => "Training logged for {0}: {1}",
        PathwayEventKind.AllergyRecorded => "Allergy (CAVE) recorded: {0}",
        PathwayEventKind.AllergyChanged => "Allergy (CAVE) changed: {0}",
        PathwayEventKind.AllergyStatusChanged => "Allergy (CAVE) {0} is now {1}",
        _ => null,
    };

    public static string Title(TimelineEntry entry)
    {
        var values = entry.Parameters ?? new Dictionary<string, string>();
        var key = TitleKey(entry.Kind);
        return entry.Kind switch
        {
            PathwayEventKind.CareTeamJoined => L[key!, Value(values, PathwayEventParameters.Organisation), RoleText(values)],
            PathwayEventKind.CareTeamLeft => L[key!, Value(values, PathwayEventParameters.Organisation), DateText(values)],
            PathwayEventKind.MessageShared => L[key!, Value(values, PathwayEventParameters.Subject)],
            PathwayEventKind.HospitalNotificationReceived => L[key!, Value(values, PathwayEventParameters.Organisation)],
            PathwayEventKind.AppointmentBooked or PathwayEventKind.AppointmentCancelled => AppointmentTitle(entry.Kind, values),
            PathwayEventKind.Discharged or PathwayEventKind.Admitted => L[key!, Value(values, PathwayEventParameters.Organisation)],
            PathwayEventKind.DischargeConferenceHeld => L[key!, PathwayEventParameters.ReadInstant(values.GetValueOrDefault(PathwayEventParameters.Start)) is { } held ? CareFormat.DateTime(held) : Missing],
            PathwayEventKind.CarePlanCreated => L[key!, Value(values, PathwayEventParameters.Subject)],
            PathwayEventKind.CarePlanStatusChanged => L[key!, Value(values, PathwayEventParameters.Subject),
                Enum.TryParse<Domain.CarePlans.CarePlanStatus>(values.GetValueOrDefault(PathwayEventParameters.Status), out var status)
                    ? CarePlans.CarePlanLabels.For(status).ToLowerInvariant()
                    : Missing],
            PathwayEventKind.RehabilitationPlanMade => L[key!,
                Enum.TryParse<Domain.Rehabilitation.RehabilitationKind>(values.GetValueOrDefault(PathwayEventParameters.Subject), out var kind)
                    ? Rehabilitation.RehabilitationLabels.For(kind).ToLowerInvariant()
                    : Value(values, PathwayEventParameters.Subject),
                Value(values, PathwayEventParameters.Organisation)],
            PathwayEventKind.RehabilitationSessionLogged => L[key!, DateText(values),
                Enum.TryParse<Domain.Rehabilitation.SessionOutcome>(values.GetValueOrDefault(PathwayEventParameters.Status), out var outcome)
                    ? Rehabilitation.RehabilitationLabels.For(outcome).ToLowerInvariant()
                    : Value(values, PathwayEventParameters.Status)],
            PathwayEventKind.AllergyRecorded or PathwayEventKind.AllergyChanged => L[key!, Value(values, PathwayEventParameters.Subject)],
            PathwayEventKind.AllergyStatusChanged => L[key!, Value(values, PathwayEventParameters.Subject),
                Enum.TryParse<Domain.Medicines.Allergies.AllergyStatus>(values.GetValueOrDefault(PathwayEventParameters.Status), out var allergyStatus)
                    ? Medicines.Allergies.AllergyLabels.For(allergyStatus).ToLower(System.Globalization.CultureInfo.CurrentCulture)
                    : Value(values, PathwayEventParameters.Status)],
            _ => entry.Title ?? "",
        };
    }

    public static string? Detail(TimelineEntry entry)
    {
        var values = entry.Parameters ?? new Dictionary<string, string>();
        var by = values.GetValueOrDefault(PathwayEventParameters.By);
        return entry.Kind switch
        {
            PathwayEventKind.CareTeamJoined => (values.GetValueOrDefault(PathwayEventParameters.Reason), by) switch
            {
                ({ } reason, { } who) => L["Reason: {0} · Added by {1}", reason, who].Value,
                ({ } reason, null) => L["Reason: {0}", reason].Value,
                (null, { } who) => L["Added by {0}", who].Value,
                _ => null,
            },
            PathwayEventKind.CareTeamLeft => by is null ? null : L["Changed by {0}", by].Value,
            PathwayEventKind.MessageShared => by is null ? null : L["From {0}", by].Value,
            PathwayEventKind.HospitalNotificationReceived or PathwayEventKind.Admitted => null,
            PathwayEventKind.AppointmentBooked => by is null ? null : L["Booked by {0}", by].Value,
            PathwayEventKind.AppointmentCancelled => (values.GetValueOrDefault(PathwayEventParameters.Reason), by) switch
            {
                ({ } reason, { } who) => L["Reason: {0} · Cancelled by {1}", reason, who].Value,
                ({ } reason, null) => L["Reason: {0}", reason].Value,
                (null, { } who) => L["Cancelled by {0}", who].Value,
                _ => null,
            },
            PathwayEventKind.Discharged => DischargeDetail(values, by),
            PathwayEventKind.DischargeConferenceHeld => string.Join("\n", new[]
            {
                values.GetValueOrDefault(PathwayEventParameters.Attendees) is { } attended ? L["Attended: {0}", attended].Value : null,
                by is null ? null : L["Minutes finished by {0}", by].Value,
                values.GetValueOrDefault(PathwayEventParameters.Minutes),
            }.Where(line => line is not null)),
            PathwayEventKind.CarePlanCreated or PathwayEventKind.CarePlanStatusChanged or PathwayEventKind.RehabilitationPlanMade
                or PathwayEventKind.RehabilitationSessionLogged or PathwayEventKind.AllergyRecorded or PathwayEventKind.AllergyChanged
                or PathwayEventKind.AllergyStatusChanged => by is null ? null : L["By {0}", by].Value,
            _ => entry.Detail,
        };
    }

    private static string DischargeDetail(IReadOnlyDictionary<string, string> values, string? by)
    {
        var followUp = PathwayEventParameters.ReadDate(values.GetValueOrDefault(PathwayEventParameters.Date)) is { } due
            ? L["GP follow-up by {0}", CareFormat.Date(due)].Value
            : L["No GP follow-up"].Value;
        var note = values.GetValueOrDefault(PathwayEventParameters.Reason);
        return string.Join(" · ", new[] { followUp, note, by is null ? null : L["By {0}", by].Value }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    /// <summary>"Appointment booked with Lægehuset: Follow-up, 3 Dec 2026, 10:00", or for a series "4 appointments booked … from …".</summary>
    private static string AppointmentTitle(PathwayEventKind kind, IReadOnlyDictionary<string, string> values)
    {
        var organisation = Value(values, PathwayEventParameters.Organisation);
        var type = PathwayEventParameters.ReadAppointmentType(values.GetValueOrDefault(PathwayEventParameters.AppointmentType)) is { } t
            ? CalendarLabels.For(t)
            : Missing;
        var start = PathwayEventParameters.ReadInstant(values.GetValueOrDefault(PathwayEventParameters.Start)) is { } at ? CareFormat.DateTime(at) : Missing;
        if (values.GetValueOrDefault(PathwayEventParameters.Count) is { } series
            && PathwayEventParameters.ReadInstant(values.GetValueOrDefault(PathwayEventParameters.Until)) is { } until)
        {
            return L["{0} appointments booked with {1}: {2}, from {3} to {4}", series, organisation, type, start, CareFormat.DateTime(until)];
        }
        if (values.GetValueOrDefault(PathwayEventParameters.Count) is { } count)
        {
            return kind == PathwayEventKind.AppointmentBooked
                ? L["{0} appointments booked with {1}: {2}, from {3}", count, organisation, type, start]
                : L["{0} appointments cancelled with {1}: {2}, from {3}", count, organisation, type, start];
        }
        return L[TitleKey(kind)!, organisation, type, start];
    }

    private static string Value(IReadOnlyDictionary<string, string> values, string name) => values.GetValueOrDefault(name) ?? Missing;

    private static string RoleText(IReadOnlyDictionary<string, string> values) =>
        PathwayEventParameters.ReadRole(values.GetValueOrDefault(PathwayEventParameters.Role)) is { } role
            ? PatientLabels.For(role).ToLower(System.Globalization.CultureInfo.CurrentCulture)
            : Missing;

    private static string DateText(IReadOnlyDictionary<string, string> values) =>
        PathwayEventParameters.ReadDate(values.GetValueOrDefault(PathwayEventParameters.Date)) is { } date ? CareFormat.Date(date) : Missing;
}
