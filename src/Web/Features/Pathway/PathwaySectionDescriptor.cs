using CareWorkspace.Domain.Access;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// One section of the pathway page. A module adds its section with <see cref="PathwaySectionRegistry.Add{TComponent}"/>;
/// the page shows it to viewers allowed to read <see cref="AccessSection"/>, in <see cref="Order"/>.
/// The component receives a <c>PatientId</c> parameter.
/// </summary>
/// <param name="Title">The English title, a key of PathwaySectionRegistry.resx (add the module's title there in both languages).</param>
public sealed record PathwaySectionDescriptor(string Key, string Title, string Icon, Type Component, int Order, PatientSection AccessSection)
{
    /// <summary>The title in the reader's language.</summary>
    public string DisplayTitle => StaticText.For(typeof(PathwaySectionRegistry))[Title];
}
