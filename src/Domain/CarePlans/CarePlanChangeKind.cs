namespace CareWorkspace.Domain.CarePlans;

/// <summary>What one change to a care plan did; the history shows it in the reader's language.</summary>
public enum CarePlanChangeKind
{
    Created,
    DetailsChanged,
    StatusChanged,
    GoalAdded,
    GoalChanged,
    GoalRemoved,
    GoalAgreed,
    GoalAgreementWithdrawn,
    GoalAchievementChanged,
    ActivityAdded,
    ActivityChanged,
    ActivityRemoved,
    NoteAdded,
    MeasurementAdded,
    MeasurementChanged,
    MeasurementRemoved,
}
