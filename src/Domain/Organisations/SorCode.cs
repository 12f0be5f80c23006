using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Organisations;

/// <summary>An identifier in the national Health Organisation Register (SOR): at least 11 digits.</summary>
public sealed record SorCode
{
    public const int MinLength = 11;
    public const int MaxLength = 18;
    public const string System = "urn:oid:1.2.208.176.1.1";

    public string Value { get; }

    private SorCode(string value) => Value = value;

    public static SorCode Parse(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length is < MinLength or > MaxLength || !text.All(char.IsAsciiDigit))
            throw new DomainException("'{0}' is not a SOR code: it must be {1} to {2} digits.", text, MinLength, MaxLength);
        return new SorCode(text);
    }

    public override string ToString() => Value;
}
