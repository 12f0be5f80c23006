using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Patients;

/// <summary>An organisation's part in the patient's care over a period; it gives that organisation's staff access.</summary>
public sealed class CareTeamMembership
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OrganisationId { get; private set; }
    public CareTeamRole Role { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    private CareTeamMembership() { }

    internal CareTeamMembership(Guid organisationId, CareTeamRole role, Period period)
    {
        if (organisationId == Guid.Empty)
            throw new DomainException("A care team member needs an organisation.");
        OrganisationId = organisationId;
        Role = role;
        From = period.Start;
        To = period.End;
    }

    public bool IsActiveOn(DateOnly day) => new Period(From, To).Covers(day);

    internal void End(DateOnly to)
    {
        if (to < From)
            throw new DomainException($"The membership cannot end ({to:yyyy-MM-dd}) before it started ({From:yyyy-MM-dd}).");
        To = to;
    }
}
