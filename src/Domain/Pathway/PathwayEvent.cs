using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Domain.Pathway;

/// <summary>
/// One thing that happened on the patient's pathway, in any sector: the timeline is made of these. What it says is a
/// <see cref="Kind"/> plus <see cref="Parameters"/>, rendered in the reader's language; <see cref="Title"/> and
/// <see cref="Detail"/> hold text only for <see cref="PathwayEventKind.Text"/>, text that comes from outside.
/// </summary>
public sealed class PathwayEvent
{
    public const int TitleMaxLength = 200;
    public const int DetailMaxLength = 1000;

    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public PathwayEventType Type { get; private set; }
    public Sector Sector { get; private set; }
    public Guid? SourceOrganisationId { get; private set; }
    public string SourceOrganisationName { get; private set; } = "";
    public PathwayEventKind Kind { get; private set; }
    public IReadOnlyDictionary<string, string> Parameters { get; private set; } = NoParameters;
    public string? Title { get; private set; }
    public string? Detail { get; private set; }

    /// <summary>
    /// The item of the record the event is about (the appointment booked, cancelled or held as a conference), so a block
    /// the patient puts on that item hides the event too. Null for events about no single item.
    /// </summary>
    public BlockedItemKind? AboutItemKind { get; private set; }
    public Guid? AboutItemId { get; private set; }

    private PathwayEvent() { }

    /// <summary>An event whose text comes from outside, shown as written (<see cref="PathwayEventKind.Text"/>).</summary>
    public PathwayEvent(Guid patientId, DateTimeOffset at, PathwayEventType type, Sector sector, Guid? sourceOrganisationId, string sourceOrganisationName, string title, string? detail = null)
        : this(patientId, at, type, sector, sourceOrganisationId, sourceOrganisationName)
    {
        Kind = PathwayEventKind.Text;
        Title = Guard.Required(title, "Event title", TitleMaxLength);
        Detail = Guard.Optional(detail, "Event detail", DetailMaxLength);
    }

    /// <summary>An event of a known kind; its text is written in the reader's language when shown.</summary>
    public PathwayEvent(Guid patientId, DateTimeOffset at, PathwayEventType type, Sector sector, Guid? sourceOrganisationId, string sourceOrganisationName,
        PathwayEventKind kind, IReadOnlyDictionary<string, string?> parameters)
        : this(patientId, at, type, sector, sourceOrganisationId, sourceOrganisationName)
    {
        if (kind == PathwayEventKind.Text || !Enum.IsDefined(kind))
            throw new DomainException("An event of a known kind is needed here; free text has a title.");
        Kind = kind;
        Parameters = parameters
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .ToDictionary(p => p.Key, p => Guard.Required(p.Value, "Event value", PathwayEventParameters.ValueMaxLength));
    }

    private PathwayEvent(Guid patientId, DateTimeOffset at, PathwayEventType type, Sector sector, Guid? sourceOrganisationId, string sourceOrganisationName)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A pathway event belongs to a patient.");
        PatientId = patientId;
        At = at;
        Type = type;
        Sector = sector;
        SourceOrganisationId = sourceOrganisationId;
        SourceOrganisationName = Guard.Required(sourceOrganisationName, "Source organisation", 200);
    }

    /// <summary>An organisation joined the care team (the reason and who added it are left out when not known).</summary>
    public static PathwayEvent CareTeamJoined(Guid patientId, DateTimeOffset at, Organisation organisation, CareTeamRole role, string? reason, string? addedBy) =>
        new(patientId, at, PathwayEventType.TeamChange, organisation.Sector, organisation.Id, organisation.Name, PathwayEventKind.CareTeamJoined,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Organisation] = organisation.Name,
                [PathwayEventParameters.Role] = PathwayEventParameters.Write(role),
                [PathwayEventParameters.Reason] = reason,
                [PathwayEventParameters.By] = addedBy,
            });

    /// <summary>An organisation's membership of the care team ends on <paramref name="lastDay"/>.</summary>
    public static PathwayEvent CareTeamLeft(Guid patientId, DateTimeOffset at, Organisation organisation, DateOnly lastDay, string? changedBy) =>
        new(patientId, at, PathwayEventType.TeamChange, organisation.Sector, organisation.Id, organisation.Name, PathwayEventKind.CareTeamLeft,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Organisation] = organisation.Name,
                [PathwayEventParameters.Date] = PathwayEventParameters.Write(lastDay),
                [PathwayEventParameters.By] = changedBy,
            });

    /// <summary>A message thread everyone on the pathway may read was started by <paramref name="from"/> of <paramref name="organisation"/>.</summary>
    public static PathwayEvent MessageShared(Guid patientId, DateTimeOffset at, Organisation organisation, string subject, string from) =>
        new(patientId, at, PathwayEventType.Message, organisation.Sector, organisation.Id, organisation.Name, PathwayEventKind.MessageShared,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Subject] = subject,
                [PathwayEventParameters.By] = from,
            });

    /// <summary>The patient was discharged by <paramref name="hospital"/>; <paramref name="followUpBy"/> is the GP follow-up's last day.</summary>
    public static PathwayEvent Discharged(Guid patientId, DateTimeOffset at, Organisation hospital, DateOnly? followUpBy, string? note, string by) =>
        new(patientId, at, PathwayEventType.Discharge, hospital.Sector, hospital.Id, hospital.Name, PathwayEventKind.Discharged,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Organisation] = hospital.Name,
                [PathwayEventParameters.Date] = followUpBy is { } day ? PathwayEventParameters.Write(day) : null,
                [PathwayEventParameters.Reason] = note,
                [PathwayEventParameters.By] = by,
            });

    /// <summary>The patient was admitted to <paramref name="hospital"/>.</summary>
    public static PathwayEvent Admitted(Guid patientId, DateTimeOffset at, Organisation hospital) =>
        new(patientId, at, PathwayEventType.Admission, hospital.Sector, hospital.Id, hospital.Name, PathwayEventKind.Admitted,
            new Dictionary<string, string?> { [PathwayEventParameters.Organisation] = hospital.Name });

    /// <summary>A hospital notification reached <paramref name="receiver"/>.</summary>
    public static PathwayEvent HospitalNotificationReceived(Guid patientId, DateTimeOffset at, Organisation receiver) =>
        new(patientId, at, PathwayEventType.Message, receiver.Sector, receiver.Id, receiver.Name, PathwayEventKind.HospitalNotificationReceived,
            new Dictionary<string, string?> { [PathwayEventParameters.Organisation] = receiver.Name });

    /// <summary>
    /// An appointment, or a series of <paramref name="count"/> appointments from <paramref name="start"/>, was booked;
    /// <paramref name="appointmentId"/> is the (first) appointment; <paramref name="lastStart"/> the series' last, so the entry
    /// says the whole span.
    /// </summary>
    public static PathwayEvent AppointmentBooked(Guid patientId, DateTimeOffset at, Organisation organisation, Guid appointmentId, AppointmentType type,
        DateTimeOffset start, int count, string bookedBy, DateTimeOffset? lastStart = null) =>
        new PathwayEvent(patientId, at, PathwayEventType.Appointment, organisation.Sector, organisation.Id, organisation.Name, PathwayEventKind.AppointmentBooked,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Organisation] = organisation.Name,
                [PathwayEventParameters.AppointmentType] = type.ToString(),
                [PathwayEventParameters.Start] = PathwayEventParameters.Write(start),
                [PathwayEventParameters.Count] = count > 1 ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                [PathwayEventParameters.Until] = count > 1 && lastStart is { } last ? PathwayEventParameters.Write(last) : null,
                [PathwayEventParameters.By] = bookedBy,
            }).About(BlockedItemKind.Appointment, appointmentId);

    /// <summary>
    /// An appointment (or <paramref name="count"/> of a series, from <paramref name="start"/>) was cancelled, with the reason;
    /// <paramref name="appointmentId"/> is the (first) cancelled appointment.
    /// </summary>
    public static PathwayEvent AppointmentCancelled(Guid patientId, DateTimeOffset at, Organisation organisation, Guid appointmentId, AppointmentType type,
        DateTimeOffset start, int count, string reason, string cancelledBy) =>
        new PathwayEvent(patientId, at, PathwayEventType.Appointment, organisation.Sector, organisation.Id, organisation.Name, PathwayEventKind.AppointmentCancelled,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Organisation] = organisation.Name,
                [PathwayEventParameters.AppointmentType] = type.ToString(),
                [PathwayEventParameters.Start] = PathwayEventParameters.Write(start),
                [PathwayEventParameters.Count] = count > 1 ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                [PathwayEventParameters.Reason] = reason,
                [PathwayEventParameters.By] = cancelledBy,
            }).About(BlockedItemKind.Appointment, appointmentId);

    /// <summary>
    /// A discharge conference (the appointment <paramref name="appointmentId"/>) at <paramref name="start"/> was finished by
    /// <paramref name="finishedBy"/>: who attended and the minutes as "author: text" paragraphs, cut to fit an event value
    /// (the whole minutes stay on the conference page).
    /// </summary>
    public static PathwayEvent DischargeConferenceHeld(Guid patientId, DateTimeOffset at, Organisation organisation, Guid appointmentId, DateTimeOffset start,
        string finishedBy, IEnumerable<string> attendees, IEnumerable<(string Author, string Text)> minutes)
    {
        var text = string.Join("\n\n", minutes.Where(m => m.Text.Length > 0).Select(m => $"{m.Author}: {m.Text}"));
        if (text.Length > PathwayEventParameters.ValueMaxLength)
            text = text[..(PathwayEventParameters.ValueMaxLength - 1)] + "\u2026";
        return new PathwayEvent(patientId, at, PathwayEventType.Appointment, organisation.Sector, organisation.Id, organisation.Name, PathwayEventKind.DischargeConferenceHeld,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Start] = PathwayEventParameters.Write(start),
                [PathwayEventParameters.By] = finishedBy,
                [PathwayEventParameters.Attendees] = string.Join(", ", attendees),
                [PathwayEventParameters.Minutes] = text,
            }).About(BlockedItemKind.Appointment, appointmentId);
    }

    /// <summary>A care plan titled <paramref name="title"/> was made by <paramref name="by"/> of <paramref name="organisation"/>.</summary>
    public static PathwayEvent CarePlanCreated(Guid patientId, DateTimeOffset at, Organisation organisation, string title, string by) =>
        new(patientId, at, PathwayEventType.PlanChange, organisation.Sector, organisation.Id, organisation.Name, PathwayEventKind.CarePlanCreated,
            new Dictionary<string, string?> { [PathwayEventParameters.Subject] = title, [PathwayEventParameters.By] = by });

    /// <summary>A care plan moved to <paramref name="status"/> (stored by its code, e.g. Active).</summary>
    public static PathwayEvent CarePlanStatusChanged(Guid patientId, DateTimeOffset at, Organisation organisation, string title, string status, string by) =>
        new(patientId, at, PathwayEventType.PlanChange, organisation.Sector, organisation.Id, organisation.Name, PathwayEventKind.CarePlanStatusChanged,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Subject] = title,
                [PathwayEventParameters.Status] = status,
                [PathwayEventParameters.By] = by,
            });

    /// <summary>A rehabilitation plan of <paramref name="kind"/> (by code) for <paramref name="unit"/> was made by <paramref name="by"/>.</summary>
    public static PathwayEvent RehabilitationPlanMade(Guid patientId, DateTimeOffset at, Organisation unit, string kind, string by) =>
        new(patientId, at, PathwayEventType.PlanChange, unit.Sector, unit.Id, unit.Name, PathwayEventKind.RehabilitationPlanMade,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Subject] = kind,
                [PathwayEventParameters.Organisation] = unit.Name,
                [PathwayEventParameters.By] = by,
            });

    /// <summary>Training on <paramref name="day"/> was logged against the plan of <paramref name="unit"/>, with how it went (by code).</summary>
    public static PathwayEvent RehabilitationSessionLogged(Guid patientId, DateTimeOffset at, Organisation unit, DateOnly day, string outcome, string by) =>
        new(patientId, at, PathwayEventType.PlanChange, unit.Sector, unit.Id, unit.Name, PathwayEventKind.RehabilitationSessionLogged,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Date] = PathwayEventParameters.Write(day),
                [PathwayEventParameters.Status] = outcome,
                [PathwayEventParameters.By] = by,
            });

    private PathwayEvent About(BlockedItemKind kind, Guid itemId)
    {
        if (itemId == Guid.Empty)
            throw new DomainException("An event about an item names the item.");
        AboutItemKind = kind;
        AboutItemId = itemId;
        return this;
    }

    /// <summary>An allergy to <paramref name="allergen"/> (substance and/or drug class) was recorded by <paramref name="by"/> of <paramref name="organisation"/>.</summary>
    public static PathwayEvent AllergyRecorded(Guid patientId, DateTimeOffset at, Organisation organisation, string allergen, string by) =>
        Allergy(patientId, at, organisation, PathwayEventKind.AllergyRecorded, allergen, null, by);

    /// <summary>The details of the allergy to <paramref name="allergen"/> were changed.</summary>
    public static PathwayEvent AllergyChanged(Guid patientId, DateTimeOffset at, Organisation organisation, string allergen, string by) =>
        Allergy(patientId, at, organisation, PathwayEventKind.AllergyChanged, allergen, null, by);

    /// <summary>The allergy to <paramref name="allergen"/> moved to <paramref name="status"/> (stored by its code, e.g. EnteredInError).</summary>
    public static PathwayEvent AllergyStatusChanged(Guid patientId, DateTimeOffset at, Organisation organisation, string allergen, string status, string by) =>
        Allergy(patientId, at, organisation, PathwayEventKind.AllergyStatusChanged, allergen, status, by);

    private static PathwayEvent Allergy(Guid patientId, DateTimeOffset at, Organisation organisation, PathwayEventKind kind, string allergen, string? status,
        string by) =>
        new(patientId, at, PathwayEventType.Medication, organisation.Sector, organisation.Id, organisation.Name, kind,
            new Dictionary<string, string?>
            {
                [PathwayEventParameters.Subject] = allergen,
                [PathwayEventParameters.Status] = status,
                [PathwayEventParameters.By] = by,
            });
}
