using System.Globalization;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// A reviewed starting point for a care plan (like a national PlanDefinition), kept as a data file in the repository: the
/// conditions, default goals with their measures, standard activities with the responsible sector and the measurements
/// to follow. A plan is made from it for one patient and then edited freely.
/// </summary>
public sealed record CarePlanTemplate
{
    public string Id { get; }
    public string Version { get; }
    public LocalisedText Title { get; }
    public IReadOnlyList<LocalisedText> Conditions { get; }
    public int DurationMonths { get; }
    public IReadOnlyList<TemplateGoal> Goals { get; }
    public IReadOnlyList<TemplateActivity> Activities { get; }
    public IReadOnlyList<TemplateMeasurement> Measurements { get; }

    public CarePlanTemplate(string? id, string? version, LocalisedText title, IReadOnlyList<LocalisedText> conditions, int durationMonths,
        IReadOnlyList<TemplateGoal> goals, IReadOnlyList<TemplateActivity> activities, IReadOnlyList<TemplateMeasurement> measurements)
    {
        Id = Guard.Required(id, "Template id", 40);
        Version = Guard.Required(version, "Template version", 20);
        if (conditions.Count == 0)
            throw new DomainException("A care plan addresses at least one condition.");
        if (durationMonths is < 1 or > 120)
            throw new DomainException("A template's plan runs for 1 to 120 months, not {0}.", durationMonths);
        if (goals.Count == 0)
            throw new DomainException("A template needs at least one goal.");
        Title = title;
        Conditions = conditions;
        DurationMonths = durationMonths;
        Goals = goals;
        Activities = activities;
        Measurements = measurements;
    }

    /// <summary>
    /// A draft plan for the patient from <paramref name="start"/>, in the language of <paramref name="culture"/>. Each activity is
    /// given to the organisation of its sector on the patient's care team when there is exactly one.
    /// </summary>
    public CarePlan Instantiate(Guid patientId, DateOnly start, CultureInfo culture, IReadOnlyList<(Guid Id, string Name, Sector Sector)> careTeam,
        ChangeStamp stamp) =>
        Instantiate(patientId, Details(start, culture), culture, careTeam, stamp);

    /// <summary>The title, conditions and period the template proposes for a plan from <paramref name="start"/>.</summary>
    public CarePlanDetails Details(DateOnly start, CultureInfo culture) =>
        new(Title.In(culture), Conditions.Select(c => c.In(culture)).ToList(), start, start.AddMonths(DurationMonths));

    /// <summary>
    /// A draft plan with the template's goals, activities and measurements, and the title, conditions and period the person
    /// making it chose (see <see cref="Details"/> for the template's own); goals fall due counted from the chosen start.
    /// </summary>
    public CarePlan Instantiate(Guid patientId, CarePlanDetails details, CultureInfo culture,
        IReadOnlyList<(Guid Id, string Name, Sector Sector)> careTeam, ChangeStamp stamp)
    {
        var goals = Goals.Select(g => new GoalInput(g.Description.In(culture), g.MeasureName.In(culture), g.Comparator, g.Target, g.Unit.Code,
            details.Start.AddMonths(g.DueAfterMonths)));
        var activities = Activities.Select(a =>
        {
            var responsible = careTeam.Where(o => o.Sector == a.Sector).ToList();
            var (id, name) = responsible.Count == 1 ? (responsible[0].Id, responsible[0].Name) : ((Guid?)null, (string?)null);
            return new ActivityInput(a.Description.In(culture), id, name, a.Sector, a.Schedule.In(culture), ActivityStatus.NotStarted, null);
        });
        var measurements = Measurements.Select(m => new MeasurementInput(m.Name.In(culture), m.Unit.Code, m.Frequency.In(culture)));
        return CarePlan.Create(patientId, details, goals, activities, measurements, stamp, Id, Version);
    }
}

/// <summary>A default goal: its text, what is measured with the target and UCUM unit, and when it is due after the start.</summary>
public sealed record TemplateGoal
{
    public LocalisedText Description { get; }
    public LocalisedText MeasureName { get; }
    public GoalComparator Comparator { get; }
    public decimal Target { get; }
    public UcumUnit Unit { get; }
    public int DueAfterMonths { get; }

    public TemplateGoal(LocalisedText description, LocalisedText measureName, GoalComparator comparator, decimal target, string? unit, int dueAfterMonths)
    {
        if (dueAfterMonths is < 0 or > 120)
            throw new DomainException("A goal is due 0 to 120 months after the start, not {0}.", dueAfterMonths);
        _ = new GoalMeasure(measureName.En, comparator, target, unit);
        Description = description;
        MeasureName = measureName;
        Comparator = comparator;
        Target = target;
        Unit = UcumUnit.Parse(unit);
        DueAfterMonths = dueAfterMonths;
    }
}

/// <summary>A standard activity and the sector responsible for it, with how often it happens.</summary>
public sealed record TemplateActivity(LocalisedText Description, Sector Sector, LocalisedText Schedule);

/// <summary>A measurement to follow during the plan (FEV1, weight, blood pressure) with its UCUM unit and how often.</summary>
public sealed record TemplateMeasurement(LocalisedText Name, UcumUnit Unit, LocalisedText Frequency);
