using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>
/// A drug–drug interaction: a drug matching <see cref="First"/> together with one matching <see cref="Second"/>, each an
/// ATC substance code or a class prefix (e.g. B01AA03 warfarin with M01A NSAIDs), the order does not matter.
/// </summary>
public sealed record InteractionRule
{
    public const int IdMaxLength = 60;
    public const int SourceMaxLength = 300;

    public string Id { get; }
    public string First { get; }
    public string Second { get; }
    public AlertSeverity Severity { get; }
    public LocalisedText Advice { get; }
    public string Source { get; }

    public InteractionRule(string id, string first, string second, AlertSeverity severity, LocalisedText advice, string source)
    {
        Id = Guard.Required(id, "Rule id", IdMaxLength);
        First = AtcCode.Parse(first);
        Second = AtcCode.Parse(second);
        if (!Enum.IsDefined(severity))
            throw new DomainException("'{0}' is not a severity (Minor, Moderate or Major).", severity);
        Severity = severity;
        Advice = advice;
        Source = Guard.Required(source, "Literature source", SourceMaxLength);
    }
}
