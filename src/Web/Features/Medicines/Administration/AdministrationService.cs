using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Administration;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Medicines.Administration;

/// <summary>
/// Giving medication in a care home or treatment centre (docs/medication-administration.md): the unit's overview of its
/// residents' doses today with the missed ones flagged, one resident's schedule for today, and recording a dose given,
/// not given or refused. A unit's residents are the patients whose care team has the unit as an active member today.
/// Every read and write asks the access guard for the MedicationAdministration section; a record is signalled after
/// commit to the resident's care team (so the unit's open screens re-load).
/// </summary>
public sealed class AdministrationService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    SharedReads sharedReads,
    TimeProvider clock) : IPatientDataService
{
    private const string Overview = "Medication administration overview";

    /// <summary>The actor's unit's residents with today's doses; only the unit's own staff may open it.</summary>
    public async Task<UnitAdministrationView> GetUnitAsync(Actor actor, CancellationToken ct = default)
    {
        var unitId = actor.OrganisationId ?? Guid.Empty;
        await guard.DemandUnitListAsync(actor, unitId, PatientSection.MedicationAdministration, Overview, ct);
        var now = clock.GetUtcNow();
        // One read per change named to the unit (a prescription, a record), shared by the unit's open overviews; at
        // least once a minute, as doses become due and missed with the clock.
        var view = await sharedReads.GetForAudienceAsync(AudienceKey.ForOrganisation(unitId), "administration-overview",
            (db, c) => ReadUnitAsync(db, unitId, now, c), stamp: now.ToUnixTimeSeconds() / 60, ct: ct);
        await guard.RecordListedAsync(actor, view.Residents.Select(r => r.PatientId), Overview, PatientSection.MedicationAdministration, ct);
        return view;
    }

    /// <summary>The resident's doses today, each with its state and what was recorded.</summary>
    public async Task<ResidentScheduleView> GetResidentAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Read, PatientSection.MedicationAdministration,
            "Medication administration", ct);
        var now = clock.GetUtcNow();
        var day = CopenhagenTime.DateOf(now);
        var name = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var medications = await ActiveAsync(db, [patientId], ct);
        var records = await RecordsAsync(db, [patientId], day, ct);
        var doses = DaySchedule.For(day, medications).Select(d => View(d, records.GetValueOrDefault((d.MedicationEntryId, d.At)), now)).ToList();
        var unscheduled = medications.Where(m => DaySchedule.RunsOn(m, day) && DoseTimes.Of(m.DoseText, m.AsNeeded).Count == 0)
            .OrderBy(m => m.DrugName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new UnscheduledMedication(m.Id, m.DrugName, m.Strength, m.DoseText, m.AsNeeded)).ToList();
        // The guard's access record is saved with the read, before anything is shown.
        await db.SaveChangesAsync(ct);
        return new ResidentScheduleView(patientId, name, day, doses, unscheduled,
            PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.MedicationAdministration), now);
    }

    /// <summary>
    /// Records a dose of today's schedule. Refused with a reason, nothing saved: a dose not on the medication's schedule
    /// today, a dose already recorded (also when two devices record it at once: the database keeps one), a time in the
    /// future, "not given" without a reason.
    /// </summary>
    public async Task<Guid> RecordAsync(Actor actor, Guid patientId, DoseInput input, CancellationToken ct = default)
    {
        const string What = "Recorded a medication administration";
        try
        {
            return await Writer.WriteAsync(actor, patientId, AccessAction.Create, What, async (db, _, stamp) =>
            {
                var medication = await db.MedicationEntries.AsNoTracking().SingleOrDefaultAsync(m => m.Id == input.MedicationEntryId, ct);
                if (medication is null || medication.PatientId != patientId)
                {
                    throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Create, PatientSection.MedicationAdministration,
                        $"{What} (unknown medication {input.MedicationEntryId})", "That medication is not this patient's.", ct);
                }
                var day = CopenhagenTime.DateOf(stamp.At);
                var dose = DaySchedule.For(day, [medication]).SingleOrDefault(d => d.At == input.ScheduledAt.ToUniversalTime())
                    ?? throw new DomainException("This dose is not on the medication's schedule for the day (the prescription may have changed). The schedule has been brought up to date.");
                AdministrationRecord.RefuseIfRecorded(await db.AdministrationRecords.AsNoTracking()
                    .SingleOrDefaultAsync(r => r.MedicationEntryId == dose.MedicationEntryId && r.ScheduledAt == dose.At, ct));
                var record = AdministrationRecord.Record(patientId, dose, input.Outcome, CopenhagenTime.At(day, input.Time), input.Initials, input.Reason,
                    actor.OrganisationId, stamp);
                db.AdministrationRecords.Add(record);
                return (record.Id, null);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Another device recorded the same dose between our check and our save: the unique index kept theirs.
            if (await RecordedMeanwhileAsync(input, ct) is not { } first)
                throw;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var refusal = Refusal(first);
            await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Create, PatientSection.MedicationAdministration, What, refusal.Message, ct);
            throw refusal;
        }
    }

    private static DomainException Refusal(AdministrationRecord first)
    {
        try
        {
            AdministrationRecord.RefuseIfRecorded(first);
        }
        catch (DomainException refused)
        {
            return refused;
        }
        throw new InvalidOperationException("A recorded dose was not refused.");
    }

    private async Task<AdministrationRecord?> RecordedMeanwhileAsync(DoseInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var at = input.ScheduledAt.ToUniversalTime();
        return await db.AdministrationRecords.AsNoTracking().SingleOrDefaultAsync(r => r.MedicationEntryId == input.MedicationEntryId && r.ScheduledAt == at, ct);
    }

    /// <summary>The unit's overview for every viewer, in a fixed number of queries whatever the number of residents.</summary>
    private static async Task<UnitAdministrationView> ReadUnitAsync(CareDbContext db, Guid unitId, DateTimeOffset now, CancellationToken ct)
    {
        var day = CopenhagenTime.DateOf(now);
        var unitName = await db.Organisations.AsNoTracking().Where(o => o.Id == unitId).Select(o => o.Name).SingleAsync(ct);
        var residentToday = CareTeamMembership.OfOrganisationOn(unitId, day);
        var residents = await db.Patients.AsNoTracking()
            .Where(p => p.CareTeam.AsQueryable().Any(residentToday))
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(ct);
        var ids = residents.Select(r => r.Id).ToList();
        var medications = (await ActiveAsync(db, ids, ct)).ToLookup(m => m.PatientId);
        var records = await RecordsAsync(db, ids, day, ct);
        var danish = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), ignoreCase: false);
        var list = residents.Select(r =>
        {
            var states = DaySchedule.For(day, medications[r.Id])
                .Select(d => (d.At, State: MissedDoseRule.StateOf(d.At, records.GetValueOrDefault((d.MedicationEntryId, d.At))?.Outcome, now)))
                .ToList();
            return new ResidentDoses(r.Id, r.Name, states.Count,
                states.Count(s => s.State is DoseState.Given or DoseState.NotGiven or DoseState.Refused),
                states.Count(s => s.State == DoseState.Due), states.Count(s => s.State == DoseState.Missed),
                states.Where(s => s.State is DoseState.Due or DoseState.Upcoming).Select(s => (DateTimeOffset?)s.At).Min());
        }).OrderByDescending(r => r.Missed > 0).ThenBy(r => r.Name, danish).ToList();
        return new UnitAdministrationView(unitId, unitName, day, list, now);
    }

    private static async Task<List<MedicationEntry>> ActiveAsync(CareDbContext db, List<Guid> patientIds, CancellationToken ct) =>
        await db.MedicationEntries.AsNoTracking().Where(m => patientIds.Contains(m.PatientId) && m.Status == MedicationStatus.Active).ToListAsync(ct);

    private static async Task<Dictionary<(Guid, DateTimeOffset), AdministrationRecord>> RecordsAsync(CareDbContext db, List<Guid> patientIds, DateOnly day,
        CancellationToken ct)
    {
        var (from, to) = (CopenhagenTime.StartOf(day).ToUniversalTime(), CopenhagenTime.EndOf(day).ToUniversalTime());
        var records = await db.AdministrationRecords.AsNoTracking()
            .Where(r => patientIds.Contains(r.PatientId) && r.ScheduledAt >= from && r.ScheduledAt < to).ToListAsync(ct);
        return records.ToDictionary(r => (r.MedicationEntryId, r.ScheduledAt.ToUniversalTime()));
    }

    private static DoseView View(ScheduledDose dose, AdministrationRecord? record, DateTimeOffset now) =>
        new(dose, MissedDoseRule.StateOf(dose.At, record?.Outcome, now),
            record is null ? null : new DoseRecordView(record.Outcome, record.OccurredAt, record.Initials, record.RecordedBy, record.Reason));

    private SectionWriter Writer => new(dbFactory, guard, notifier, clock, PatientSection.MedicationAdministration);
}
