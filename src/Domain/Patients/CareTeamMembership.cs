using System.Linq.Expressions;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Patients;

/// <summary>
/// An organisation's part in the patient's care over a period, optionally with the named person and phone to call.
/// Membership gives that organisation's staff access to the record.
/// </summary>
public sealed class CareTeamMembership
{
    public const int PersonMaxLength = 200;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OrganisationId { get; private set; }
    public CareTeamRole Role { get; private set; }
    public string? PersonName { get; private set; }
    public string? Phone { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    /// <summary>Why the organisation joined the care team (shown on the timeline); none for memberships from registers.</summary>
    public string? Reason { get; private set; }

    /// <summary>Changes on every edit of this member; an edit based on an older version is stale.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();
    public string? ChangedBy { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }

    private CareTeamMembership() { }

    internal CareTeamMembership(Guid organisationId, CareTeamRole role, Period period, string? personName = null, string? phone = null, string? reason = null)
    {
        Reason = Guard.Optional(reason, "Reason", ReasonMaxLength);
        if (organisationId == Guid.Empty)
            throw new DomainException("A care team member needs an organisation.");
        OrganisationId = organisationId;
        Role = role;
        From = period.Start;
        To = period.End;
        SetContact(personName, phone);
    }

    public bool IsActiveOn(DateOnly day) => new Period(From, To).Covers(day);

    /// <summary><see cref="IsActiveOn"/> as a query, the one rule every database query about "in the care team on a day" uses.</summary>
    public static Expression<Func<CareTeamMembership, bool>> ActiveOn(DateOnly day) =>
        m => m.From <= day && (m.To == null || m.To >= day);

    /// <summary>The organisation is in the care team on the day: <see cref="ActiveOn"/> for one organisation, as a query.</summary>
    public static Expression<Func<CareTeamMembership, bool>> OfOrganisationOn(Guid organisationId, DateOnly day) =>
        m => m.OrganisationId == organisationId && m.From <= day && (m.To == null || m.To >= day);

    /// <summary>Ended before <paramref name="day"/>: its period is history and is never reopened.</summary>
    public bool HasEndedBefore(DateOnly day) => To is { } to && to < day;

    internal void End(DateOnly to)
    {
        if (to < From)
            throw new DomainException("The membership cannot end ({0:yyyy-MM-dd}) before it started ({1:yyyy-MM-dd}).", to, From);
        To = to;
        Version = Guid.NewGuid();
    }

    internal void Change(CareTeamRole role, string? personName, string? phone, Period period)
    {
        Role = role;
        From = period.Start;
        To = period.End;
        SetContact(personName, phone);
        Version = Guid.NewGuid();
    }

    internal void Stamp(ChangeStamp stamp)
    {
        ChangedBy = stamp.ByName;
        ChangedAt = stamp.At;
    }

    internal IReadOnlyDictionary<string, string?> Values() => new Dictionary<string, string?>
    {
        ["Role"] = Role.ToString(),
        ["Person"] = PersonName,
        ["Phone"] = Phone,
        ["From"] = From.ToString("yyyy-MM-dd"),
        ["To"] = To?.ToString("yyyy-MM-dd"),
    };

    private void SetContact(string? personName, string? phone)
    {
        PersonName = Guard.Optional(personName, "Person", PersonMaxLength);
        Phone = string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Normalise(phone, PersonName ?? "the care team member");
    }
}
