using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Infrastructure.CarePlans;

// The shape of a template file (Templates/*.json), every text in English and Danish. Each field is required: the reader
// refuses a file that leaves one out (RespectRequiredConstructorParameters), naming the file and the line.

internal sealed record CarePlanTemplateFile(string Id, string Version, TextFile Title, List<TextFile> Conditions, int DurationMonths,
    List<GoalFile> Goals, List<ActivityFile> Activities, List<MeasurementFile> Measurements)
{
    public CarePlanTemplate ToTemplate() => new(Id, Version, Title.ToText(), Conditions.Select(c => c.ToText()).ToList(), DurationMonths,
        Goals.Select(g => new TemplateGoal(g.Description.ToText(), g.Measure.Name.ToText(), g.Measure.Comparator, g.Measure.Target, g.Measure.Unit,
            g.DueAfterMonths)).ToList(),
        Activities.Select(a => new TemplateActivity(a.Description.ToText(), a.Sector, a.Schedule.ToText())).ToList(),
        Measurements.Select(m => new TemplateMeasurement(m.Name.ToText(), UcumUnit.Parse(m.Unit), m.Frequency.ToText())).ToList());
}

internal sealed record TextFile(string En, string Da)
{
    public LocalisedText ToText() => new(En, Da);
}

internal sealed record GoalFile(TextFile Description, MeasureFile Measure, int DueAfterMonths);

internal sealed record MeasureFile(TextFile Name, GoalComparator Comparator, decimal Target, string Unit);

internal sealed record ActivityFile(TextFile Description, Sector Sector, TextFile Schedule);

internal sealed record MeasurementFile(TextFile Name, string Unit, TextFile Frequency);
