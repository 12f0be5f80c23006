using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace CareWorkspace.Web.Security;

/// <summary>The signed-in actor of this circuit or request, read from the authentication state.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActor() ?? throw new PatientAccessDeniedException("You are not signed in.");
    }
}
