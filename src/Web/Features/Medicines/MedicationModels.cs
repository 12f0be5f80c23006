using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Web.Features.Medicines;

/// <summary>One medication on the patient's list, with where it came from and when it was fetched.</summary>
public sealed record MedicationItem(
    Guid Id,
    string DrugName,
    string? Strength,
    string? Form,
    string? AtcCode,
    string? DoseText,
    bool AsNeeded,
    string? Route,
    string? Indication,
    DateOnly? Start,
    DateOnly? End,
    MedicationStatus Status,
    string? Prescriber,
    string? Organisation,
    MedicationSource Source,
    DateTimeOffset? FetchedAt);

/// <summary>
/// How fresh the Shared Medication Record's part of the list is: the last successful sync (or fetch of this patient), and
/// the last failure when it came after it (then the section says "not updated since …"); and whether a fetch of this
/// patient, asked for when the pathway was opened, is under way.
/// </summary>
public sealed record MedicationRecordFreshness(DateTimeOffset? LastSyncedAt, DateTimeOffset? FailingSince)
{
    public bool IsStale => FailingSince is not null;

    public bool Updating { get; init; }

    public static MedicationRecordFreshness From(DateTimeOffset? lastSuccess, DateTimeOffset? lastError) =>
        new(lastSuccess, SyncState.FailingSince(lastSuccess, lastError));
}

/// <summary>The medication section: current (active, paused) and recently stopped medications, and the record's freshness.</summary>
public sealed record MedicationView(
    IReadOnlyList<MedicationItem> Active,
    IReadOnlyList<MedicationItem> Paused,
    IReadOnlyList<MedicationItem> Stopped,
    MedicationRecordFreshness Record,
    DateOnly Today)
{
    public bool IsEmpty => Active.Count == 0 && Paused.Count == 0 && Stopped.Count == 0;
}
