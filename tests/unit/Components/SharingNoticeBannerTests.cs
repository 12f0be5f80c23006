using System.Globalization;
using Bunit;
using CareWorkspace.Web.Features.Sharing;

namespace CareWorkspace.UnitTests.Components;

public sealed class SharingNoticeBannerTests : BunitTestBase
{
    // 10:00 in Copenhagen (winter time).
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static SharingNotice Notice(bool blocked, bool mayBreakGlass = true, EmergencyAccessView? active = null) =>
        new(blocked, mayBreakGlass, active, 240, 120);

    [Fact]
    public void StaffAreToldThatSomethingIsBlocked_AndOfferedEmergencyAccess()
    {
        var clicked = false;
        var cut = Render<SharingNoticeBanner>(p => p
            .Add(c => c.Notice, Notice(blocked: true))
            .Add(c => c.Now, Now)
            .Add(c => c.OnEmergency, () => clicked = true));

        Assert.Equal("Some information is blocked by the patient.", cut.Find("[data-testid=blocked-notice] span").TextContent.Trim());
        cut.Find("[data-testid=emergency-open]").Click();
        Assert.True(clicked);
    }

    [Fact]
    public void NothingIsShown_WhenNothingIsBlocked_AndNoButtonForThoseWhoMayNotBreakTheGlass()
    {
        var none = Render<SharingNoticeBanner>(p => p.Add(c => c.Notice, Notice(blocked: false)).Add(c => c.Now, Now));
        Assert.Empty(none.FindAll("[data-testid=blocked-notice]"));

        var careWorker = Render<SharingNoticeBanner>(p => p.Add(c => c.Notice, Notice(blocked: true, mayBreakGlass: false)).Add(c => c.Now, Now));
        Assert.Single(careWorker.FindAll("[data-testid=blocked-notice]"));
        Assert.Empty(careWorker.FindAll("[data-testid=emergency-open]"));
    }

    [Theory]
    [InlineData("en-GB", "until 10:45 (45 minutes left)", "Reason: Unconscious, need history")]
    [InlineData("da-DK", "indtil kl. 10.45 (45 minutter tilbage)", "Begrundelse: Unconscious, need history")]
    public void ActiveEmergencyAccess_IsABannerWithTheTimeLeftAndTheReason(string culture, string until, string reason)
    {
        UseLanguage(CultureInfo.GetCultureInfo(culture));
        var active = new EmergencyAccessView(Guid.NewGuid(), Now.AddMinutes(-75), Now.AddMinutes(45), "Unconscious, need history");

        var cut = Render<SharingNoticeBanner>(p => p.Add(c => c.Notice, Notice(blocked: true, active: active)).Add(c => c.Now, Now));

        var banner = cut.Find("[data-testid=emergency-banner]").TextContent;
        Assert.Contains(until, banner, StringComparison.Ordinal);
        Assert.Contains(reason, banner, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=blocked-notice]"));
    }

    [Fact]
    public void AnEndedEmergencyAccess_IsNoLongerABanner()
    {
        var ended = new EmergencyAccessView(Guid.NewGuid(), Now.AddHours(-2), Now, "Unconscious, need history");

        var cut = Render<SharingNoticeBanner>(p => p.Add(c => c.Notice, Notice(blocked: true, active: ended)).Add(c => c.Now, Now));

        Assert.Empty(cut.FindAll("[data-testid=emergency-banner]"));
        Assert.Single(cut.FindAll("[data-testid=blocked-notice]"));
    }

    [Fact]
    public void ActiveEmergencyAccess_CanBeEndedEarly_AndTheButtonWaitsWhileItEnds()
    {
        var ended = false;
        var active = new EmergencyAccessView(Guid.NewGuid(), Now.AddMinutes(-10), Now.AddMinutes(110), "Unconscious, need history");
        var cut = Render<SharingNoticeBanner>(p => p
            .Add(c => c.Notice, Notice(blocked: true, active: active))
            .Add(c => c.Now, Now)
            .Add(c => c.OnEndEmergency, () => ended = true));

        var button = cut.Find("[data-testid=emergency-end]");
        Assert.Equal("End emergency access", button.TextContent.Trim());
        button.Click();
        Assert.True(ended);

        cut.Render(p => p.Add(c => c.Ending, true));
        Assert.True(cut.Find("[data-testid=emergency-end]").HasAttribute("disabled"));
        Assert.Empty(Render<SharingNoticeBanner>(p => p.Add(c => c.Notice, Notice(blocked: true)).Add(c => c.Now, Now)).FindAll("[data-testid=emergency-end]"));
    }
}
