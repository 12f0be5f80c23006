namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// The Health Act's two kinds of rehabilitation after discharge: general rehabilitation (generel genoptræning) in the
/// municipality, or specialised rehabilitation (specialiseret genoptræning) that needs hospital-level skills.
/// </summary>
public enum RehabilitationKind
{
    General,
    Specialised,
}
