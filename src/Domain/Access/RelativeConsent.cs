using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Access;

/// <summary>
/// The patient's consent that a relative may follow the pathway (a FHIR Consent, not the relationship itself).
/// It grants sections, optionally until a Danish date; withdrawing it or reaching the end date ends access at once.
/// A change of scopes is a new consent that replaces the old one, so the history of what was shared stays.
/// </summary>
public sealed class RelativeConsent : AggregateRoot
{
    public const int ReasonMaxLength = 500;
    public const int NameMaxLength = 200;

    /// <summary>What a consent may share; the consents themselves are the patient's to manage.</summary>
    public static readonly IReadOnlyList<PatientSection> GrantableSections =
        Enum.GetValues<PatientSection>().Where(s => s != PatientSection.Consents).ToList();

    private List<PatientSection> _sections = [];

    public Guid PatientId { get; private set; }
    public string RelativeUserId { get; private set; } = "";
    public DateTimeOffset GivenAt { get; private set; }
    public string? GivenBy { get; private set; }
    public string? GivenReason { get; private set; }

    /// <summary>The last Copenhagen day the consent is valid; null means until withdrawn.</summary>
    public DateOnly? ValidUntil { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawnReason { get; private set; }
    public IReadOnlyList<PatientSection> Sections => _sections;

    private RelativeConsent() { }

    public RelativeConsent(Guid patientId, string relativeUserId, IEnumerable<PatientSection> sections, DateTimeOffset givenAt,
        string? givenBy = null, string? reason = null, DateOnly? validUntil = null)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A consent belongs to a patient.");
        PatientId = patientId;
        RelativeUserId = Guard.Required(relativeUserId, "Relative user", 450);
        _sections = sections.Distinct().ToList();
        if (_sections.Count == 0)
            throw new DomainException("A consent must grant at least one section of the record.");
        var unknown = _sections.Where(s => !GrantableSections.Contains(s)).ToList();
        if (unknown.Count > 0)
            throw new DomainException("A consent cannot grant {0}: choose among {1}.", string.Join(", ", unknown), string.Join(", ", GrantableSections));
        if (validUntil is { } until && until < CopenhagenTime.DateOf(givenAt))
            throw new DomainException("The consent cannot end on {0:yyyy-MM-dd}: that day has already passed.", until);
        GivenAt = givenAt;
        GivenBy = Guard.Optional(givenBy, "Given by", NameMaxLength);
        GivenReason = Guard.Optional(reason, "Reason", ReasonMaxLength);
        ValidUntil = validUntil;
    }

    /// <summary>Not withdrawn (it may still have expired: use <see cref="IsActiveAt"/> for access).</summary>
    public bool IsActive => WithdrawnAt is null;

    public bool IsActiveAt(DateTimeOffset now) =>
        WithdrawnAt is null && (ValidUntil is not { } until || now < CopenhagenTime.EndOf(until));

    /// <summary>When the consent stops granting access on its own, if it has an end date.</summary>
    public DateTimeOffset? ExpiresAt => ValidUntil is { } until ? CopenhagenTime.EndOf(until) : null;

    public bool Grants(PatientSection section) => IsActive && _sections.Contains(section);

    public bool GrantsAt(PatientSection section, DateTimeOffset now) => IsActiveAt(now) && _sections.Contains(section);

    public void Withdraw(DateTimeOffset at, string? byName = null, string? reason = null)
    {
        if (!IsActive)
            throw new DomainException("The consent has already been withdrawn.");
        WithdrawnAt = at;
        WithdrawnBy = Guard.Optional(byName, "Withdrawn by", NameMaxLength);
        WithdrawnReason = Guard.Optional(reason, "Reason", ReasonMaxLength);
        Touch();
    }
}
