using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.Pathway;

/// <summary>One thing that happened on the patient's pathway, in any sector: the timeline is made of these.</summary>
public sealed class PathwayEvent
{
    public const int TitleMaxLength = 200;
    public const int DetailMaxLength = 1000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public PathwayEventType Type { get; private set; }
    public Sector Sector { get; private set; }
    public Guid? SourceOrganisationId { get; private set; }
    public string SourceOrganisationName { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Detail { get; private set; }

    private PathwayEvent() { }

    public PathwayEvent(Guid patientId, DateTimeOffset at, PathwayEventType type, Sector sector, Guid? sourceOrganisationId, string sourceOrganisationName, string title, string? detail = null)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A pathway event belongs to a patient.");
        PatientId = patientId;
        At = at;
        Type = type;
        Sector = sector;
        SourceOrganisationId = sourceOrganisationId;
        SourceOrganisationName = Guard.Required(sourceOrganisationName, "Source organisation", 200);
        Title = Guard.Required(title, "Event title", TitleMaxLength);
        Detail = Guard.Optional(detail, "Event detail", DetailMaxLength);
    }
}
