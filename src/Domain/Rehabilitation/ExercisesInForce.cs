namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// The exercises a rehabilitation plan asked for from a day on (until the next change): kept for every change of the plan so
/// that a past week's adherence is measured against the programme of that week, not today's.
/// </summary>
public sealed record ExercisesInForce(DateOnly From, IReadOnlyList<PlannedExercise> Exercises);

/// <summary>One exercise as planned then: which, its name then and how many times a week.</summary>
public sealed record PlannedExercise(Guid Id, string Name, int TimesPerWeek);
