using CareWorkspace.Domain.Access;

namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>Someone who has a patient's pathway open right now.</summary>
public sealed record Viewer(string UserId, string DisplayName, UserRole Role, string? OrganisationName)
{
    public static Viewer From(Actor actor) => new(actor.UserId, actor.DisplayName, actor.Role, actor.OrganisationName);
}
