namespace CareWorkspace.Domain.CarePlans;

/// <summary>A measurement to follow as entered or taken from a template: what is measured, its UCUM unit and how often.</summary>
public sealed record MeasurementInput(string? Name, string? Unit, string? Frequency);
