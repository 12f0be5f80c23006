using System.Runtime.CompilerServices;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Patients;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>The Shared Medication Record (Fælles Medicinkort's role): the medication statements and prescriptions of patients.</summary>
public interface IMedicationRecord
{
    /// <summary>The changes since <paramref name="since"/> (all, when null): medication statements, then prescriptions, a page at a time.</summary>
    IAsyncEnumerable<NationalPage<NationalMedication>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct);

    /// <summary>One patient's medication statements and prescriptions, found by CPR, a page at a time.</summary>
    IAsyncEnumerable<NationalPage<NationalMedication>> ForPatientAsync(Cpr cpr, CancellationToken ct);
}

internal sealed class MedicationRecordAdapter(NationalServiceClients clients, TimeProvider clock) : IMedicationRecord
{
    private static readonly string[] Types = ["MedicationStatement", "MedicationRequest"];

    public IAsyncEnumerable<NationalPage<NationalMedication>> ChangedSinceAsync(DateTimeOffset? since, CancellationToken ct) =>
        ReadAsync(clients.ReaderFor(NationalService.Medication), type => clients.ChangedSince(type, since), ct);

    public async IAsyncEnumerable<NationalPage<NationalMedication>> ForPatientAsync(Cpr cpr, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = clients.ReaderFor(NationalService.Medication);
        foreach (var patient in await PatientSearch.ReferencesAsync(reader, cpr, ct))
        {
            await foreach (var page in ReadAsync(reader, type => PatientSearch.Of(type, patient), ct))
                yield return page;
        }
    }

    private async IAsyncEnumerable<NationalPage<NationalMedication>> ReadAsync(FhirSearchReader reader, Func<string, string> query,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var today = CopenhagenTime.Today(clock);
        foreach (var type in Types)
        {
            await foreach (var page in reader.SearchAsync(query(type), (Resource r, out NationalMedication? m, out string reason) =>
                MedicationRecordReading.TryRead(r, today, out m, out reason), ct))
                yield return page;
        }
    }
}
