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

    /// <summary>Name and address protection in the person register (navne- og adressebeskyttelse): the address is not shown to others.</summary>
    public bool NameAndAddressProtected { get; private set; }

    /// <summary>The person register records the patient as deceased.</summary>
    public bool Deceased { get; private set; }

    /// <summary>When the person register was last asked about the patient (null: never).</summary>
    public DateTimeOffset? RegisterCheckedAt { get; private set; }
    public string? Phone { get; private set; }
    public Guid? GpOrganisationId { get; private set; }

    /// <summary>The Identity user of the patient, when the patient uses CareWorkspace.</summary>
    public string? UserId { get; private set; }

    public ContactChannel PreferredContactChannel { get; private set; } = ContactChannel.Phone;
    public string? ContactChannelChangedBy { get; private set; }
    public DateTimeOffset? ContactChannelChangedAt { get; private set; }

    public IReadOnlyList<ContactRelative> Relatives => _relatives;
    public IReadOnlyList<CareTeamMembership> CareTeam => _careTeam;
    public IReadOnlyList<Condition> Conditions => _conditions;

    public string FullName => $"{GivenName} {FamilyName}";

    /// <summary>The full name in lower case, kept by .NET: databases disagree on lower-casing æ, ø and å.</summary>
    public string SearchName { get; private set; } = "";

    private Patient() { }

    public Patient(string givenName, string familyName, Cpr cpr)
    {
        GivenName = Guard.Required(givenName, "Given name", NameMaxLength);
        FamilyName = Guard.Required(familyName, "Family name", NameMaxLength);
        SearchName = NormaliseForSearch(FullName);
        Cpr = cpr ?? throw new DomainException("A CPR number is required.");
    }

    public void Rename(string givenName, string familyName)
    {
        GivenName = Guard.Required(givenName, "Given name", NameMaxLength);
        FamilyName = Guard.Required(familyName, "Family name", NameMaxLength);
        SearchName = NormaliseForSearch(FullName);
    }

    public static string NormaliseForSearch(string text) => text.Trim().ToLowerInvariant();

    public void MoveTo(Address address) => Address = address;

    /// <summary>
    /// The person register's master data replaces ours (it is the source of name, address, protection and death);
    /// true when anything changed. Without an address in the register ours is kept: the register may withhold it.
    /// </summary>
    public bool UpdateFromRegister(PersonRegisterEntry entry, DateTimeOffset checkedAt)
    {
        var before = (GivenName, FamilyName, Address, NameAndAddressProtected, Deceased);
        if (!string.IsNullOrWhiteSpace(entry.GivenName) && !string.IsNullOrWhiteSpace(entry.FamilyName))
            Rename(entry.GivenName, entry.FamilyName);
        if (entry.Address is { } address)
            Address = address;
        NameAndAddressProtected = entry.NameAndAddressProtected;
        Deceased = entry.Deceased;
        RegisterCheckedAt = checkedAt;
        return before != (GivenName, FamilyName, Address, NameAndAddressProtected, Deceased);
    }

    /// <summary>The person register had nothing to say (no record, or it was refused): only the time of asking is kept.</summary>
    public void RegisterChecked(DateTimeOffset checkedAt) => RegisterCheckedAt = checkedAt;

    public void ChangePhone(string? phone) =>
        Phone = string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Normalise(phone, FullName);

    public void LinkUser(string userId) => UserId = Guard.Required(userId, "User id", 450);

    /// <summary>Registers the GP; the practice joins the care team as general practitioner.</summary>
    public void AssignGp(Guid gpOrganisationId, DateOnly from)
    {
        if (GpOrganisationId == gpOrganisationId)
            return;
        var membership = new CareTeamMembership(gpOrganisationId, CareTeamRole.GeneralPractitioner, new Period(from));
        // The previous practice keeps access up to the day before the new one takes over.
        foreach (var old in _careTeam.Where(m => m.Role == CareTeamRole.GeneralPractitioner && m.IsActiveOn(from)))
            old.End(old.From < from ? from.AddDays(-1) : from);
        GpOrganisationId = gpOrganisationId;
        _careTeam.Add(membership);
    }

    /// <summary>A membership from a register or the demo data, without a user's reason.</summary>
    public CareTeamMembership JoinCareTeam(Guid organisationId, CareTeamRole role, Period period)
    {
        RefuseOverlap(organisationId, role, period, exceptId: null);
        var membership = new CareTeamMembership(organisationId, role, period);
        _careTeam.Add(membership);
        return membership;
    }

    /// <summary>A user adds an organisation to the care team: it gains access to the record, so the reason is required and kept.</summary>
    public CareTeamMembership JoinCareTeam(Guid organisationId, CareTeamRole role, Period period, string? personName, string? phone, ChangeStamp stamp, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Give the reason the organisation joins the care team: it gains access to the record.");
        RefuseOverlap(organisationId, role, period, exceptId: null);
        var membership = new CareTeamMembership(organisationId, role, period, personName, phone, reason);
        membership.Stamp(stamp);
        _careTeam.Add(membership);
        return membership;
    }

    public void ChangeCareTeamMember(Guid membershipId, Guid expectedVersion, CareTeamRole role, string? personName, string? phone, Period period, ChangeStamp stamp)
    {
        var membership = Member(membershipId);
        RefuseStale(membership.Version, expectedVersion, "This care team member", membership.ChangedBy, membership.ChangedAt, membership.Values());
        RefuseReopening(membership, CopenhagenTime.DateOf(stamp.At));
        RefuseOverlap(membership.OrganisationId, role, period, exceptId: membershipId);
        membership.Change(role, personName, phone, period);
        membership.Stamp(stamp);
    }

    public void EndCareTeamMembership(Guid membershipId, DateOnly to) => Member(membershipId).End(to);

    public void EndCareTeamMembership(Guid membershipId, Guid expectedVersion, DateOnly to, ChangeStamp stamp)
    {
        var membership = Member(membershipId);
        RefuseStale(membership.Version, expectedVersion, "This care team member", membership.ChangedBy, membership.ChangedAt, membership.Values());
        RefuseReopening(membership, CopenhagenTime.DateOf(stamp.At));
        membership.End(to);
        membership.Stamp(stamp);
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

    public ContactRelative AddRelative(string name, RelationshipCode relationship, string phone, bool isContactRelative, ChangeStamp stamp)
    {
        var relative = AddRelative(name, relationship, phone, isContactRelative);
        relative.Stamp(stamp);
        return relative;
    }

    public void ChangeRelative(Guid relativeId, Guid expectedVersion, string name, RelationshipCode relationship, string phone, bool isContactRelative, ChangeStamp stamp)
    {
        var relative = Relative(relativeId);
        RefuseStale(relative.Version, expectedVersion, "This relative", relative.ChangedBy, relative.ChangedAt, relative.Values());
        relative.Change(name, relationship, phone, isContactRelative);
        relative.Stamp(stamp);
    }

    public void RemoveRelative(Guid relativeId, Guid expectedVersion, ChangeStamp stamp)
    {
        var relative = Relative(relativeId);
        RefuseStale(relative.Version, expectedVersion, "This relative", relative.ChangedBy, relative.ChangedAt, relative.Values());
        _relatives.Remove(relative);
    }

    /// <summary>Changes the preferred channel; <paramref name="expected"/> is the value the editor saw.</summary>
    public void ChangePreferredContactChannel(ContactChannel expected, ContactChannel channel, ChangeStamp stamp)
    {
        if (expected != PreferredContactChannel)
            throw new StaleEditException("The preferred contact channel", ContactChannelChangedBy ?? "someone", ContactChannelChangedAt ?? DateTimeOffset.MinValue,
                new Dictionary<string, string?> { ["Preferred contact channel"] = PreferredContactChannel.ToString() });
        PreferredContactChannel = channel;
        ContactChannelChangedBy = stamp.ByName;
        ContactChannelChangedAt = stamp.At;
    }

    public Condition AddCondition(string codeSystem, string code, string text, DateOnly onset)
    {
        var condition = new Condition(codeSystem, code, text, onset);
        if (_conditions.Any(c => c.CodeSystem == condition.CodeSystem && c.Code == condition.Code))
            throw new DomainException("The condition {0} is already recorded.", condition.Code);
        _conditions.Add(condition);
        return condition;
    }

    private CareTeamMembership Member(Guid membershipId) =>
        _careTeam.SingleOrDefault(m => m.Id == membershipId)
        ?? throw new DomainException("That care team member is no longer on this patient's care team.");

    private ContactRelative Relative(Guid relativeId) =>
        _relatives.SingleOrDefault(r => r.Id == relativeId)
        ?? throw new DomainException("That relative is no longer registered on this patient.");

    private void RefuseOverlap(Guid organisationId, CareTeamRole role, Period period, Guid? exceptId)
    {
        if (_careTeam.Any(m => m.Id != exceptId && m.OrganisationId == organisationId && m.Role == role && Overlaps(m, period)))
            throw new DomainException("This organisation already has that role on the care team in the period.");
    }

    private static void RefuseReopening(CareTeamMembership membership, DateOnly today)
    {
        if (membership.HasEndedBefore(today))
            throw new DomainException(
                "This membership ended on {0:yyyy-MM-dd} and stays as history. To bring the organisation back, add it to the care team again as a new membership, with a reason.",
                membership.To);
    }

    private static void RefuseStale(Guid current, Guid expected, string item, string? changedBy, DateTimeOffset? changedAt, IReadOnlyDictionary<string, string?> values)
    {
        if (current != expected)
            throw new StaleEditException(item, changedBy ?? "someone", changedAt ?? DateTimeOffset.MinValue, values);
    }

    private static bool Overlaps(CareTeamMembership m, Period p) =>
        (m.To is null || p.Start <= m.To) && (p.End is null || m.From <= p.End);
}
