using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// Keeps the patients' master data in step with the person register, as the system actor: each run asks the register
/// about the patients not asked for longest (older than <see cref="NationalServicesSettings.PersonRefreshAfter"/>), at
/// most <see cref="Batch"/> of them, by CPR, and takes its name, address, name and address protection and death. A
/// refused answer about one patient is counted and the rest go on; a register that cannot be asked fails the run
/// (Hangfire tries again) with nothing half-written. Open pathways of a changed patient hear of it after the commit.
/// </summary>
public sealed class PersonSyncJob(
    IDbContextFactory<CareDbContext> dbFactory,
    IPersonRegister register,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock,
    NationalServicesSettings settings,
    ILogger<PersonSyncJob> logger) : INationalSync, IPatientSync
{
    public const string JobId = "national-sync-person";
    public const int Batch = 200;
    private const string What = "Update master data from the person register";

    private static Actor Actor => SystemActor.NationalSync;

    public NationalService Service => NationalService.Person;

    public string RecurringJobId => JobId;

    public void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTimeIf<PersonSyncJob>(settings.IsSetUp(NationalService.Person), JobId, settings.ScheduleOf(NationalService.Person),
            job => job.RunAsync(CancellationToken.None));

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<SyncCounts> RunAsync(CancellationToken ct)
    {
        var counts = await SyncRun.RecordAsync((change, token) => SyncStateWriter.UpdateAsync(dbFactory, NationalService.Person, change, token), clock,
            async tally =>
            {
                foreach (var (patientId, cpr) in await DueAsync(ct))
                {
                    var one = await RefreshPatientAsync(patientId, cpr, ct);
                    tally.Read += one.Read;
                    tally.Imported += one.Imported;
                    tally.Rejected += one.Rejected;
                }
                return null;
            }, ct);
        logger.LogInformation("Person register: {Read} patients asked about, {Updated} updated, {Rejected} answers refused",
            counts.Read, counts.Imported, counts.Rejected);
        return counts;
    }

    /// <summary>Asks the register about one patient and writes what it said; a refused answer is counted as rejected.</summary>
    public async Task<SyncCounts> RefreshPatientAsync(Guid patientId, Cpr cpr, CancellationToken ct)
    {
        PersonRecord? person;
        var rejected = 0;
        try
        {
            person = await register.FindByCprAsync(cpr, ct);
        }
        catch (NationalServiceException ex) when (ex.Failure == NationalServiceFailure.Malformed)
        {
            logger.LogWarning("Person register: the answer about patient {PatientId} was refused: {Reason}", patientId, ex.Message);
            rejected = 1;
            person = null;
        }
        return new SyncCounts(1, await ApplyAsync(patientId, person, ct) ? 1 : 0, rejected, 0);
    }

    private async Task<List<(Guid Id, Cpr Cpr)>> DueAsync(CancellationToken ct)
    {
        var askedBefore = clock.GetUtcNow() - settings.PersonRefreshAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Patients.AsNoTracking()
            .Where(p => p.RegisterCheckedAt == null || p.RegisterCheckedAt < askedBefore)
            .OrderBy(p => p.RegisterCheckedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Cpr }).Take(Batch).ToListAsync(ct);
        return [.. due.Select(p => (p.Id, p.Cpr))];
    }

    /// <summary>Writes what the register said (or only that it was asked); true when the master data changed.</summary>
    private async Task<bool> ApplyAsync(Guid patientId, PersonRecord? person, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var relationships = await guard.DemandForJobAsync(db, Actor, [patientId], AccessAction.Update, PatientSection.MasterData, What, ct);
        if (!relationships.TryGetValue(patientId, out var relationship))
        {
            await db.SaveChangesAsync(ct);
            return false;
        }
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId, ct);
        var now = clock.GetUtcNow();
        var changed = person is not null && patient.UpdateFromRegister(Entry(person), now);
        if (person is null)
            patient.RegisterChecked(now);
        if (changed && person is not null)
            db.ImportedItems.Add(new ImportedItem(NationalService.Person, $"{person.Provenance.SourceId}@{now.UtcTicks}", person.Provenance.Version,
                person.Provenance.LastUpdated, now, patientId));
        await db.SaveChangesAsync(ct);
        if (changed)
            notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.MasterData, patientId, Actor.UserId)
            {
                SeenBy = WhoMaySee.Change(relationship, PatientSection.MasterData, Audience.Everyone),
            });
        return changed;
    }

    private static PersonRegisterEntry Entry(PersonRecord person)
    {
        Address? address = null;
        if (person.AddressLine is { Length: > 0 } line && person.PostalCode is { Length: > 0 } postalCode && person.City is { Length: > 0 } city)
        {
            try
            {
                address = new Address(line, postalCode, city);
            }
            catch (DomainException)
            {
                // An address we cannot hold (a foreign postal code): ours is kept, the rest is still taken.
            }
        }
        return new PersonRegisterEntry(person.GivenName, person.FamilyName, address, person.NameAndAddressProtected, person.Deceased);
    }
}
