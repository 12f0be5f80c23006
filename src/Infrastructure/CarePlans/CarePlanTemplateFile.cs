using System.Text.Json.Serialization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Infrastructure.CarePlans;

/// <summary>The shape of a template file (Templates/*.json); every text in English and Danish.</summary>
internal sealed record CarePlanTemplateFile
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required TextFile Title { get; init; }
    public required List<TextFile> Conditions { get; init; }
    public required int DurationMonths { get; init; }
    public required List<GoalFile> Goals { get; init; }
    public required List<ActivityFile> Activities { get; init; }
    public required List<MeasurementFile> Measurements { get; init; }

    public CarePlanTemplate ToTemplate() => new(Id, Version, Title.ToText(), Conditions.Select(c => c.ToText()).ToList(), DurationMonths,
        Goals.Select(g => new TemplateGoal(g.Description.ToText(), g.Measure.Name.ToText(), g.Measure.Comparator, g.Measure.Target, g.Measure.Unit,
            g.DueAfterMonths)).ToList(),
        Activities.Select(a => new TemplateActivity(a.Description.ToText(), a.Sector, a.Schedule.ToText())).ToList(),
        Measurements.Select(m => new TemplateMeasurement(m.Name.ToText(), UcumUnit.Parse(m.Unit), m.Frequency.ToText())).ToList());
}

internal sealed record TextFile
{
    [JsonPropertyName("en")]
    public required string En { get; init; }

    [JsonPropertyName("da")]
    public required string Da { get; init; }

    public LocalisedText ToText() => new(En, Da);
}

internal sealed record GoalFile
{
    public required TextFile Description { get; init; }
    public required MeasureFile Measure { get; init; }
    public required int DueAfterMonths { get; init; }
}

internal sealed record MeasureFile
{
    public required TextFile Name { get; init; }
    public required GoalComparator Comparator { get; init; }
    public required decimal Target { get; init; }
    public required string Unit { get; init; }
}

internal sealed record ActivityFile
{
    public required TextFile Description { get; init; }
    public required Sector Sector { get; init; }
    public required TextFile Schedule { get; init; }
}

internal sealed record MeasurementFile
{
    public required TextFile Name { get; init; }
    public required string Unit { get; init; }
    public required TextFile Frequency { get; init; }
}
