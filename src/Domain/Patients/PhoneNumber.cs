using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Patients;

/// <summary>A phone number as people write it: digits, spaces, an optional leading +.</summary>
public static class PhoneNumber
{
    public const int MaxLength = 20;

    public static string Normalise(string? input, string whose)
    {
        var text = Guard.Required(input, $"Phone number of {whose}", MaxLength);
        var digits = text.Replace(" ", "", StringComparison.Ordinal);
        var body = digits.StartsWith('+') ? digits[1..] : digits;
        if (body.Length is < 8 or > 15 || !body.All(char.IsAsciiDigit))
            throw new DomainException("'{0}' is not a phone number for {1}: use 8 to 15 digits, optionally starting with +.", text, whose);
        return text;
    }
}
