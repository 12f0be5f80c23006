namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// One exercise as the editor sends it: <see cref="Id"/> is the exercise it changes (null for a new one), so sessions
/// already logged against it keep pointing at it.
/// </summary>
public sealed record ExerciseInput(
    Guid? Id,
    string? Name,
    string? Instructions,
    int? Sets,
    int? Repetitions,
    int? DurationMinutes,
    int TimesPerWeek);
