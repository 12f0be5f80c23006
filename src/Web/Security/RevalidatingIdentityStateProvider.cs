using System.Security.Claims;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareWorkspace.Web.Security;

/// <summary>
/// Signs a circuit out the moment its session ends: a pushed revocation (deactivated, new password, role or
/// organisation, "Sign out everywhere") or the idle or absolute limit (<see cref="CircuitSession"/>). The security
/// stamp is also compared with the database now and then, in case this instance missed a push.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> SignedOut = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IOptions<IdentityOptions> _options;
    private readonly CircuitSession _session;

    public RevalidatingIdentityStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        CircuitSession session)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _options = options;
        _session = session;
        AuthenticationStateChanged += BeginSession;
        _session.Ended += OnSessionEnded;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        _session.EndReason is null ? base.GetAuthenticationStateAsync() : SignedOut;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<CareUser>>();
        var user = await signIn.UserManager.GetUserAsync(authenticationState.User);
        var principalStamp = authenticationState.User.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
        var valid = await signIn.ValidateSecurityStampAsync(user, principalStamp);
        if (!valid)
            _session.End("Your session was ended.");
        return valid;
    }

    private async void BeginSession(Task<AuthenticationState> state)
    {
        try
        {
            var user = (await state).User;
            if (user.Identity?.IsAuthenticated == true)
                _session.Begin(user);
        }
        catch (Exception)
        {
            // An authentication state that failed to load is no session to watch.
        }
    }

    private void OnSessionEnded(string reason) => SetAuthenticationState(SignedOut);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= BeginSession;
            _session.Ended -= OnSessionEnded;
        }
        base.Dispose(disposing);
    }
}
