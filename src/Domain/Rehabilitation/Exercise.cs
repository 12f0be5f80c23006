using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// One exercise of a rehabilitation plan: what to do, how much (sets of repetitions, or a duration) and how often a week.
/// The limits refuse what is surely a typing error (500 sets, 70 times a week), not unusual but real programmes.
/// </summary>
public sealed class Exercise
{
    public const int NameMaxLength = 200;
    public const int InstructionsMaxLength = 2000;
    public const int MaxSets = 50;
    public const int MaxRepetitions = 200;
    public const int MaxDurationMinutes = 240;
    public const int MaxTimesPerWeek = 21;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; } = "";
    public string? Instructions { get; private set; }
    public int? Sets { get; private set; }
    public int? Repetitions { get; private set; }
    public int? DurationMinutes { get; private set; }
    public int TimesPerWeek { get; private set; }

    /// <summary>The order in the plan (the patient does them in this order).</summary>
    public int Position { get; private set; }

    private Exercise() { }

    internal Exercise(ExerciseInput input, int position)
    {
        Apply(input, position);
    }

    internal void Apply(ExerciseInput input, int position)
    {
        var name = Guard.Required(input.Name, "Exercise name", NameMaxLength);
        if (input.TimesPerWeek < 1)
            throw new DomainException("'{0}' must be done at least once a week.", name);
        if (input.TimesPerWeek > MaxTimesPerWeek)
            throw new DomainException("'{0}' cannot be done more than {1} times a week.", name, MaxTimesPerWeek);
        if (input.Sets is { } sets && (sets < 1 || sets > MaxSets))
            throw new DomainException("'{0}' needs 1 to {1} sets.", name, MaxSets);
        var hasRepetitions = input.Repetitions is not null;
        var hasDuration = input.DurationMinutes is not null;
        if (!hasRepetitions && !hasDuration)
            throw new DomainException("Give '{0}' a number of repetitions or a duration.", name);
        if (hasRepetitions && hasDuration)
            throw new DomainException("Give '{0}' a number of repetitions or a duration, not both.", name);
        if (input.Repetitions is { } repetitions && (repetitions < 1 || repetitions > MaxRepetitions))
            throw new DomainException("'{0}' needs 1 to {1} repetitions.", name, MaxRepetitions);
        if (input.DurationMinutes is { } minutes && (minutes < 1 || minutes > MaxDurationMinutes))
            throw new DomainException("'{0}' may last 1 to {1} minutes.", name, MaxDurationMinutes);
        Name = name;
        Instructions = Guard.Optional(input.Instructions, "Instructions", InstructionsMaxLength);
        Sets = input.Sets;
        Repetitions = input.Repetitions;
        DurationMinutes = input.DurationMinutes;
        TimesPerWeek = input.TimesPerWeek;
        Position = position;
    }

    public ExerciseInput ToInput() => new(Id, Name, Instructions, Sets, Repetitions, DurationMinutes, TimesPerWeek);
}
