using CareWorkspace.Domain.Access;
using Microsoft.AspNetCore.Components;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>The extension point for pathway sections: calendar, plans, triage and medication register here.</summary>
public sealed class PathwaySectionRegistry
{
    private readonly List<PathwaySectionDescriptor> _sections = [];

    public IReadOnlyList<PathwaySectionDescriptor> Sections => _sections.OrderBy(s => s.Order).ToList();

    public PathwaySectionRegistry Add<TComponent>(string key, string title, string icon, int order, PatientSection accessSection)
        where TComponent : IComponent
    {
        if (_sections.Any(s => s.Key == key))
            throw new InvalidOperationException($"A pathway section with the key '{key}' is already registered.");
        _sections.Add(new PathwaySectionDescriptor(key, title, icon, typeof(TComponent), order, accessSection));
        return this;
    }

    public IReadOnlyList<PathwaySectionDescriptor> VisibleTo(IReadOnlySet<PatientSection> allowed) =>
        Sections.Where(s => allowed.Contains(s.AccessSection)).ToList();
}
