using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>
/// One entry of the patient's allergy (CAVE) register: an allergy or intolerance to a substance, a drug class (ATC) or
/// both, with the reaction, its severity and how certain it is, who recorded it and when, and where it comes from. Every
/// change is a new <see cref="AllergyVersion"/> (who, when, what, and the whole entry afterwards); a change based on an
/// older version than the stored one is refused as a stale edit. An entry is never deleted: it is resolved or marked as
/// entered in error, and then no longer warns.
/// </summary>
public sealed class AllergyEntry : AggregateRoot
{
    public const int SubstanceMaxLength = 200;
    public const int ReactionMaxLength = 500;
    public const int ReasonMaxLength = 500;
    public const int ChangedByMaxLength = 200;

    private readonly List<AllergyVersion> _versions = [];

    public Guid PatientId { get; private set; }
    public string? Substance { get; private set; }
    public string? AtcCode { get; private set; }
    public string? Reaction { get; private set; }
    public AllergySeverity Severity { get; private set; }
    public AllergyCertainty Certainty { get; private set; }
    public AllergyStatus Status { get; private set; }

    /// <summary>Why it was resolved or marked as entered in error.</summary>
    public string? StatusReason { get; private set; }
    public AllergySource Source { get; private set; }
    public int Revision { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The versions added by changes made on this instance (the stored history is read on its own).</summary>
    public IReadOnlyList<AllergyVersion> NewVersions => _versions;

    public bool IsActive => Status == AllergyStatus.Active;

    private AllergyEntry() { }

    /// <summary>A new active entry recorded in CareWorkspace.</summary>
    public static AllergyEntry Record(Guid patientId, AllergyDetails details, ChangeStamp stamp)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("An allergy entry belongs to a patient.");
        var entry = new AllergyEntry
        {
            PatientId = patientId,
            Status = AllergyStatus.Active,
            Source = AllergySource.Local,
            RecordedBy = Guard.Required(stamp.ByName, "Changed by", ChangedByMaxLength),
            RecordedAt = stamp.At.ToUniversalTime(),
        };
        entry.Apply(details);
        entry.Save(stamp, [new AllergyChange(AllergyChangeKind.Recorded, null, entry.Name)]);
        return entry;
    }

    /// <summary>What the entry is about, as the banner names it: "Penicillins (J01C)", "Latex", "J01C".</summary>
    public string Name => Describe(Substance, AtcCode);

    public static string Describe(string? substance, string? atcCode) => (substance, atcCode) switch
    {
        ({ } s, { } a) => $"{s} ({a})",
        ({ } s, null) => s,
        (null, { } a) => a,
        _ => "",
    };

    /// <summary>New details, based on the version the editor opened; each field that changed is a line of the version.</summary>
    public void Change(Guid expectedVersion, AllergyDetails details, ChangeStamp stamp)
    {
        RefuseStale(expectedVersion);
        RefuseNational();
        if (Status == AllergyStatus.EnteredInError)
            throw new DomainException("An allergy entry marked as entered in error can no longer be changed.");
        var before = Snapshot();
        Apply(details);
        var changes = new List<AllergyChange>();
        Compare(changes, AllergyChangeKind.SubstanceChanged, before.Substance, Substance);
        Compare(changes, AllergyChangeKind.AtcCodeChanged, before.AtcCode, AtcCode);
        Compare(changes, AllergyChangeKind.ReactionChanged, before.Reaction, Reaction);
        Compare(changes, AllergyChangeKind.SeverityChanged, before.Severity.ToString(), Severity.ToString());
        Compare(changes, AllergyChangeKind.CertaintyChanged, before.Certainty.ToString(), Certainty.ToString());
        if (changes.Count == 0)
            throw new DomainException("Nothing was changed.");
        Save(stamp, changes);
    }

    /// <summary>
    /// Resolved (no longer present), back to active, or entered in error (which needs a reason and is final).
    /// </summary>
    public void ChangeStatus(Guid expectedVersion, AllergyStatus status, string? reason, ChangeStamp stamp)
    {
        RefuseStale(expectedVersion);
        RefuseNational();
        if (!Enum.IsDefined(status))
            throw new DomainException("Choose a status.");
        if (status == Status)
            throw new DomainException("The allergy entry is already {0}.", AllergyWords.Of(status));
        if (Status == AllergyStatus.EnteredInError)
            throw new DomainException("An allergy entry marked as entered in error can no longer be changed.");
        var why = Guard.Optional(reason, "Reason", ReasonMaxLength);
        if (status == AllergyStatus.EnteredInError && why is null)
            throw new DomainException("Say why the allergy entry was entered in error.");
        var from = Status;
        Status = status;
        StatusReason = status == AllergyStatus.Active ? null : why;
        Save(stamp, [new AllergyChange(AllergyChangeKind.StatusChanged, from.ToString(), status.ToString())]);
    }

    public AllergySnapshot Snapshot() => new(Substance, AtcCode, Reaction, Severity, Certainty, Status, StatusReason);

    /// <summary>The values shown to an editor whose change came too late.</summary>
    public IReadOnlyDictionary<string, string?> Values() => new Dictionary<string, string?>
    {
        ["Substance"] = Substance,
        ["ATC code"] = AtcCode,
        ["Reaction"] = Reaction,
        ["Severity"] = Severity.ToString(),
        ["Certainty"] = Certainty.ToString(),
        ["Status"] = Status.ToString(),
    };

    private void Apply(AllergyDetails details)
    {
        var substance = Guard.Optional(details.Substance, "Substance", SubstanceMaxLength);
        var atc = Medicines.AtcCode.ParseOptional(details.AtcCode);
        if (substance is null && atc is null)
            throw new DomainException("Give the substance, the drug class (ATC code) or both.");
        if (!Enum.IsDefined(details.Severity))
            throw new DomainException("Choose the severity.");
        if (!Enum.IsDefined(details.Certainty))
            throw new DomainException("Choose whether the allergy is suspected or confirmed.");
        Substance = substance;
        AtcCode = atc;
        Reaction = Guard.Optional(details.Reaction, "Reaction", ReactionMaxLength);
        Severity = details.Severity;
        Certainty = details.Certainty;
    }

    private static void Compare(List<AllergyChange> changes, AllergyChangeKind kind, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
            changes.Add(new AllergyChange(kind, before, after));
    }

    private void RefuseStale(Guid expectedVersion)
    {
        if (Version != expectedVersion)
            throw new StaleEditException("This allergy entry", ChangedBy, ChangedAt, Values());
    }

    private void RefuseNational()
    {
        if (Source != AllergySource.Local)
            throw new DomainException("An allergy entry from a national register is changed only there.");
    }

    private void Save(ChangeStamp stamp, IReadOnlyList<AllergyChange> changes)
    {
        ChangedBy = Guard.Required(stamp.ByName, "Changed by", ChangedByMaxLength);
        ChangedAt = stamp.At.ToUniversalTime();
        Revision++;
        Touch();
        _versions.Add(new AllergyVersion(Id, Revision, ChangedBy, ChangedAt, changes, Snapshot()));
    }
}
