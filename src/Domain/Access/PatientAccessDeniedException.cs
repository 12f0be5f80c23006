using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Access;

/// <summary>
/// The user has no care relationship that allows this; the attempt has been logged. The reason is kept as an English
/// template with its values, like <see cref="DomainException"/>, for the screen to word in the reader's language.
/// </summary>
public sealed class PatientAccessDeniedException(string template, params object?[] arguments)
    : Exception(DomainException.English(template, arguments))
{
    public string Template { get; } = template;

    public IReadOnlyList<object?> Arguments { get; } = arguments;
}
