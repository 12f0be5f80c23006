using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Infrastructure.Medicines;
using CareWorkspace.Infrastructure.Persistence;

namespace CareWorkspace.Web.Features.Medicines.Allergies;

/// <summary>
/// The allergy (CAVE) register's check when a drug is prescribed: its alerts are shown and overridden with the rule
/// checks'. It runs inside the prescribing service's own guarded read of the Medication section.
/// </summary>
public sealed class AllergyPrescribingCheck : IPrescribingCheck
{
    public async Task<IReadOnlyList<MedicationAlert>> CheckAsync(CareDbContext db, Guid patientId, CheckedDrug drug, CancellationToken ct)
    {
        var active = await db.ActiveAllergiesAsync(patientId, ct);
        return AllergyCheck.Check(drug, active);
    }
}
