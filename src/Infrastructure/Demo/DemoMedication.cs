using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Reconciliation;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>
/// Jens' local medication from his GP (paracetamol for his knees, furosemide for ankle swelling) and the discharge
/// medication list the hospital recorded when he went home, which the GP has not reconciled yet. It differs from his
/// current list in three ways: acetylcysteine is new, furosemide was stopped, the paracetamol dose was lowered; his
/// inhalers, ramipril and atorvastatin are as on the Shared Medication Record (the sandbox's).
/// </summary>
internal static class DemoMedication
{
    public static IReadOnlyList<MedicationEntry> LocalForJens(Guid jensId, IReadOnlyDictionary<string, Organisation> bySor,
        IReadOnlyDictionary<string, CareUser> users, DateTimeOffset now)
    {
        var gp = bySor[DemoOrganisations.GpClinicSor].Name;
        var stamp = new ChangeStamp($"{users["gp.larsen"].DisplayName} ({gp})", now.AddDays(-120));
        var start = CopenhagenTime.DateOf(now.AddDays(-120));
        return
        [
            MedicationEntry.Local(jensId, new LocalPrescription("Paracetamol \"Teva\"", "N02BE01", "500 mg", "tabletter", "2 tabletter 4 gange dagligt",
                4000m, "mg", false, "Oral anvendelse", "smerter i knæene", start, null, gp) { Prescriber = users["gp.larsen"].DisplayName }, [], null, stamp),
            MedicationEntry.Local(jensId, new LocalPrescription("Furix", "C03CA01", "40 mg", "tabletter", "1 tablet om morgenen",
                40m, "mg", false, "Oral anvendelse", "hævede ankler", start, null, gp) { Prescriber = users["gp.larsen"].DisplayName }, [], null, stamp),
        ];
    }

    public static DischargeMedicationList DischargeListForJens(Guid jensId, IReadOnlyDictionary<string, Organisation> bySor,
        IReadOnlyDictionary<string, CareUser> users, DateTimeOffset now)
    {
        var hospital = bySor[DemoOrganisations.HospitalSor].Name;
        var at = now.AddDays(-23);
        LocalPrescription Drug(string name, string atc, string strength, string form, string dose, decimal? daily, string? unit, bool asNeeded,
            string route, string indication) => new(name, atc, strength, form, dose, daily, unit, asNeeded, route, indication, null, null, hospital);
        return DischargeMedicationList.Record(jensId, hospital, CopenhagenTime.DateOf(at),
        [
            Drug("Spiriva Respimat", "R03BB04", "2,5 mikrogram/dosis", "inhalationsvæske, opløsning", "2 pust 1 gang dagligt", null, null, false, "Inhalation", "mod KOL"),
            Drug("Airomir", "R03AC02", "0,1 mg/dosis", "inhalationsspray, suspension", "1-2 pust efter behov, højst 8 pust i døgnet", null, null, true, "Inhalation",
                "mod åndenød"),
            Drug("Ramipril \"Actavis\"", "C09AA05", "5 mg", "tabletter", "1 tablet om morgenen", null, null, false, "Oral anvendelse", "mod forhøjet blodtryk"),
            Drug("Atorvastatin \"Krka\"", "C10AA05", "20 mg", "filmovertrukne tabletter", "1 tablet om aftenen", null, null, false, "Oral anvendelse",
                "forebyggelse af hjerte-kar-sygdom"),
            Drug("Paracetamol \"Teva\"", "N02BE01", "500 mg", "tabletter", "2 tabletter 3 gange dagligt", 3000m, "mg", false, "Oral anvendelse", "smerter"),
            Drug("Granon", "R05CB01", "200 mg", "brusetabletter", "1 tablet 3 gange dagligt", 600m, "mg", false, "Oral anvendelse", "sejt slim ved KOL"),
        ], new ChangeStamp($"{users["hospital.doctor"].DisplayName} ({hospital})", at));
    }
}
