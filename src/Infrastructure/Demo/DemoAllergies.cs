using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>
/// Jens' allergy register: generalised urticaria after phenoxymethylpenicillin for a chest infection years ago, recorded by
/// his GP as a confirmed allergy to the penicillins (ATC J01C), so any penicillin prescribed or imported raises an alert.
/// </summary>
internal static class DemoAllergies
{
    public static AllergyEntry ForJens(Guid jensId, IReadOnlyDictionary<string, Organisation> bySor, IReadOnlyDictionary<string, CareUser> users,
        DateTimeOffset now)
    {
        var byGp = $"{users["gp.larsen"].DisplayName} ({bySor[DemoOrganisations.GpClinicSor].Name})";
        return AllergyEntry.Record(jensId,
            new AllergyDetails("Penicilliner", "J01C", "Generaliseret urticaria (nældefeber)", AllergySeverity.Moderate, AllergyCertainty.Confirmed),
            new ChangeStamp(byGp, now.AddDays(-400)));
    }
}
