using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.CarePlans;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>Fills an empty database with Jens' story and a municipality's worth of citizens. Runs once.</summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<CareDbContext> dbFactory,
    UserManager<CareUser> userManager,
    CarePlanTemplates carePlanTemplates,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public const string JensCpr = "1203521235";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.AnyAsync(ct))
            return;

        var organisations = DemoOrganisations.Create();
        // The demo organisations' address and phone came with the sandbox's organisation register: already checked.
        foreach (var organisation in organisations)
        {
            if (SandboxOrganisations.EntryFor(organisation.Sor) is { } sor)
                organisation.UpdateFromSor(sor, clock.GetUtcNow());
        }
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(ct);
        var bySor = organisations.ToDictionary(o => o.Sor.Value);

        var users = new Dictionary<string, CareUser>();
        foreach (var account in DemoAccounts.All)
        {
            var user = new CareUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                Role = account.Role,
                OrganisationId = account.OrganisationSor is { } sor ? bySor[sor].Id : null,
                LockoutEnabled = true,
            };
            var result = await userManager.CreateAsync(user, DemoAccounts.Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo user {account.UserName} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            users[account.UserName] = user;
        }

        var today = CopenhagenTime.Today(clock);
        var jens = CreateJens(bySor, users, today);
        db.Patients.Add(jens);
        db.RelativeConsents.Add(new RelativeConsent(jens.Id, users["ulla"].Id,
            [PatientSection.MasterData, PatientSection.CareTeam, PatientSection.Conditions, PatientSection.Relatives, PatientSection.Timeline, PatientSection.Calendar,
                PatientSection.Rehabilitation],
            clock.GetUtcNow(), "Jens Jensen"));
        var citizens = DemoCitizens.Create(bySor, today).Concat(DemoTriage.Citizens(bySor, today)).ToList();
        db.Patients.AddRange(citizens);
        await db.SaveChangesAsync(ct);
        db.PathwayEvents.AddRange(DemoPathway.EventsForJens(jens.Id, bySor, clock.GetUtcNow()));
        // The hospital stay on Jens' timeline came with the national sandbox's notifications: already imported.
        db.ImportedItems.AddRange(SandboxSeed.AlreadyImportedSourceIds.Select(id =>
            new ImportedItem(NationalService.HospitalNotifications, id, "1", null, clock.GetUtcNow(), jens.Id)));
        db.MessageThreads.AddRange(DemoPathway.ThreadsForJens(jens.Id, bySor, users, clock.GetUtcNow()));
        var (series, appointments) = DemoCalendar.ForJens(jens.Id, bySor, users, clock.GetUtcNow());
        db.AppointmentSeries.AddRange(series);
        db.Appointments.AddRange(appointments);
        // The discharge conference behind Jens has its finished minutes, and they are on his timeline.
        if (DemoConferenceMinutes.For(appointments, bySor, users, clock.GetUtcNow()) is { } conference)
        {
            db.ConferenceMinutes.Add(conference.Minutes);
            db.PathwayEvents.Add(conference.Held);
        }
        db.AllergyEntries.Add(DemoAllergies.ForJens(jens.Id, bySor, users, clock.GetUtcNow()));
        db.MedicationEntries.AddRange(DemoMedication.LocalForJens(jens.Id, bySor, users, clock.GetUtcNow()));
        db.DischargeMedicationLists.Add(DemoMedication.DischargeListForJens(jens.Id, bySor, users, clock.GetUtcNow()));
        if (DemoCarePlans.ForJens(jens.Id, carePlanTemplates, bySor, users, clock.GetUtcNow()) is { } carePlan)
            db.CarePlans.Add(carePlan);
        var (rehabilitation, sessions) = DemoRehabilitation.ForJens(jens.Id, bySor, users, today, clock.GetUtcNow());
        db.RehabilitationPlans.Add(rehabilitation);
        db.RehabilitationSessions.AddRange(sessions);
        var homeCare = bySor[DemoOrganisations.HomeCareSor].Id;
        var (observations, triagePlans) = DemoTriage.For(
            [jens, .. citizens.Where(c => c.HasActiveCareTeamMember(homeCare, today))], jens.Id, bySor, users, today);
        db.TriageObservations.AddRange(observations);
        db.TriageActionPlans.AddRange(triagePlans);
        await db.SaveChangesAsync(ct);
        var residents = DemoCareHome.Patients(bySor, today);
        db.Patients.AddRange(residents);
        await db.SaveChangesAsync(ct);
        var medications = DemoCareHome.Medications(residents, bySor, users, today, clock.GetUtcNow());
        db.MedicationEntries.AddRange(medications);
        await db.SaveChangesAsync(ct);
        db.AdministrationRecords.AddRange(DemoCareHome.AdministrationsToday(medications, bySor, users, today, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo data created: {Organisations} organisations, {Users} users", organisations.Count, users.Count);
    }

    private static Patient CreateJens(IReadOnlyDictionary<string, Organisation> bySor, IReadOnlyDictionary<string, CareUser> users, DateOnly today)
    {
        var jens = new Patient("Jens", "Jensen", Cpr.Parse(JensCpr, today));
        jens.MoveTo(new Address("Strandvejen 12", "2900", "Havby"));
        jens.ChangePhone("+45 20 12 34 56");
        jens.LinkUser(users["jens"].Id);
        jens.AssignGp(bySor[DemoOrganisations.GpClinicSor].Id, today.AddYears(-12));
        jens.JoinCareTeam(bySor[DemoOrganisations.HospitalSor].Id, CareTeamRole.TreatingHospital, new Period(today.AddDays(-30)));
        jens.JoinCareTeam(bySor[DemoOrganisations.HomeCareSor].Id, CareTeamRole.HomeCare, new Period(today.AddDays(-14)));
        jens.JoinCareTeam(bySor[DemoOrganisations.RehabSor].Id, CareTeamRole.Rehabilitation, new Period(today.AddDays(-7), today.AddMonths(3)));
        jens.AddCondition(Condition.SksSystem, "DJ449", "Kronisk obstruktiv lungesygdom (KOL)", today.AddDays(-30));
        jens.AddCondition(Condition.SksSystem, "DI109", "Essentiel hypertension", today.AddYears(-6));
        jens.AddRelative("Ulla Jensen", RelationshipCode.SPS, "+45 20 65 43 21", isContactRelative: true, userId: users["ulla"].Id);
        jens.AddRelative("Mads Jensen", RelationshipCode.CHILD, "+45 31 22 33 44", isContactRelative: false);
        return jens;
    }
}
