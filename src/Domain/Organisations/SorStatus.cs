namespace CareWorkspace.Domain.Organisations;

/// <summary>What the organisation register (SOR) last said about an organisation.</summary>
public enum SorStatus
{
    /// <summary>Known and active in SOR (also before it was first asked).</summary>
    Active,

    /// <summary>SOR still has it but marks it as no longer active (closed or merged).</summary>
    Inactive,

    /// <summary>SOR has no organisation with its SOR code.</summary>
    NotInRegister,
}
