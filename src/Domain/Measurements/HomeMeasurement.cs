using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Measurements;

/// <summary>
/// A measurement the patient took at home (oxygen saturation, pulse, weight, lung function), as the national telemedicine
/// infrastructure reported it: a value with its UCUM unit, when it was measured, and where it came from (the source's id
/// and version, when it was fetched). Read-only here: it changes only at the source.
/// </summary>
public sealed class HomeMeasurement
{
    public const int CodeMaxLength = 200;
    public const int NameMaxLength = 200;
    public const int UnitMaxLength = 50;
    public const int SourceIdMaxLength = 200;
    public const int VersionMaxLength = 64;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public MeasurementKind Kind { get; private set; }

    /// <summary>The source's code, "system|code".</summary>
    public string Code { get; private set; } = "";

    /// <summary>The source's name for what was measured (shown for kinds CareWorkspace does not know).</summary>
    public string Name { get; private set; } = "";
    public decimal Value { get; private set; }

    /// <summary>The UCUM unit code ("%", "/min", "kg", "L").</summary>
    public string Unit { get; private set; } = "";
    public DateTimeOffset MeasuredAt { get; private set; }
    public string SourceId { get; private set; } = "";
    public string? SourceVersion { get; private set; }
    public DateTimeOffset FetchedAt { get; private set; }

    private HomeMeasurement() { }

    public HomeMeasurement(Guid patientId, MeasurementKind kind, string code, string name, decimal value, string unit, DateTimeOffset measuredAt,
        string sourceId, string? sourceVersion, DateTimeOffset fetchedAt)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A measurement belongs to a patient.");
        if (!Enum.IsDefined(kind))
            throw new DomainException("Choose the kind of measurement.");
        PatientId = patientId;
        Kind = kind;
        Code = Guard.Required(code, "Code", CodeMaxLength);
        Name = Guard.Required(name, "Name", NameMaxLength);
        Value = value;
        Unit = Guard.Required(unit, "Unit", UnitMaxLength);
        MeasuredAt = measuredAt.ToUniversalTime();
        SourceId = Guard.Required(sourceId, "Source id", SourceIdMaxLength);
        SourceVersion = Guard.Optional(sourceVersion, "Version", VersionMaxLength);
        FetchedAt = fetchedAt.ToUniversalTime();
    }
}
