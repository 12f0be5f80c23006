using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Web.Features.CareTeam;

namespace CareWorkspace.Web.Features.CarePlans;

/// <summary>The patient's care plans as one viewer may see them, with what that viewer may do and the choices the editors need.</summary>
public sealed record CarePlansView(
    Guid PatientId,
    IReadOnlyList<CarePlanView> Plans,
    CarePlanPermissions Can,
    IReadOnlyList<CarePlanTemplateOption> Templates,
    IReadOnlyList<OrganisationOption> Organisations,
    IReadOnlyList<AppointmentOption> Appointments,
    DateOnly Today);

/// <summary>One plan as stored now: its identity, the version an edit is based on, who changed it last, and its content.</summary>
public sealed record CarePlanView(Guid Id, Guid Version, int Revision, string ChangedBy, DateTimeOffset ChangedAt, CarePlanSnapshot Plan)
{
    public string Title => Plan.Title;
    public CarePlanStatus Status => Plan.Status;
    public bool IsOpen => CarePlanLifecycle.IsOpen(Plan.Status);
}

/// <param name="OpenCalendar">The viewer may read the patient's calendar, so an activity's appointment is a link to it.</param>
public sealed record CarePlanPermissions(bool Create, bool Change, bool OpenCalendar = false);

/// <summary>
/// A template to start a plan from: its title and conditions in both languages (the screen picks the reader's) and how long its
/// plan runs, which the new-plan dialog proposes.
/// </summary>
public sealed record CarePlanTemplateOption(string Id, string Version, LocalisedText Title, IReadOnlyList<LocalisedText> Conditions, int DurationMonths);

/// <summary>An appointment in the patient's calendar that an activity can point to.</summary>
public sealed record AppointmentOption(Guid Id, DateTimeOffset Start, string OrganisationName, Domain.Calendar.AppointmentType Type);

/// <summary>One line of a plan's history: the version number, who, when and what changed.</summary>
public sealed record CarePlanVersionSummary(int Number, string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<CarePlanChange> Changes);

/// <summary>An earlier version of a plan, opened from the history.</summary>
public sealed record CarePlanVersionView(Guid PlanId, int Number, string ChangedBy, DateTimeOffset ChangedAt, CarePlanSnapshot Plan);
