using System.Runtime.CompilerServices;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Patients;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>Home measurements (the national telemedicine infrastructure's Observations with UCUM quantities).</summary>
public interface IHomeMeasurements
{
    /// <summary>The changes since <paramref name="since"/> (all, when null), oldest first, a page at a time.</summary>
    IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct);

    /// <summary>One patient's measurements, found by CPR.</summary>
    IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ForPatientAsync(Cpr cpr, CancellationToken ct);
}

internal sealed class HomeMeasurementsAdapter(NationalServiceClients clients, TimeProvider clock, ILogger<HomeMeasurementsAdapter> logger) : IHomeMeasurements
{
    public IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct) =>
        ReadAsync(clients.ChangedSince("Observation", since), ct);

    public IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ForPatientAsync(Cpr cpr, CancellationToken ct) =>
        ReadAsync($"Observation?patient.identifier={FhirSearchReader.Escape(cpr.System + "|" + cpr.Value)}&_sort=_lastUpdated", ct);

    private async IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ReadAsync(string query, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = clients.ReaderFor(NationalService.Measurements);
        var today = CopenhagenTime.Today(clock);
        await foreach (var page in reader.SearchAsync(query, ct))
        {
            var mapped = PageMapping.Map<HomeMeasurementReading>(page, (Hl7.Fhir.Model.Resource r, out HomeMeasurementReading? m, out string reason) =>
                HomeMeasurementObservation.TryRead(r, today, out m, out reason));
            foreach (var rejected in mapped.Rejected.Skip(page.Rejected.Count))
                logger.LogWarning("Home measurement {SourceId} rejected: {Reason}", rejected.SourceId, rejected.Reason);
            yield return mapped;
        }
    }
}
