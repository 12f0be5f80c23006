using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// A goal of a care plan, agreed with the patient: what the patient wants to reach, measured by a value with a UCUM unit,
/// by a date. Changing what was agreed (the measure, the target or the date) withdraws the agreement, so it is agreed anew.
/// </summary>
public sealed class Goal
{
    public const int DescriptionMaxLength = 500;
    public const int AgreedByMaxLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Description { get; private set; } = "";
    public string MeasureName { get; private set; } = "";
    public GoalComparator Comparator { get; private set; }
    public decimal Target { get; private set; }
    public string Unit { get; private set; } = "";
    public DateOnly? DueDate { get; private set; }
    public GoalAchievement Achievement { get; private set; } = GoalAchievement.InProgress;
    public string? AgreedBy { get; private set; }
    public DateTimeOffset? AgreedAt { get; private set; }
    public int Order { get; private set; }

    private Goal() { }

    internal Goal(GoalInput input, int order)
    {
        Order = order;
        Apply(input);
    }

    public bool IsAgreed => AgreedAt is not null;

    public GoalMeasure Measure => new(MeasureName, Comparator, Target, Unit);

    /// <summary>Changes the goal; a changed measure, target or due date withdraws the patient's agreement.</summary>
    internal bool Change(GoalInput input)
    {
        var before = (MeasureName, Comparator, Target, Unit, DueDate);
        Apply(input);
        var agreementWithdrawn = IsAgreed && before != (MeasureName, Comparator, Target, Unit, DueDate);
        if (agreementWithdrawn)
            (AgreedBy, AgreedAt) = (null, null);
        return agreementWithdrawn;
    }

    internal void Agree(ChangeStamp stamp)
    {
        if (IsAgreed)
            throw new DomainException("The goal '{0}' is already agreed with the patient.", Description);
        AgreedBy = Guard.Required(stamp.ByName, "Agreed by", AgreedByMaxLength);
        AgreedAt = stamp.At.ToUniversalTime();
    }

    internal void MoveTo(GoalAchievement achievement)
    {
        if (!Enum.IsDefined(achievement))
            throw new DomainException("Choose how far the patient is with the goal.");
        if (!GoalAchievementRules.MayMove(Achievement, achievement))
            throw new DomainException("A goal that is {0} cannot become {1}; take it up again (in progress) first.", Achievement, achievement);
        Achievement = achievement;
    }

    private void Apply(GoalInput input)
    {
        var description = Guard.Required(input.Description, "Goal", DescriptionMaxLength);
        var measure = new GoalMeasure(input.MeasureName, input.Comparator, input.Target, input.Unit);
        Description = description;
        MeasureName = measure.Name;
        Comparator = measure.Comparator;
        Target = measure.Target;
        Unit = measure.Unit.Code;
        DueDate = input.DueDate;
    }

    internal GoalSnapshot Snapshot() =>
        new(Id, Description, MeasureName, Comparator, Target, Unit, DueDate, Achievement, AgreedBy, AgreedAt);
}
