using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.FhirApi;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.FhirApi;

/// <summary>
/// Reads a patient for the FHIR API exactly as the screens do: the access guard decides each section and writes the access
/// record for it, so an API read is in the patient's access log like any other. A section the caller may not read is
/// not loaded at all.
/// </summary>
public sealed class FhirRecordService(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard, TimeProvider clock) : IPatientDataService
{
    /// <summary>Every section <c>$everything</c> asks for; each is given (and recorded) only where the policy allows it.</summary>
    public static readonly PatientSection[] EverythingSections =
    [
        PatientSection.MasterData, PatientSection.Relatives, PatientSection.CareTeam, PatientSection.Conditions,
        PatientSection.Calendar, PatientSection.CarePlan, PatientSection.Triage, PatientSection.Messages,
        PatientSection.Medication, PatientSection.Measurements,
    ];

    /// <summary><c>GET /fhir/Patient/{id}</c>: the personal details section, refused (and logged) like the overview.</summary>
    public Task<FhirRecord> PatientAsync(Actor actor, Guid patientId, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var sections = await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.MasterData, "FHIR API: Patient", ct);
            var record = await LoadAsync(db, actor, patientId, sections, ct);
            await db.SaveChangesAsync(ct);
            return record;
        }, repeatable: true, ct);

    /// <summary><c>GET /fhir/Patient/{id}/$everything</c>: opens the record as the pathway does, then every readable section.</summary>
    public Task<FhirRecord> EverythingAsync(Actor actor, Guid patientId, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (sections, _) = await guard.DemandEntryAsync(db, actor, patientId, "FHIR API: Patient $everything", ct, EverythingSections);
            var record = await LoadAsync(db, actor, patientId, sections, ct);
            await db.SaveChangesAsync(ct);
            return record;
        }, repeatable: true, ct);

    private async Task<FhirRecord> LoadAsync(CareDbContext db, Actor actor, Guid patientId, IReadOnlySet<PatientSection> sections, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, ct);
        // The API hands out a copy: items the patient blocked from the caller stay out, also those open only under emergency access.
        var relationship = await guard.LoadRelationshipAsync(db, patientId, ct) ?? throw new PatientNotFoundException(patientId);
        var hiddenConditions = PatientAccessPolicy.ItemIdsKeptOutOfCopies(actor, relationship, BlockedItemKind.Condition);
        var conditions = patient.Conditions.Where(c => !hiddenConditions.Contains(c.Id)).ToList();
        var hiddenAppointments = PatientAccessPolicy.ItemIdsKeptOutOfCopies(actor, relationship, BlockedItemKind.Appointment).ToList();
        var appointments = sections.Contains(PatientSection.Calendar)
            ? await db.Appointments.AsNoTracking().Where(a => a.PatientId == patientId && !hiddenAppointments.Contains(a.Id)).ToListAsync(ct)
            : [];
        var carePlans = sections.Contains(PatientSection.CarePlan)
            ? await db.CarePlans.AsNoTracking().Where(p => p.PatientId == patientId).ToListAsync(ct)
            : [];
        var medications = sections.Contains(PatientSection.Medication)
            ? await db.MedicationEntries.AsNoTracking().Where(m => m.PatientId == patientId).ToListAsync(ct)
            : [];
        var measurements = sections.Contains(PatientSection.Measurements)
            ? await db.HomeMeasurements.AsNoTracking().Where(m => m.PatientId == patientId).ToListAsync(ct)
            : [];
        var observations = sections.Contains(PatientSection.Triage)
            ? await db.TriageObservations.AsNoTracking().Where(o => o.PatientId == patientId).ToListAsync(ct)
            : [];
        // Thread by thread, as the messages section: a relative reads only the threads shared with relatives.
        var threads = sections.Contains(PatientSection.Messages)
            ? (await db.MessageThreads.AsNoTracking().Where(t => t.PatientId == patientId).ToListAsync(ct)).Where(t => t.IsVisibleTo(actor)).ToList()
            : [];
        var organisationIds = patient.CareTeam.Select(m => m.OrganisationId)
            .Concat(appointments.Select(a => a.OrganisationId))
            .Concat(patient.GpOrganisationId is { } gp ? [gp] : [])
            .Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return new FhirRecord(patient, sections, conditions, organisations, appointments, carePlans, observations, threads, CopenhagenTime.Today(clock),
            AddressProtection.MaySeeAddress(actor, patient.NameAndAddressProtected, patient.UserId), medications, measurements);
    }
}
