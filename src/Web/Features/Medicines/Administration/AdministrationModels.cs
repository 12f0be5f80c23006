using CareWorkspace.Domain.Medicines.Administration;

namespace CareWorkspace.Web.Features.Medicines.Administration;

/// <summary>A unit's residents and where their doses stand today.</summary>
public sealed record UnitAdministrationView(Guid UnitId, string UnitName, DateOnly Day, IReadOnlyList<ResidentDoses> Residents, DateTimeOffset AsOf);

/// <summary>One resident's doses today, counted by state; <see cref="Missed"/> above zero flags the resident.</summary>
public sealed record ResidentDoses(Guid PatientId, string Name, int Scheduled, int Recorded, int Due, int Missed, DateTimeOffset? NextAt);

/// <summary>One resident's schedule for a day: each dose with its state and record, and the medications with no fixed times.</summary>
public sealed record ResidentScheduleView(Guid PatientId, string Name, DateOnly Day, IReadOnlyList<DoseView> Doses,
    IReadOnlyList<UnscheduledMedication> Unscheduled, bool CanRecord, DateTimeOffset AsOf);

public sealed record DoseView(ScheduledDose Dose, DoseState State, DoseRecordView? Record)
{
    /// <summary>The dose's key on the screen (medication and instant), stable across re-loads.</summary>
    public string Key => $"{Dose.MedicationEntryId:N}-{Dose.At.UtcTicks}";
}

public sealed record DoseRecordView(AdministrationOutcome Outcome, DateTimeOffset OccurredAt, string Initials, string RecordedBy, string? Reason);

/// <summary>An active medication without scheduled times today (as needed, or a dose text naming no time).</summary>
public sealed record UnscheduledMedication(Guid Id, string DrugName, string? Strength, string? DoseText, bool AsNeeded);

/// <summary>What staff record for one dose: the outcome, the Copenhagen clock time it happened today, their initials, and a reason.</summary>
public sealed record DoseInput(Guid MedicationEntryId, DateTimeOffset ScheduledAt, AdministrationOutcome Outcome, TimeOnly Time, string? Initials, string? Reason);
