using CareWorkspace.Domain.Medicines.Allergies;

namespace CareWorkspace.Web.Features.Medicines.Allergies;

/// <summary>The patient's allergy (CAVE) register as one viewer may see it: active entries first, and what the viewer may do.</summary>
public sealed record AllergyRegisterView(Guid PatientId, IReadOnlyList<AllergyItem> Entries, AllergyPermissions Can)
{
    public IReadOnlyList<AllergyItem> Active => [.. Entries.Where(e => e.Status == AllergyStatus.Active)];
}

/// <summary>One entry as stored now: the version an edit is based on, who recorded and last changed it, and its content.</summary>
public sealed record AllergyItem(
    Guid Id,
    Guid Version,
    int Revision,
    string? Substance,
    string? AtcCode,
    string? Reaction,
    AllergySeverity Severity,
    AllergyCertainty Certainty,
    AllergyStatus Status,
    string? StatusReason,
    AllergySource Source,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string ChangedBy,
    DateTimeOffset ChangedAt)
{
    public string Name => AllergyEntry.Describe(Substance, AtcCode);

    public AllergyDetails Details => new(Substance, AtcCode, Reaction, Severity, Certainty);

    public static AllergyItem Of(AllergyEntry e) => new(e.Id, e.Version, e.Revision, e.Substance, e.AtcCode, e.Reaction, e.Severity, e.Certainty,
        e.Status, e.StatusReason, e.Source, e.RecordedBy, e.RecordedAt, e.ChangedBy, e.ChangedAt);
}

/// <param name="Record">The viewer may record a new entry.</param>
/// <param name="Change">The viewer may change an entry, resolve it or mark it as entered in error.</param>
public sealed record AllergyPermissions(bool Record, bool Change);

/// <summary>One version of an entry from its history: number, who, when, what changed and the whole entry afterwards.</summary>
public sealed record AllergyVersionView(int Number, string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<AllergyChange> Changes, AllergySnapshot Entry);
