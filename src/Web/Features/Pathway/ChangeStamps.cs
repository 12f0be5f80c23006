using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Web.Features.Pathway;

internal static class ChangeStamps
{
    public static ChangeStamp For(Actor actor, TimeProvider clock) =>
        new(actor.OrganisationName is { Length: > 0 } org ? $"{actor.DisplayName} ({org})" : actor.DisplayName, clock.GetUtcNow());
}
