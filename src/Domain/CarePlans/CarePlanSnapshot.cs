using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>The whole plan as it was after one change: what an earlier version shows when it is opened.</summary>
public sealed record CarePlanSnapshot(
    string Title,
    IReadOnlyList<string> Conditions,
    DateOnly Start,
    DateOnly? End,
    CarePlanStatus Status,
    string? TemplateId,
    string? TemplateVersion,
    IReadOnlyList<GoalSnapshot> Goals,
    IReadOnlyList<ActivitySnapshot> Activities,
    IReadOnlyList<NoteSnapshot> Notes)
{
    /// <summary>The measurements to follow; versions saved before plans kept them have none.</summary>
    public IReadOnlyList<MeasurementSnapshot> Measurements { get; init; } = [];
}

public sealed record GoalSnapshot(Guid Id, string Description, string MeasureName, GoalComparator Comparator, decimal Target, string Unit,
    DateOnly? DueDate, GoalAchievement Achievement, string? AgreedBy, DateTimeOffset? AgreedAt);

public sealed record ActivitySnapshot(Guid Id, string Description, Guid? OrganisationId, string? OrganisationName, Sector Sector, string? Schedule,
    ActivityStatus Status, Guid? AppointmentId);

public sealed record NoteSnapshot(Guid Id, string Text, string WrittenBy, DateTimeOffset WrittenAt);

public sealed record MeasurementSnapshot(Guid Id, string Name, string Unit, string? Frequency);
