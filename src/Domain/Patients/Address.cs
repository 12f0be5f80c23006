using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Patients;

public sealed record Address
{
    public const int LineMaxLength = 200;

    public string Line { get; }
    public string PostalCode { get; }
    public string City { get; }

    public Address(string line, string postalCode, string city)
    {
        Line = Guard.Required(line, "Street address", LineMaxLength);
        PostalCode = Guard.Required(postalCode, "Postal code", 4);
        if (PostalCode.Length != 4 || !PostalCode.All(char.IsAsciiDigit))
            throw new DomainException("'{0}' is not a Danish postal code: it must be four digits.", postalCode);
        City = Guard.Required(city, "City", 100);
    }

    public override string ToString() => $"{Line}, {PostalCode} {City}";
}
