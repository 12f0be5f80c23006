using System.Runtime.CompilerServices;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>Home measurements (the national telemedicine infrastructure's Observations with UCUM quantities).</summary>
public interface IHomeMeasurements
{
    /// <summary>The changes since <paramref name="since"/> (all, when null), oldest first, a page at a time.</summary>
    IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct);

    /// <summary>One patient's measurements, found by CPR.</summary>
    IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ForPatientAsync(Cpr cpr, CancellationToken ct);
}

internal sealed class HomeMeasurementsAdapter(NationalServiceClients clients, TimeProvider clock) : IHomeMeasurements
{
    public IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct) =>
        ReadAsync(clients.ReaderFor(NationalService.Measurements), clients.ChangedSince("Observation", since), ct);

    public async IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ForPatientAsync(Cpr cpr, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = clients.ReaderFor(NationalService.Measurements);
        foreach (var patient in await PatientSearch.ReferencesAsync(reader, cpr, ct))
        {
            await foreach (var page in ReadAsync(reader, PatientSearch.Of("Observation", patient) + "&_sort=_lastUpdated", ct))
                yield return page;
        }
    }

    private IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ReadAsync(FhirSearchReader reader, string query, CancellationToken ct)
    {
        var today = CopenhagenTime.Today(clock);
        return reader.SearchAsync(query, (Hl7.Fhir.Model.Resource r, out HomeMeasurementReading? m, out string reason) =>
            HomeMeasurementObservation.TryRead(r, today, out m, out reason), ct);
    }
}
