using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.Patients;

namespace CareWorkspace.Web.Features.Pathway;

public sealed class PathwayHeaderService(
    PatientAccessGuard guard,
    SharedReads sharedReads,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>Opening the record: the relationship and the record are shared reads, the decision is this viewer's own.</summary>
    public async Task<PathwayHeader> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        // Whoever may see any part of the record sees whose record it is; CPR and age are personal details (MasterData).
        var (read, visible) = await guard.DemandSharedEntryAsync(actor, patientId, "Pathway header", ct,
            PatientSection.MasterData, PatientSection.Relatives, PatientSection.Conditions, PatientSection.CareTeam, PatientSection.Triage);
        var patient = await sharedReads.GetAsync(patientId, PatientSnapshot.Key, PatientSnapshot.DependsOn,
            (db, c) => PatientSnapshot.ReadAsync(db, patientId, c), ct: ct);
        var colour = read.Contains(PatientSection.Triage)
            ? await sharedReads.GetAsync(patientId, TriageColours.SharedKey, TriageColours.DependsOn, (db, c) => TriageColours.CurrentAsync(db, patientId, c), ct: ct)
            : null;
        // The condition chips leave out what the patient blocked from this viewer (the same shared relationship the read was decided on).
        var relationship = await guard.SharedRelationshipAsync(patientId, ct) ?? throw new PatientNotFoundException(patientId);
        var conditions = patient.ConditionsFor(actor, relationship);
        if (read.Contains(PatientSection.Conditions))
            await guard.RecordItemsUnderEmergencyAsync(actor, relationship, PatientSection.Conditions, "Pathway header", conditions.ShownUnderEmergency, ct);
        return For(patient, conditions.Shown, read, visible, CopenhagenTime.Today(clock)) with { TriageColour = colour };
    }

    /// <summary>One viewer's header: only the sections that viewer's read was allowed (and recorded) for, and the conditions the viewer may see.</summary>
    public static PathwayHeader For(PatientSnapshot patient, IReadOnlyList<ConditionRow> conditions, IReadOnlySet<PatientSection> read,
        IReadOnlySet<PatientSection> visible, DateOnly today)
    {
        var details = read.Contains(PatientSection.MasterData);
        var contact = read.Contains(PatientSection.Relatives) ? patient.ContactRelative : null;
        return new PathwayHeader(
            patient.Id,
            patient.Name,
            details ? patient.Cpr.Display : null,
            details ? patient.Cpr.AgeOn(today) : null,
            contact?.Name,
            contact?.Phone,
            details || read.Contains(PatientSection.CareTeam) ? patient.Gp?.Name : null,
            read.Contains(PatientSection.Conditions) ? [.. conditions.Select(c => c.Text)] : [],
            visible);
    }
}
