namespace CareWorkspace.Domain.NationalSync;

/// <summary>
/// Provenance of one item imported from a national service: which service, the source's id and version, when it was
/// fetched. The pair (service, source id) is unique, so importing the same item again adds nothing.
/// </summary>
public sealed class ImportedItem
{
    public const int SourceIdMaxLength = 200;
    public const int VersionMaxLength = 64;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public NationalService Service { get; private set; }
    public string SourceId { get; private set; } = "";
    public string? Version { get; private set; }
    public DateTimeOffset? SourceUpdatedAt { get; private set; }
    public DateTimeOffset FetchedAt { get; private set; }

    /// <summary>The patient the item was imported to, when it belongs to one.</summary>
    public Guid? PatientId { get; private set; }

    private ImportedItem() { }

    public ImportedItem(NationalService service, string sourceId, string? version, DateTimeOffset? sourceUpdatedAt, DateTimeOffset fetchedAt, Guid? patientId)
    {
        Service = service;
        SourceId = Common.Guard.Required(sourceId, "Source id", SourceIdMaxLength);
        Version = Common.Guard.Optional(version, "Version", VersionMaxLength);
        SourceUpdatedAt = sourceUpdatedAt;
        FetchedAt = fetchedAt;
        PatientId = patientId;
    }

    /// <summary>A newer version of the same item was imported.</summary>
    public void Refetched(string? version, DateTimeOffset? sourceUpdatedAt, DateTimeOffset fetchedAt)
    {
        Version = Common.Guard.Optional(version, "Version", VersionMaxLength);
        SourceUpdatedAt = sourceUpdatedAt;
        FetchedAt = fetchedAt;
    }
}
