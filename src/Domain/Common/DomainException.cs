using System.Globalization;

namespace CareWorkspace.Domain.Common;

/// <summary>
/// A rule of the care domain was broken; the message is written for the person who entered the data.
/// It is kept as an English template with its values (<c>new DomainException("'{0}' is not a SOR code.", text)</c>) so the
/// screen that shows it can word it in the reader's language; <see cref="Exception.Message"/> is the English sentence.
/// </summary>
public sealed class DomainException(string template, params object?[] arguments) : Exception(English(template, arguments))
{
    /// <summary>The English sentence with numbered placeholders; the key of its translations.</summary>
    public string Template { get; } = template;

    public IReadOnlyList<object?> Arguments { get; } = arguments;

    /// <summary>The template filled in with English (invariant) formats; a template without values is the sentence itself.</summary>
    public static string English(string template, IReadOnlyList<object?> arguments) =>
        arguments.Count == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, [.. arguments]);
}
