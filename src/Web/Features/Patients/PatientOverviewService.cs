using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;

namespace CareWorkspace.Web.Features.Patients;

/// <summary>The patient overview: master data, relatives, GP, care team and conditions, as far as the viewer may see.</summary>
public sealed class PatientOverviewService(
    PatientAccessGuard guard,
    SharedReads sharedReads,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>The relationship and the record are shared reads; the decision and its access records are this viewer's own.</summary>
    public async Task<PatientOverview> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (sections, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.MasterData, "Patient overview", ct,
            PatientSection.Relatives, PatientSection.CareTeam, PatientSection.Conditions);
        var patient = await sharedReads.GetAsync(patientId, PatientSnapshot.Key, PatientSnapshot.DependsOn,
            (db, c) => PatientSnapshot.ReadAsync(db, patientId, c), ct: ct);
        var conditions = patient.ConditionsFor(actor, relationship);
        if (sections.Contains(PatientSection.Conditions))
            await guard.RecordItemsUnderEmergencyAsync(actor, relationship, PatientSection.Conditions, "Patient overview", conditions.ShownUnderEmergency, ct);
        return For(actor, patient, conditions.Shown, sections, CopenhagenTime.Today(clock));
    }

    /// <summary>
    /// One viewer's overview: only the sections that viewer's read was allowed (and recorded) for, the conditions the
    /// viewer may see (<see cref="PatientSnapshot.ConditionsFor"/>), and a protected address only for the patient.
    /// </summary>
    public static PatientOverview For(Actor actor, PatientSnapshot patient, IReadOnlyList<ConditionRow> conditions, IReadOnlySet<PatientSection> sections, DateOnly today) =>
        new(
            patient.Id,
            patient.Name,
            patient.Cpr.Display,
            patient.Cpr.BirthDate,
            patient.Cpr.AgeOn(today),
            AddressProtection.MaySeeAddress(actor, patient.NameAndAddressProtected, patient.UserId) ? patient.Address : null,
            patient.Phone,
            patient.Gp,
            sections.Contains(PatientSection.Relatives) ? patient.Relatives : null,
            sections.Contains(PatientSection.CareTeam) ? patient.CareTeamOn(today) : null,
            sections.Contains(PatientSection.Conditions) ? conditions : null,
            patient.NameAndAddressProtected,
            patient.Deceased);
}
