using System.Globalization;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.Persistence;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cpr = CareWorkspace.Domain.Patients.Cpr;
using Patient = CareWorkspace.Domain.Patients.Patient;

namespace CareWorkspace.NationalImportBenchmark;

/// <summary>
/// 10,000 more patients in the database, and for each in the sandbox 10 medication statements and prescriptions (the
/// drugs of the demo's medication record) and 10 home measurements (saturation, pulse, weight, FEV1 as the demo's).
/// </summary>
internal static class NationalSeed
{
    public const int MedicationsPerPatient = 10;
    public const int MeasurementsPerPatient = 10;
    private const string Loinc = "http://loinc.org";

    private static readonly (string Atc, string Name, string Form, decimal Strength, string Unit, string? Per, string Dose, string Route, string Why)[] Drugs =
    [
        ("R03BB04", "Spiriva Respimat", "inhalationsvæske, opløsning", 2.5m, "mikrogram", "dosis", "2 pust 1 gang dagligt", "Inhalation", "mod KOL"),
        ("R03AC02", "Airomir", "inhalationsspray, suspension", 0.1m, "mg", "dosis", "1-2 pust efter behov", "Inhalation", "mod åndenød"),
        ("C10AA05", "Atorvastatin \"Krka\"", "filmovertrukne tabletter", 20m, "mg", null, "1 tablet om aftenen", "Oral anvendelse", "forebyggelse af hjerte-kar-sygdom"),
        ("H02AB06", "Prednisolon \"DAK\"", "tabletter", 25m, "mg", null, "1 tablet dagligt i 5 dage", "Oral anvendelse", "KOL i forværring"),
        ("M05BA04", "Alendronat \"Teva\"", "tabletter", 70m, "mg", null, "1 tablet 1 gang ugentligt, fastende", "Oral anvendelse", "forebyggelse af knogleskørhed"),
        ("N02BE01", "Panodil", "filmovertrukne tabletter", 500m, "mg", null, "2 tabletter 3 gange dagligt", "Oral anvendelse", "mod smerter"),
        ("C09AA05", "Ramipril \"Actavis\"", "kapsler", 5m, "mg", null, "1 kapsel dagligt", "Oral anvendelse", "mod forhøjet blodtryk"),
        ("B01AC06", "Hjertemagnyl", "tabletter", 75m, "mg", null, "1 tablet dagligt", "Oral anvendelse", "forebyggelse af blodpropper"),
        ("A02BC02", "Pantoprazol \"Teva\"", "enterotabletter", 40m, "mg", null, "1 tablet om morgenen", "Oral anvendelse", "mod halsbrand"),
        ("C03CA01", "Furix", "tabletter", 40m, "mg", null, "1 tablet om morgenen", "Oral anvendelse", "mod væske i kroppen"),
    ];

    private static readonly (string Code, string Name, string Ucum, string Unit)[] Measures =
    [
        ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "%"),
        ("8867-4", "Heart rate", "/min", "beats/minute"),
        ("29463-7", "Body weight", "kg", "kg"),
        ("20150-9", "FEV1", "L", "L"),
    ];

    /// <summary>The patients, saved 1,000 at a time; returns their ids and CPR numbers.</summary>
    public static async Task<List<(Guid Id, string Cpr)>> AddPatientsAsync(IServiceProvider services, int count, DateOnly today)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        var made = new List<(Guid, string)>(count);
        for (var start = 0; start < count; start += 1_000)
        {
            await using var db = await factory.CreateDbContextAsync();
            var batch = new List<Patient>();
            for (var i = start; i < Math.Min(count, start + 1_000); i++)
            {
                // A different birthday each (1940 onwards); 7th digit 2: born in the 1900s whatever the year.
                var birth = new DateOnly(1940, 1, 1).AddDays(i);
                batch.Add(new Patient($"Borger{i:00000}", "Import", Cpr.Parse($"{birth:ddMMyy}2{i % 1000:000}", today)));
            }
            db.Patients.AddRange(batch);
            await db.SaveChangesAsync();
            made.AddRange(batch.Select(p => (p.Id, p.Cpr.Value)));
        }
        return made;
    }

    /// <summary>Places every patient's medication and measurements in the sandbox; returns how many of each.</summary>
    public static (int Medications, int Measurements) PlaceInSandbox(SandboxStore store, IReadOnlyList<(Guid Id, string Cpr)> patients, DateTimeOffset now)
    {
        var today = CopenhagenTime.DateOf(now);
        var morning = CopenhagenTime.At(today, new TimeOnly(8, 0));
        var (medications, measurements) = (0, 0);
        for (var p = 0; p < patients.Count; p++)
        {
            var cpr = patients[p].Cpr;
            var subject = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, cpr), Display = $"Borger{p:00000} Import" };
            var source = new ResourceReference { Display = SandboxMedications.Gp };
            for (var m = 0; m < MedicationsPerPatient; m++)
            {
                var drug = Drugs[(p + m) % Drugs.Length];
                var medication = SandboxMedications.Drug(drug.Atc, drug.Name, drug.Form, drug.Strength, drug.Unit, drug.Per);
                Resource resource = m % 5 == 2
                    ? new MedicationRequest
                    {
                        Id = $"p{p}-rx{m}",
                        Status = MedicationRequest.MedicationrequestStatus.Active,
                        Intent = MedicationRequest.MedicationRequestIntent.Order,
                        Contained = [medication],
                        Medication = new ResourceReference("#med"),
                        Subject = subject,
                        AuthoredOnElement = new FhirDateTime(today.AddDays(-30 - m).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        Requester = source,
                        DosageInstruction = [new Dosage { Text = drug.Dose, Route = new CodeableConcept { Text = drug.Route } }],
                    }
                    : SandboxMedications.Statement($"p{p}-med{m}", subject, medication, drug.Dose, asNeeded: drug.Atc == "R03AC02", drug.Route, drug.Why,
                        today.AddDays(-400 + m), m == 3 ? today.AddDays(-19) : null,
                        m == 3 ? MedicationStatement.MedicationStatusCodes.Completed : MedicationStatement.MedicationStatusCodes.Active, source);
                store.Place(NationalService.Medication, resource.ToJson(), cpr);
                medications++;
            }
            for (var m = 0; m < MeasurementsPerPatient; m++)
            {
                var (code, name, ucum, unit) = Measures[m % Measures.Length];
                var value = code switch
                {
                    "59408-5" => 92 + (p + m) % 6,
                    "8867-4" => 68 + (p + m) % 30,
                    "29463-7" => 60 + (p % 40) + m * 0.1m,
                    _ => 1.1m + (p + m) % 5 * 0.05m,
                };
                store.Place(NationalService.Measurements, new Observation
                {
                    Id = $"p{p}-obs{m}",
                    Status = ObservationStatus.Final,
                    Code = new CodeableConcept(Loinc, code, name),
                    Subject = subject,
                    Effective = new FhirDateTime(morning.AddDays(-1 - m).AddMinutes(p % 40)),
                    Value = new Quantity { Value = value, Unit = unit, System = HomeMeasurementObservation.Ucum, Code = ucum },
                }.ToJson(), cpr);
                measurements++;
            }
        }
        return (medications, measurements);
    }
}
