using System.Globalization;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>
/// Jens Jensen's medication as the Shared Medication Record has it: his COPD inhalers (tiotropium daily, salbutamol as
/// needed) and his blood-pressure drug (ramipril, an ACE inhibitor) from his GP, a statin prescription, the hospital's
/// short prednisolone course after the exacerbation (ended) and alendronate paused meanwhile. Drugs are contained Medications with ATC code, form and strength, as in FMK.
/// </summary>
public static class SandboxMedications
{
    public const string TiotropiumId = "jens-tiotropium";
    public const string SalbutamolId = "jens-salbutamol";
    public const string RamiprilId = "jens-ramipril";
    public const string AtorvastatinId = "jens-atorvastatin";
    public const string PrednisoloneId = "jens-prednisolone";
    public const string AlendronateId = "jens-alendronate";
    public const string Gp = "Peter Larsen, Lægerne Strandvejen";

    public static void Fill(SandboxStore store, ResourceReference subject, string cpr, DateTimeOffset now)
    {
        var today = CopenhagenTime.DateOf(now);
        var hospital = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Sor, DemoOrganisations.HospitalSor), Display = SandboxSeed.HospitalName };
        var gp = new ResourceReference { Display = Gp };
        Place(store, cpr, Statement(TiotropiumId, subject, Drug("R03BB04", "Spiriva Respimat", "inhalationsvæske, opløsning", 2.5m, "mikrogram", "dosis"),
            "2 pust 1 gang dagligt", asNeeded: false, "Inhalation", "mod KOL", today.AddDays(-400), null, MedicationStatement.MedicationStatusCodes.Active, gp));
        Place(store, cpr, Statement(SalbutamolId, subject, Drug("R03AC02", "Airomir", "inhalationsspray, suspension", 0.1m, "mg", "dosis"),
            "1-2 pust efter behov, højst 8 pust i døgnet", asNeeded: true, "Inhalation", "mod åndenød", today.AddDays(-400), null,
            MedicationStatement.MedicationStatusCodes.Active, gp));
        Place(store, cpr, Statement(RamiprilId, subject, Drug("C09AA05", "Ramipril \"Actavis\"", "tabletter", 5m, "mg", null),
            "1 tablet om morgenen", asNeeded: false, "Oral anvendelse", "mod forhøjet blodtryk", today.AddDays(-700), null,
            MedicationStatement.MedicationStatusCodes.Active, gp));
        Place(store, cpr, new MedicationRequest
        {
            Id = AtorvastatinId,
            Status = MedicationRequest.MedicationrequestStatus.Active,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Contained = [Drug("C10AA05", "Atorvastatin \"Krka\"", "filmovertrukne tabletter", 20m, "mg", null)],
            Medication = new ResourceReference("#med"),
            Subject = subject,
            AuthoredOnElement = Day(today.AddDays(-210)),
            Requester = gp,
            ReasonCode = [new CodeableConcept { Text = "forebyggelse af hjerte-kar-sygdom" }],
            DosageInstruction = [new Dosage { Text = "1 tablet om aftenen", Route = new CodeableConcept { Text = "Oral anvendelse" } }],
        });
        Place(store, cpr, Statement(PrednisoloneId, subject, Drug("H02AB06", "Prednisolon \"DAK\"", "tabletter", 25m, "mg", null),
            "1 tablet dagligt i 5 dage", asNeeded: false, "Oral anvendelse", "KOL i forværring", today.AddDays(-23), today.AddDays(-19),
            MedicationStatement.MedicationStatusCodes.Completed, hospital));
        Place(store, cpr, Statement(AlendronateId, subject, Drug("M05BA04", "Alendronat \"Teva\"", "tabletter", 70m, "mg", null),
            "1 tablet 1 gang ugentligt, fastende", asNeeded: false, "Oral anvendelse", "forebyggelse af knogleskørhed", today.AddDays(-300), null,
            MedicationStatement.MedicationStatusCodes.OnHold, hospital));

        void Place(SandboxStore into, string patientCpr, Resource resource) => into.Place(NationalService.Medication, resource.ToJson(), patientCpr);
    }

    /// <summary>A medication statement of the record, the drug contained as "#med".</summary>
    public static MedicationStatement Statement(string id, ResourceReference subject, Medication drug, string dose, bool asNeeded, string route,
        string indication, DateOnly start, DateOnly? end, MedicationStatement.MedicationStatusCodes status, ResourceReference source) => new()
        {
            Id = id,
            Status = status,
            Contained = [drug],
            Medication = new ResourceReference("#med"),
            Subject = subject,
            Effective = new Hl7.Fhir.Model.Period(Day(start), end is { } to ? Day(to) : null),
            InformationSource = source,
            ReasonCode = [new CodeableConcept { Text = indication }],
            Dosage = [new Dosage { Text = dose, AsNeeded = new FhirBoolean(asNeeded), Route = new CodeableConcept { Text = route } }],
        };

    public static Medication Drug(string atc, string name, string form, decimal strength, string unit, string? per) => new()
    {
        Id = "med",
        Code = new CodeableConcept(MedicationRecordReading.AtcSystem, atc, name, name),
        Form = new CodeableConcept { Text = form },
        Ingredient =
        [
            new Medication.IngredientComponent
            {
                Item = new CodeableConcept { Text = name },
                Strength = new Ratio { Numerator = new Quantity { Value = strength, Unit = unit }, Denominator = per is null ? null : new Quantity { Value = 1, Unit = per } },
            },
        ],
    };

    private static FhirDateTime Day(DateOnly day) => new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
