using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// A measurement the care team follows during the plan (FEV1, HbA1c, weight, blood pressure), with its UCUM unit and how often
/// it is taken; a plan from a template starts with the template's measurements.
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
        Name = Guard.Required(input.Name, "Measurement", NameMaxLength);
        Unit = UcumUnit.Parse(input.Unit).Code;
        Frequency = Guard.Optional(input.Frequency, "How often", FrequencyMaxLength);
        Order = order;
    }

    internal MeasurementSnapshot Snapshot() => new(Id, Name, Unit, Frequency);
}
