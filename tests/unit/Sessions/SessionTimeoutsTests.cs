using CareWorkspace.Domain.Access;
using CareWorkspace.Web.Security;
using Microsoft.Extensions.Configuration;

namespace CareWorkspace.UnitTests.Sessions;

public sealed class SessionTimeoutsTests
{
    private static readonly DateTimeOffset SignIn = new(2026, 11, 29, 7, 0, 0, TimeSpan.Zero);

    private static readonly SessionTimeouts Defaults = new(new SessionOptions());

    [Fact]
    public void A_session_lasts_while_the_person_was_active_within_the_last_30_minutes()
    {
        Assert.Null(Defaults.EndReason(UserRole.MunicipalNurse, SignIn, SignIn.AddMinutes(10), SignIn.AddMinutes(39)));
    }

    [Fact]
    public void Thirty_minutes_without_activity_end_the_session()
    {
        var reason = Defaults.EndReason(UserRole.MunicipalNurse, SignIn, SignIn.AddMinutes(10), SignIn.AddMinutes(40));

        Assert.Equal("You were signed out after 30 minutes without activity.", reason);
    }

    [Fact]
    public void Twelve_hours_after_sign_in_the_session_ends_however_active()
    {
        Assert.Null(Defaults.EndReason(UserRole.HospitalClinician, SignIn, SignIn.AddHours(12).AddSeconds(-2), SignIn.AddHours(12).AddSeconds(-1)));

        var reason = Defaults.EndReason(UserRole.HospitalClinician, SignIn, SignIn.AddHours(12).AddSeconds(-1), SignIn.AddHours(12));

        Assert.Equal("You were signed out because a session lasts at most 12 hours.", reason);
    }

    [Fact]
    public void A_role_has_its_own_limits_from_the_settings_and_the_others_keep_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sessions:IdleTimeout"] = "00:20:00",
            ["Sessions:Roles:Administrator:IdleTimeout"] = "00:05:00",
            ["Sessions:Roles:Administrator:AbsoluteLifetime"] = "02:00:00",
        }).Build();
        var timeouts = new SessionTimeouts(configuration.GetSection(SessionOptions.Section).Get<SessionOptions>()!);

        Assert.Equal(TimeSpan.FromMinutes(5), timeouts.IdleTimeoutFor(UserRole.Administrator));
        Assert.Equal(TimeSpan.FromHours(2), timeouts.AbsoluteLifetimeFor(UserRole.Administrator));
        Assert.Equal(TimeSpan.FromMinutes(20), timeouts.IdleTimeoutFor(UserRole.GeneralPractitioner));
        Assert.Equal(TimeSpan.FromHours(12), timeouts.AbsoluteLifetimeFor(UserRole.GeneralPractitioner));
        Assert.NotNull(timeouts.EndReason(UserRole.Administrator, SignIn, SignIn, SignIn.AddMinutes(5)));
        Assert.Null(timeouts.EndReason(UserRole.GeneralPractitioner, SignIn, SignIn, SignIn.AddMinutes(5)));
    }
}
