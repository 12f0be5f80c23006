using CareWorkspace.Domain.Access;

namespace CareWorkspace.Web.Features.Consents;

/// <summary>The patient's consents to relatives, current and past, and what this viewer may do with them.</summary>
public sealed record ConsentsView(
    Guid PatientId,
    IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<ConsentableRelative> Relatives,
    bool CanGrant,
    bool CanWithdraw,
    bool ReasonRequired,
    DateOnly Today);

public sealed record ConsentView(
    Guid Id,
    string RelativeUserId,
    string RelativeName,
    IReadOnlyList<PatientSection> Sections,
    DateTimeOffset GivenAt,
    string? GivenBy,
    string? GivenReason,
    DateOnly? ValidUntil,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawnBy,
    string? WithdrawnReason,
    bool IsActive);

/// <summary>A relative registered on the patient who has a CareWorkspace account, so a consent can name them.</summary>
public sealed record ConsentableRelative(string UserId, string Name);

/// <summary>What the patient (or staff on the patient's behalf) chose: the relative, the sections, an optional last day.</summary>
public sealed record ConsentInput(string RelativeUserId, IReadOnlyCollection<PatientSection> Sections, DateOnly? ValidUntil, string? Reason);
