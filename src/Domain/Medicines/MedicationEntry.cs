using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines;

/// <summary>
/// One medication on a patient's list. An entry from the Shared Medication Record keeps its source's id and version
/// and changes only when a newer version is imported; a local entry (<see cref="MedicationSource.Local"/>) is for
/// prescribing in CareWorkspace.
/// </summary>
public sealed class MedicationEntry
{
    public const int DrugNameMaxLength = 300;
    public const int ShortTextMaxLength = 100;
    public const int TextMaxLength = 1000;
    public const int SourceIdMaxLength = 200;
    public const int VersionMaxLength = 64;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public MedicationSource Source { get; private set; }
    public string DrugName { get; private set; } = "";
    public string? Strength { get; private set; }
    public string? Form { get; private set; }
    public string? AtcCode { get; private set; }
    public string? DoseText { get; private set; }
    public bool AsNeeded { get; private set; }
    public string? Route { get; private set; }
    public string? Indication { get; private set; }
    public DateOnly? Start { get; private set; }
    public DateOnly? End { get; private set; }
    public MedicationStatus Status { get; private set; }
    public string? Prescriber { get; private set; }
    public string? Organisation { get; private set; }

    /// <summary>The national record's id ("MedicationStatement/…"), for an imported entry.</summary>
    public string? SourceId { get; private set; }
    public string? SourceVersion { get; private set; }
    public DateTimeOffset? SourceUpdatedAt { get; private set; }

    /// <summary>When this version was fetched from the national record.</summary>
    public DateTimeOffset? FetchedAt { get; private set; }

    private MedicationEntry() { }

    /// <summary>An entry read from the Shared Medication Record.</summary>
    public static MedicationEntry Imported(Guid patientId, MedicationDetails details, string sourceId, string? version,
        DateTimeOffset? sourceUpdatedAt, DateTimeOffset fetchedAt)
    {
        var entry = new MedicationEntry { PatientId = patientId, Source = MedicationSource.NationalRecord };
        entry.Set(details);
        entry.SourceId = Guard.Required(sourceId, "Source id", SourceIdMaxLength);
        entry.Stamp(version, sourceUpdatedAt, fetchedAt);
        return entry;
    }

    /// <summary>A newer version of an imported entry; an older or the same version changes nothing (false).</summary>
    public bool UpdateFromRecord(MedicationDetails details, string? version, DateTimeOffset? sourceUpdatedAt, DateTimeOffset fetchedAt)
    {
        if (Source != MedicationSource.NationalRecord)
            throw new DomainException("Only an entry from the Shared Medication Record is updated from there.");
        if (sourceUpdatedAt is { } updated && SourceUpdatedAt is { } known && updated <= known)
            return false;
        Set(details);
        Stamp(version, sourceUpdatedAt, fetchedAt);
        return true;
    }

    private void Set(MedicationDetails details)
    {
        if (details.Start is { } start && details.End is { } end && end < start)
            throw new DomainException("A medication cannot end ({0:yyyy-MM-dd}) before it starts ({1:yyyy-MM-dd}).", end, start);
        DrugName = Guard.Required(details.DrugName, "Drug name", DrugNameMaxLength);
        Strength = Guard.Optional(details.Strength, "Strength", ShortTextMaxLength);
        Form = Guard.Optional(details.Form, "Form", ShortTextMaxLength);
        AtcCode = Guard.Optional(details.AtcCode, "ATC code", ShortTextMaxLength);
        DoseText = Guard.Optional(details.DoseText, "Dose", TextMaxLength);
        AsNeeded = details.AsNeeded;
        Route = Guard.Optional(details.Route, "Route", ShortTextMaxLength);
        Indication = Guard.Optional(details.Indication, "Indication", TextMaxLength);
        Start = details.Start;
        End = details.End;
        Status = details.Status;
        Prescriber = Guard.Optional(details.Prescriber, "Prescriber", DrugNameMaxLength);
        Organisation = Guard.Optional(details.Organisation, "Organisation", DrugNameMaxLength);
    }

    private void Stamp(string? version, DateTimeOffset? sourceUpdatedAt, DateTimeOffset fetchedAt)
    {
        SourceVersion = Guard.Optional(version, "Version", VersionMaxLength);
        SourceUpdatedAt = sourceUpdatedAt;
        FetchedAt = fetchedAt;
    }
}
