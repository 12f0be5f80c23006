using CareWorkspace.Domain.Rehabilitation;

namespace CareWorkspace.Web.Features.Rehabilitation;

/// <summary>One exercise as it is being typed in the editor; kept as typed when the plan refuses a save.</summary>
public sealed class ExerciseDraft
{
    public Guid? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Instructions { get; set; }
    public int? Sets { get; set; }
    public bool ByDuration { get; set; }
    public int? Repetitions { get; set; }
    public int? DurationMinutes { get; set; }
    public int TimesPerWeek { get; set; } = 3;

    public static ExerciseDraft From(ExerciseView e) => new()
    {
        Id = e.Id,
        Name = e.Name,
        Instructions = e.Instructions,
        Sets = e.Sets,
        ByDuration = e.DurationMinutes is not null,
        Repetitions = e.Repetitions,
        DurationMinutes = e.DurationMinutes,
        TimesPerWeek = e.TimesPerWeek,
    };

    public ExerciseInput ToInput() =>
        new(Id, Name, Instructions, Sets, ByDuration ? null : Repetitions, ByDuration ? DurationMinutes : null, TimesPerWeek);
}
