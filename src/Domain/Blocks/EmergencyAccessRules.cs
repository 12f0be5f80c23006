namespace CareWorkspace.Domain.Blocks;

/// <summary>How long emergency access may last: two hours unless the clinician asks for less; the maximum is configurable.</summary>
public sealed record EmergencyAccessRules(TimeSpan DefaultDuration, TimeSpan MaximumDuration)
{
    public static readonly EmergencyAccessRules Standard = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4));
}
