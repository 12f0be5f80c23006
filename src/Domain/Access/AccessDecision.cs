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

    public static AccessDecision Allow(string reason) => new(true, reason);

    public static AccessDecision Deny(string template, params object?[] arguments) =>
        new(false, DomainException.English(template, arguments)) { ReasonTemplate = template, ReasonArguments = arguments };

    /// <summary>The refusal to throw for this decision.</summary>
    public PatientAccessDeniedException Refusal() => new(ReasonTemplate, [.. ReasonArguments]);
}
