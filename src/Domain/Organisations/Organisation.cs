using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Organisations;

public sealed class Organisation : AggregateRoot
{
    public const int NameMaxLength = 200;

    public string Name { get; private set; } = "";
    public SorCode Sor { get; private set; } = null!;
    public Sector Sector { get; private set; }

    /// <summary>A unit inside another organisation, e.g. the home care of a municipality.</summary>
    public Guid? ParentId { get; private set; }

    private Organisation() { }

    public Organisation(string name, SorCode sor, Sector sector, Guid? parentId = null)
    {
        Name = Guard.Required(name, "Organisation name", NameMaxLength);
        Sor = sor ?? throw new DomainException("A SOR code is required.");
        Sector = sector;
        ParentId = parentId;
    }

    public void Rename(string name) => Name = Guard.Required(name, "Organisation name", NameMaxLength);
}
