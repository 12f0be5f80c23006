using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;

namespace CareWorkspace.Domain.FollowUp;

/// <summary>
/// What a discharge leaves behind, whoever records it (a hospital clinician, or the national hospital notifications):
/// a Discharge event on the timeline and, when a GP consultation within some days is asked for, the clinic's task.
/// </summary>
public static class Discharge
{
    /// <param name="gpFollowUp">The patient's GP clinic and within how many days it should see them; null for no follow-up.</param>
    public static (FollowUpTask? Task, PathwayEvent Event) Record(Guid patientId, Organisation hospital, DateTimeOffset at,
        (Guid GpOrganisationId, int WithinDays)? gpFollowUp, string? note, string by)
    {
        var task = gpFollowUp is { } followUp
            ? FollowUpTask.AfterDischarge(patientId, followUp.GpOrganisationId, at, followUp.WithinDays, note, by, hospital.Name)
            : null;
        return (task, PathwayEvent.Discharged(patientId, at, hospital, task?.DueBy, FollowUpTask.CleanNote(note), by));
    }

    /// <summary>
    /// A discharge heard of late (e.g. an old hospital notification) raises no GP task once the follow-up's last day has
    /// passed: the task could only be overdue; the timeline still shows the discharge.
    /// </summary>
    public static bool FollowUpStillDue(DateTimeOffset dischargedAt, int withinDays, DateOnly today) =>
        CopenhagenTime.DateOf(dischargedAt).AddDays(withinDays) >= today;
}
