using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Patients;

public sealed class ContactRelative
{
    public const int NameMaxLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; } = "";
    public RelationshipCode Relationship { get; private set; }
    public string Phone { get; private set; } = "";

    /// <summary>The person staff call first ("kontaktperson" in the shared master data).</summary>
    public bool IsContactRelative { get; private set; }

    /// <summary>The Identity user of this relative, when the relative uses CareWorkspace.</summary>
    public string? UserId { get; private set; }

    /// <summary>Changes on every edit of this relative; an edit based on an older version is stale.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();
    public string? ChangedBy { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }

    private ContactRelative() { }

    internal ContactRelative(string name, RelationshipCode relationship, string phone, bool isContactRelative, string? userId)
    {
        Name = Guard.Required(name, "Relative's name", NameMaxLength);
        Relationship = relationship;
        Phone = PhoneNumber.Normalise(phone, Name);
        IsContactRelative = isContactRelative;
        UserId = userId;
    }

    internal void Change(string name, RelationshipCode relationship, string phone, bool isContactRelative)
    {
        Name = Guard.Required(name, "Relative's name", NameMaxLength);
        Relationship = relationship;
        Phone = PhoneNumber.Normalise(phone, Name);
        IsContactRelative = isContactRelative;
        Version = Guid.NewGuid();
    }

    internal void Stamp(ChangeStamp stamp)
    {
        ChangedBy = stamp.ByName;
        ChangedAt = stamp.At;
    }

    internal IReadOnlyDictionary<string, string?> Values() => new Dictionary<string, string?>
    {
        ["Name"] = Name,
        ["Relationship"] = Relationship.ToString(),
        ["Phone"] = Phone,
        ["Contact relative"] = IsContactRelative ? "Yes" : "No",
    };
}
