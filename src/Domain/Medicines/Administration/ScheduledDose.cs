namespace CareWorkspace.Domain.Medicines.Administration;

/// <summary>One dose of one medication due at one time of a Copenhagen day.</summary>
/// <param name="At">The instant (UTC) the dose is due: with the medication, the dose's identity.</param>
/// <param name="Time">The Copenhagen clock time the schedule names (shown to staff).</param>
public sealed record ScheduledDose(Guid MedicationEntryId, string DrugName, string? Strength, string? DoseText, string? Route, DateTimeOffset At, TimeOnly Time);
