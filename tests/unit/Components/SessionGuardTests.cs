using System.Security.Claims;
using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.UnitTests.Realtime;
using CareWorkspace.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Components;

public sealed class SessionGuardTests : BunitTestBase
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.Zero));
    private readonly SessionRevocations revocations;
    private readonly CircuitSession session;

    public SessionGuardTests()
    {
        revocations = new SessionRevocations(clock, NullLogger<SessionRevocations>.Instance);
        var options = new SessionOptions();
        session = new CircuitSession(revocations, new SessionTimeouts(options), options, clock);
        Services.AddSingleton(session);
        session.Begin(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(CareClaimTypes.Role, nameof(UserRole.Relative))], "test")));
    }

    [Fact]
    public void While_the_session_lasts_the_page_is_shown()
    {
        var cut = Render<SessionGuard>(p => p.AddChildContent("<p data-testid='patient-data'>Jens Jensen, COPD</p>"));

        Assert.Single(cut.FindAll("[data-testid=patient-data]"));
        Assert.Empty(cut.FindAll("[data-testid=signed-out-notice]"));
    }

    [Fact]
    public async Task When_the_session_is_revoked_the_page_and_its_patient_data_give_way_to_a_signed_out_notice()
    {
        var cut = Render<SessionGuard>(p => p.AddChildContent("<p data-testid='patient-data'>Jens Jensen, COPD</p>"));

        await revocations.RevokeAsync("u1", "Your account has been deactivated by an administrator.");

        cut.WaitForAssertion(() =>
        {
            var notice = cut.Find("[data-testid=signed-out-notice]");
            Assert.Contains("Signed out", notice.TextContent, StringComparison.Ordinal);
            Assert.Contains("deactivated by an administrator", notice.TextContent, StringComparison.Ordinal);
            Assert.Empty(cut.FindAll("[data-testid=patient-data]"));
            Assert.DoesNotContain("Jens", cut.Markup, StringComparison.Ordinal);
        });
        cut.FindAll("button").Single(b => b.TextContent.Contains("Log in again", StringComparison.Ordinal)).Click();
        Assert.EndsWith("/account/login", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_reported_by_the_page_keeps_the_session()
    {
        var cut = Render<SessionGuard>(p => p.AddChildContent("<p data-testid='patient-data'>Jens</p>"));

        clock.Advance(TimeSpan.FromMinutes(25));
        cut.InvokeAsync(() => cut.Instance.Touch());
        clock.Advance(TimeSpan.FromMinutes(25));
        clock.FireTimers();

        Assert.Null(session.EndReason);
        Assert.Single(cut.FindAll("[data-testid=patient-data]"));
    }

    [Fact]
    public async Task A_reason_pushed_in_English_is_shown_in_the_readers_language()
    {
        UseLanguage(CareWorkspace.Web.Localization.CareCultures.Danish);
        var cut = Render<SessionGuard>(p => p.AddChildContent("<p data-testid='patient-data'>Jens</p>"));

        await revocations.RevokeAsync("u1", "Your account has been deactivated by an administrator.");

        cut.WaitForAssertion(() =>
        {
            var notice = cut.Find("[data-testid=signed-out-notice]").TextContent;
            Assert.Contains("Logget ud", notice, StringComparison.Ordinal);
            Assert.Contains("Din konto er blevet deaktiveret af en administrator.", notice, StringComparison.Ordinal);
            Assert.Contains("Log ind igen", notice, StringComparison.Ordinal);
            Assert.DoesNotContain("deactivated", notice, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void An_idle_timeout_is_explained_with_its_limit_in_the_readers_language()
    {
        UseLanguage(CareWorkspace.Web.Localization.CareCultures.Danish);
        var cut = Render<SessionGuard>(p => p.AddChildContent("<p data-testid='patient-data'>Jens</p>"));

        clock.Advance(TimeSpan.FromMinutes(30));
        clock.FireTimers();

        cut.WaitForAssertion(() => Assert.Contains("Du blev logget ud efter 30 minutter uden aktivitet.",
            cut.Find("[data-testid=signed-out-notice]").TextContent, StringComparison.Ordinal));
        Assert.Equal("You were signed out after 30 minutes without activity.", session.EndReason);
    }
}
