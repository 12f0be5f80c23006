using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// Something planned to reach the goals, with the organisation and sector responsible: the annual check-up with spirometry
/// at the GP, a smoking-cessation course in the municipality. It may point to the appointment booked for it.
/// </summary>
public sealed class CarePlanActivity
{
    public const int DescriptionMaxLength = 500;
    public const int OrganisationNameMaxLength = 200;
    public const int ScheduleMaxLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Description { get; private set; } = "";
    public Guid? OrganisationId { get; private set; }
    public string? OrganisationName { get; private set; }
    public Sector Sector { get; private set; }
    public string? Schedule { get; private set; }
    public ActivityStatus Status { get; private set; }
    public Guid? AppointmentId { get; private set; }
    public int Order { get; private set; }

    private CarePlanActivity() { }

    internal CarePlanActivity(ActivityInput input, int order)
    {
        Order = order;
        Apply(input);
    }

    internal void Change(ActivityInput input) => Apply(input);

    private void Apply(ActivityInput input)
    {
        if (!Enum.IsDefined(input.Sector))
            throw new DomainException("Choose the sector responsible for the activity.");
        if (!Enum.IsDefined(input.Status))
            throw new DomainException("Choose the activity's status.");
        Description = Guard.Required(input.Description, "Activity", DescriptionMaxLength);
        OrganisationId = input.OrganisationId == Guid.Empty ? null : input.OrganisationId;
        OrganisationName = Guard.Optional(input.OrganisationName, "Responsible organisation", OrganisationNameMaxLength);
        Sector = input.Sector;
        Schedule = Guard.Optional(input.Schedule, "Schedule", ScheduleMaxLength);
        Status = input.Status;
        AppointmentId = input.AppointmentId == Guid.Empty ? null : input.AppointmentId;
    }

    internal ActivitySnapshot Snapshot() =>
        new(Id, Description, OrganisationId, OrganisationName, Sector, Schedule, Status, AppointmentId);
}
