namespace CareWorkspace.Domain.Triage;

/// <summary>
/// What is wrong with one entered vital sign, for the message beside its field: an English template with its values,
/// worded in the reader's language by the screen (like <see cref="Common.DomainException"/>).
/// </summary>
public sealed record VitalSignProblem(VitalSign Field, string Template, params object[] Arguments)
{
    public string English => Common.DomainException.English(Template, Arguments);
}
