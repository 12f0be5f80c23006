using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// A measurement the care team follows during the plan (FEV1, HbA1c, weight, blood pressure), with its UCUM unit and how often
/// it is taken; a plan from a template starts with the template's measurements, which the care team may change.
/// </summary>
public sealed class CarePlanMeasurement
{
    public const int NameMaxLength = 200;
    public const int FrequencyMaxLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string? Frequency { get; private set; }
    public int Order { get; private set; }

    private CarePlanMeasurement() { }

    internal CarePlanMeasurement(MeasurementInput input, int order)
    {
        Change(input);
        Order = order;
    }

    internal void Change(MeasurementInput input)
    {
        var name = Guard.Required(input.Name, "Measurement", NameMaxLength);
        var unit = UcumUnit.Parse(input.Unit).Code;
        (Name, Unit, Frequency) = (name, unit, Guard.Optional(input.Frequency, "How often", FrequencyMaxLength));
    }

    internal MeasurementSnapshot Snapshot() => new(Id, Name, Unit, Frequency);
}
