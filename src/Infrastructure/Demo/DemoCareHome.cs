using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Administration;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>
/// Havby Kommune's care home, Plejecentret Solgården: three residents with their current medication (prescribed by their
/// GP, with dose texts that give the day's schedule) and today's administration so far: the doses whose time has passed
/// are recorded by the care home's staff, except one left unrecorded, so the overview shows a missed dose.
/// </summary>
internal static class DemoCareHome
{
    private sealed record Drug(string Name, string Atc, string Strength, string Form, string Dose, bool AsNeeded = false);

    private static readonly (string Given, string Family, string Cpr, Drug[] Drugs)[] Residents =
    [
        ("Gudrun", "Holm", "0402331238",
        [
            new("Ramipril", "C09AA05", "5 mg", "tabletter", "1 tablet kl. 8"),
            new("Metformin", "A10BA02", "500 mg", "tabletter", "1 tablet morgen og aften"),
            new("Paracetamol", "N02BE01", "500 mg", "tabletter", "2 tabletter 3 gange dagligt"),
        ]),
        ("Valdemar", "Friis", "1707291453",
        [
            new("Furosemid", "C03CA01", "40 mg", "tabletter", "1 tablet kl. 8 og 14"),
            new("Donepezil", "N06DA02", "10 mg", "tabletter", "1 tablet til natten"),
            new("Oxycodon", "N02AA05", "5 mg", "kapsler", "1 kapsel ved smerter, højst 4 i døgnet", AsNeeded: true),
        ]),
        ("Edith", "Skov", "2311361672",
        [
            new("Levothyroxin", "H03AA01", "50 mikrogram", "tabletter", "1 tablet kl. 7.00"),
            new("Simvastatin", "C10AA01", "20 mg", "tabletter", "1 tablet til natten"),
            new("Magnesiumoxid", "A02AA02", "500 mg", "tabletter", "2 tabletter morgen og aften"),
        ]),
    ];

    public static IReadOnlyList<Patient> Patients(IReadOnlyDictionary<string, Organisation> bySor, DateOnly today) =>
    [
        .. Residents.Select(r =>
        {
            var patient = new Patient(r.Given, r.Family, Cpr.Parse(r.Cpr, today));
            patient.MoveTo(new Address("Solgårdsvej 4", "2900", "Havby"));
            patient.AssignGp(bySor[DemoOrganisations.GpClinicSor].Id, today.AddYears(-8));
            patient.JoinCareTeam(bySor[DemoOrganisations.CareHomeSor].Id, CareTeamRole.HomeCare, new Period(today.AddYears(-1)));
            patient.AddCondition(Condition.SksSystem, "DF03", "Demens, uspecificeret", today.AddYears(-2));
            return patient;
        }),
    ];

    /// <summary>Each resident's medication list, prescribed locally by the GP a month ago.</summary>
    public static IReadOnlyList<MedicationEntry> Medications(IReadOnlyList<Patient> residents, IReadOnlyDictionary<string, Organisation> bySor,
        IReadOnlyDictionary<string, CareUser> users, DateOnly today, DateTimeOffset now)
    {
        var gp = users["gp.larsen"].DisplayName;
        var clinic = bySor[DemoOrganisations.GpClinicSor].Name;
        var stamp = new ChangeStamp($"{gp} ({clinic})", now.AddDays(-30));
        return
        [
            .. residents.Zip(Residents).SelectMany(pair => pair.Second.Drugs.Select(d => MedicationEntry.Local(pair.First.Id,
                new LocalPrescription(d.Name, d.Atc, d.Strength, d.Form, d.Dose, null, null, d.AsNeeded, "Oral anvendelse", null, today.AddDays(-30), null, clinic)
                { Prescriber = gp }, [], null, stamp))),
        ];
    }

    /// <summary>
    /// Today's doses whose time passed more than a quarter of an hour ago, recorded by the care home's worker a few minutes
    /// after their time: given, one refused, and the first resident's earliest dose left unrecorded (missed once its grace
    /// period has passed).
    /// </summary>
    public static IReadOnlyList<AdministrationRecord> AdministrationsToday(IReadOnlyList<MedicationEntry> medications,
        IReadOnlyDictionary<string, Organisation> bySor, IReadOnlyDictionary<string, CareUser> users, DateOnly today, DateTimeOffset now)
    {
        var worker = users["carehome.worker"];
        var careHome = bySor[DemoOrganisations.CareHomeSor];
        var passed = DaySchedule.For(today, medications).Where(d => d.At.AddMinutes(15) < now).ToList();
        var missed = passed.FirstOrDefault();
        var records = new List<AdministrationRecord>();
        foreach (var (dose, i) in passed.Select((d, i) => (d, i)))
        {
            if (dose == missed)
                continue;
            var patientId = medications.Single(m => m.Id == dose.MedicationEntryId).PatientId;
            var at = dose.At.AddMinutes(5 + i % 7);
            records.Add(AdministrationRecord.Record(patientId, dose, i == 3 ? AdministrationOutcome.Refused : AdministrationOutcome.Given, at, "MF", null,
                careHome.Id, new ChangeStamp($"{worker.DisplayName} ({careHome.Name})", at)));
        }
        return records;
    }
}
