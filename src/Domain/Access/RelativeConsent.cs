using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Access;

/// <summary>
/// The patient's consent that a relative may follow the pathway (a FHIR Consent, not the relationship itself).
/// It grants sections; withdrawing it ends access at once.
/// </summary>
public sealed class RelativeConsent : AggregateRoot
{
    private List<PatientSection> _sections = [];

    public Guid PatientId { get; private set; }
    public string RelativeUserId { get; private set; } = "";
    public DateTimeOffset GivenAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public IReadOnlyList<PatientSection> Sections => _sections;

    private RelativeConsent() { }

    public RelativeConsent(Guid patientId, string relativeUserId, IEnumerable<PatientSection> sections, DateTimeOffset givenAt)
    {
        PatientId = patientId;
        RelativeUserId = Guard.Required(relativeUserId, "Relative user", 450);
        _sections = sections.Distinct().ToList();
        if (_sections.Count == 0)
            throw new DomainException("A consent must grant at least one section of the record.");
        GivenAt = givenAt;
    }

    public bool IsActive => WithdrawnAt is null;

    public bool Grants(PatientSection section) => IsActive && _sections.Contains(section);

    public void Withdraw(DateTimeOffset at)
    {
        if (!IsActive)
            throw new DomainException("The consent has already been withdrawn.");
        WithdrawnAt = at;
    }
}
