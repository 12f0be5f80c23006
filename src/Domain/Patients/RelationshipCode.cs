namespace CareWorkspace.Domain.Patients;

/// <summary>HL7 v3 RoleCode relationships used by DK-core RelatedPerson.</summary>
public enum RelationshipCode
{
    /// <summary>Next of kin.</summary>
    NOK,
    /// <summary>Spouse.</summary>
    SPS,
    /// <summary>Child.</summary>
    CHILD,
    /// <summary>Power of attorney.</summary>
    POWATT,
    /// <summary>Guardian.</summary>
    GUARD,
    /// <summary>Friend.</summary>
    FRND,
}
