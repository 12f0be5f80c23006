using CareWorkspace.Domain.Measurements;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>A home measurement as the national telemedicine infrastructure has it: whose, what, the UCUM quantity, when.</summary>
public sealed record HomeMeasurementReading(Cpr Cpr, MeasurementKind Kind, string Code, string Name, decimal Value, string Unit, DateTimeOffset MeasuredAt);
