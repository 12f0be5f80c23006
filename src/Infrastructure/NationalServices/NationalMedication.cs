using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// A medication as the Shared Medication Record has it (a MedicationStatement or MedicationRequest), for the patient
/// with <see cref="Cpr"/>. <see cref="EnteredInError"/>: the record withdrew it; it leaves the patient's list.
/// </summary>
public sealed record NationalMedication(Cpr Cpr, MedicationDetails Details, bool EnteredInError = false);
