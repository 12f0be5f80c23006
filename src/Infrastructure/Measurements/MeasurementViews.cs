using CareWorkspace.Domain.Measurements;
using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.Measurements;

/// <summary>A patient's home measurements, one series per kind and unit, and how current the sync with the source is.</summary>
public sealed record MeasurementsView(Guid PatientId, IReadOnlyList<MeasurementSeries> Series, SyncFreshness Sync);

/// <summary>One kind's measurements, oldest first (a chart and a table).</summary>
public sealed record MeasurementSeries(MeasurementKind Kind, string Name, string Unit, IReadOnlyList<MeasurementPoint> Points)
{
    public MeasurementPoint Latest => Points[^1];
}

/// <summary>One measurement with its provenance: the source's id and version, when it was fetched.</summary>
public sealed record MeasurementPoint(DateTimeOffset MeasuredAt, decimal Value, string SourceId, string? SourceVersion, DateTimeOffset FetchedAt);
