namespace CareWorkspace.Web.Features.CalendarFeeds;

/// <summary>One of the viewer's own calendar subscriptions (the address itself is never shown again after it is made).</summary>
public sealed record CalendarFeedSubscriptionView(Guid Id, DateTimeOffset CreatedAt);

/// <summary>A subscription just made: its private address, shown once.</summary>
public sealed record NewCalendarFeed(Guid Id, string Address);
