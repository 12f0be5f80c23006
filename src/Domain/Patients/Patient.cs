using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Patients;

public sealed class Patient : AggregateRoot
{
    public const int NameMaxLength = 200;

    private readonly List<ContactRelative> _relatives = [];
    private readonly List<CareTeamMembership> _careTeam = [];
    private readonly List<Condition> _conditions = [];

    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public Cpr Cpr { get; private set; } = null!;
    public Address? Address { get; private set; }
    public string? Phone { get; private set; }
    public Guid? GpOrganisationId { get; private set; }

    /// <summary>The Identity user of the patient, when the patient uses CareWorkspace.</summary>
    public string? UserId { get; private set; }

    public IReadOnlyList<ContactRelative> Relatives => _relatives;
    public IReadOnlyList<CareTeamMembership> CareTeam => _careTeam;
    public IReadOnlyList<Condition> Conditions => _conditions;

    public string FullName => $"{GivenName} {FamilyName}";

    private Patient() { }

    public Patient(string givenName, string familyName, Cpr cpr)
    {
        GivenName = Guard.Required(givenName, "Given name", NameMaxLength);
        FamilyName = Guard.Required(familyName, "Family name", NameMaxLength);
        Cpr = cpr ?? throw new DomainException("A CPR number is required.");
    }

    public void Rename(string givenName, string familyName)
    {
        GivenName = Guard.Required(givenName, "Given name", NameMaxLength);
        FamilyName = Guard.Required(familyName, "Family name", NameMaxLength);
    }

    public void MoveTo(Address address) => Address = address;

    public void ChangePhone(string? phone) =>
        Phone = string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Normalise(phone, FullName);

    public void LinkUser(string userId) => UserId = Guard.Required(userId, "User id", 450);

    /// <summary>Registers the GP; the practice joins the care team as general practitioner.</summary>
    public void AssignGp(Guid gpOrganisationId, DateOnly from)
    {
        if (GpOrganisationId == gpOrganisationId)
            return;
        foreach (var old in _careTeam.Where(m => m.Role == CareTeamRole.GeneralPractitioner && m.IsActiveOn(from)))
            old.End(from);
        GpOrganisationId = gpOrganisationId;
        _careTeam.Add(new CareTeamMembership(gpOrganisationId, CareTeamRole.GeneralPractitioner, new Period(from)));
    }

    public CareTeamMembership JoinCareTeam(Guid organisationId, CareTeamRole role, Period period)
    {
        if (_careTeam.Any(m => m.OrganisationId == organisationId && m.Role == role && Overlaps(m, period)))
            throw new DomainException("This organisation already has that role on the care team in the period.");
        var membership = new CareTeamMembership(organisationId, role, period);
        _careTeam.Add(membership);
        return membership;
    }

    public void EndCareTeamMembership(Guid membershipId, DateOnly to)
    {
        var membership = _careTeam.SingleOrDefault(m => m.Id == membershipId)
            ?? throw new DomainException("That care team membership does not exist on this patient.");
        membership.End(to);
    }

    public bool HasActiveCareTeamMember(Guid organisationId, DateOnly day) =>
        _careTeam.Any(m => m.OrganisationId == organisationId && m.IsActiveOn(day));

    public ContactRelative AddRelative(string name, RelationshipCode relationship, string phone, bool isContactRelative, string? userId = null)
    {
        if (userId is not null && _relatives.Any(r => r.UserId == userId))
            throw new DomainException("That user is already registered as a relative of this patient.");
        var relative = new ContactRelative(name, relationship, phone, isContactRelative, userId);
        _relatives.Add(relative);
        return relative;
    }

    public Condition AddCondition(string codeSystem, string code, string text, DateOnly onset)
    {
        if (_conditions.Any(c => c.CodeSystem == codeSystem && c.Code == code))
            throw new DomainException($"The condition {code} is already recorded.");
        var condition = new Condition(codeSystem, code, text, onset);
        _conditions.Add(condition);
        return condition;
    }

    private static bool Overlaps(CareTeamMembership m, Period p) =>
        (m.To is null || p.Start <= m.To) && (p.End is null || m.From <= p.End);
}
