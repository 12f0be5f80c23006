using CareWorkspace.Domain.Access;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// One section of the pathway page. A module adds its section with <see cref="PathwaySectionRegistry.Add{TComponent}"/>;
/// the page shows it to viewers allowed to read <see cref="AccessSection"/>, in <see cref="Order"/>.
/// The component receives a <c>PatientId</c> parameter.
/// </summary>
public sealed record PathwaySectionDescriptor(string Key, string Title, string Icon, Type Component, int Order, PatientSection AccessSection);
