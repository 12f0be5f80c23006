using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Infrastructure.Persistence;

namespace CareWorkspace.Web.Features.Medicines;

/// <summary>
/// A further check run with the rule checks when a drug is prescribed (e.g. the allergy register's check): register it in
/// DI (<c>AddScoped&lt;IPrescribingCheck, …&gt;</c>) and <see cref="MedicationPrescribingService"/> shows its alerts with the
/// others, and a prescriber overrides them the same way, with a reason.
/// </summary>
public interface IPrescribingCheck
{
    Task<IReadOnlyList<MedicationAlert>> CheckAsync(CareDbContext db, Guid patientId, CheckedDrug drug, CancellationToken ct);
}
