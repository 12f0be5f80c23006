using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Domain.Organisations;

public sealed class Organisation : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int KindMaxLength = 100;

    public string Name { get; private set; } = "";
    public SorCode Sor { get; private set; } = null!;
    public Sector Sector { get; private set; }

    /// <summary>A unit inside another organisation, e.g. the home care of a municipality.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>The address SOR gives (null: none, or not yet asked).</summary>
    public Address? Address { get; private set; }

    /// <summary>The phone number SOR gives.</summary>
    public string? Phone { get; private set; }

    /// <summary>The kind of organisation in SOR (its organisation type, e.g. "Almen praksis").</summary>
    public string? Kind { get; private set; }

    /// <summary>When SOR was last asked about the organisation (null: never); the address, phone and kind are as of then.</summary>
    public DateTimeOffset? SorCheckedAt { get; private set; }

    public SorStatus SorStatus { get; private set; }

    private Organisation() { }

    public Organisation(string name, SorCode sor, Sector sector, Guid? parentId = null)
    {
        Name = Guard.Required(name, "Organisation name", NameMaxLength);
        Sor = sor ?? throw new DomainException("A SOR code is required.");
        Sector = sector;
        ParentId = parentId;
    }

    public void Rename(string name) => Name = Guard.Required(name, "Organisation name", NameMaxLength);

    /// <summary>
    /// SOR's master data replaces ours: it is the source of the name, address, phone, kind and whether the organisation
    /// is active. An answer without a name is refused as a whole. An address or phone number SOR leaves out is cleared;
    /// one we cannot hold (not a Danish address, not a phone number) leaves ours as it was. True when anything changed.
    /// </summary>
    public bool UpdateFromSor(SorEntry entry, DateTimeOffset checkedAt)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.Name))
            throw new DomainException("The organisation register gave no name for SOR code {0}.", Sor.Value);
        var name = Guard.Required(entry.Name, "Organisation name", NameMaxLength);
        var kind = Guard.Optional(entry.Kind, "Organisation kind", KindMaxLength);
        var before = (Name, Address, Phone, Kind, SorStatus);
        Name = name;
        Address = AddressFrom(entry) ?? (HasNoAddress(entry) ? null : Address);
        Phone = string.IsNullOrWhiteSpace(entry.Phone) ? null : PhoneFrom(entry.Phone) ?? Phone;
        Kind = kind;
        SorStatus = entry.Active ? SorStatus.Active : SorStatus.Inactive;
        SorCheckedAt = checkedAt;
        return before != (Name, Address, Phone, Kind, SorStatus);
    }

    /// <summary>SOR has no organisation with our SOR code: the last known master data is kept and marked as such. True when that is news.</summary>
    public bool NotFoundInSor(DateTimeOffset checkedAt)
    {
        var changed = SorStatus != SorStatus.NotInRegister;
        SorStatus = SorStatus.NotInRegister;
        SorCheckedAt = checkedAt;
        return changed;
    }

    private static bool HasNoAddress(SorEntry entry) =>
        string.IsNullOrWhiteSpace(entry.AddressLine) && string.IsNullOrWhiteSpace(entry.PostalCode) && string.IsNullOrWhiteSpace(entry.City);

    private static Address? AddressFrom(SorEntry entry)
    {
        if (HasNoAddress(entry))
            return null;
        try
        {
            return new Address(entry.AddressLine!, entry.PostalCode!, entry.City!);
        }
        catch (DomainException)
        {
            return null;
        }
    }

    private string? PhoneFrom(string phone)
    {
        try
        {
            return PhoneNumber.Normalise(phone, Name);
        }
        catch (DomainException)
        {
            return null;
        }
    }
}
