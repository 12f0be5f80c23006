using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Access;

/// <summary>
/// The answer of <see cref="PatientAccessPolicy"/>. <see cref="Reason"/> is the English sentence (the access log keeps
/// it as an audit record); <see cref="ReasonTemplate"/> and <see cref="ReasonArguments"/> let a screen show it in the
/// reader's language.
/// </summary>
public sealed record AccessDecision(bool Allowed, string Reason)
{
    public string ReasonTemplate { get; private init; } = Reason;

    public IReadOnlyList<object?> ReasonArguments { get; private init; } = [];

    /// <summary>Allowed only because the actor broke the glass: every access under it is recorded as emergency access, with this reason.</summary>
    public string? EmergencyReason { get; private init; }

    public bool UnderEmergencyAccess => EmergencyReason is not null;

    public static AccessDecision Allow(string reason) => new(true, reason);

    /// <summary>Allowed on data the patient blocked, under the actor's emergency access given for <paramref name="emergencyReason"/>.</summary>
    public static AccessDecision AllowUnderEmergency(string emergencyReason) =>
        new(true, DomainException.English("Emergency access: {0}", [emergencyReason])) { EmergencyReason = emergencyReason };

    public static AccessDecision Deny(string template, params object?[] arguments) =>
        new(false, DomainException.English(template, arguments)) { ReasonTemplate = template, ReasonArguments = arguments };

    /// <summary>The refusal to throw for this decision.</summary>
    public PatientAccessDeniedException Refusal() => new(ReasonTemplate, [.. ReasonArguments]);
}
