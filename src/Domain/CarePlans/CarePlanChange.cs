namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// One line of a version's summary: the kind, what it concerns (a goal's or activity's text, as written) and the new value
/// where there is one (a status by its code). Stored as kinds, not sentences, so each reader reads it in their language.
/// </summary>
public sealed record CarePlanChange(CarePlanChangeKind Kind, string? Subject = null, string? Value = null);
